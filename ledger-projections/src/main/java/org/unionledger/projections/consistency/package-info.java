/**
 * Consistency of the read models with the events: a brute-force replay of the statistics,
 * and the check that compares the live read models, document by document and figure by
 * figure, with what the event stream gives.
 */
package org.unionledger.projections.consistency;
