/**
 * The statistics read model: dated counters of every figure per union and jurisdiction
 * (as of any effective date, as known at any recorded day), enrollment targets, rankings
 * and the drill-down index of the events behind each figure. Besides the projection,
 * documents and query handler it holds the key layout and the figure names, which both
 * sides share.
 */
package org.unionledger.projections.statistics;
