/**
 * Grassroots unions: the {@code GrassrootsUnion} aggregate (registration and
 * dissolution), and the placement (jurisdiction, type, sector) that membership events
 * copy.
 */
package org.unionledger.union;
