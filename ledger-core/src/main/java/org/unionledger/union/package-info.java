/**
 * Grassroots unions: registration and dissolution, and the placement (jurisdiction, type,
 * sector) that membership events copy.
 */
package org.unionledger.union;
