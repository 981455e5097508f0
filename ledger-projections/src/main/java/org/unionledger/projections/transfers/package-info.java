/**
 * The transfers read model: flows of members between cities by statistical year and
 * effective day, and the transfer credentials still outstanding by expiry date, per union
 * and jurisdiction.
 */
package org.unionledger.projections.transfers;
