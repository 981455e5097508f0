/**
 * Fault drills: a ledger node run as its own JVM on an H2 data folder and killed with
 * {@code kill -9} mid-import and mid-rebuild, then restarted and checked.
 */
package org.unionledger.bench.fault;
