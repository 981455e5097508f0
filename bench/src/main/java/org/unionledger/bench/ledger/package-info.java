/**
 * The ledger without HTTP: its real aggregates, storage engine, token store and
 * projections wired into an Axon configuration on one MongoDB database, plus the
 * synthetic people and stores the benchmarks and fault drills use.
 */
package org.unionledger.bench.ledger;
