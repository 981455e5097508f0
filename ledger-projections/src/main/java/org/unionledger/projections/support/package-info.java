/**
 * How read models stay exact without transactions: documents keyed by {@code _id},
 * changed per batch, guarded by the last applied global position, token written last.
 */
package org.unionledger.projections.support;
