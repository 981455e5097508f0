/**
 * Grassroots unions over HTTP, and the union directory read from their event streams.
 */
package org.unionledger.api.unions;
