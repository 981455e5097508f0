/**
 * Grassroots unions over HTTP.
 */
package org.unionledger.api.unions;
