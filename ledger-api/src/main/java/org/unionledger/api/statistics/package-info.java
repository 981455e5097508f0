/**
 * Statistics over HTTP: figures as of a date and as known at a recorded day, breakdowns,
 * completion against targets, rankings among siblings, the units below a jurisdiction,
 * and the events behind each figure.
 */
package org.unionledger.api.statistics;
