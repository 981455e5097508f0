/**
 * Demo data for Hebei: a plan generated from a fixed random seed, and a loader that sends
 * it through the ledger's commands and resumes where an earlier load stopped.
 */
package org.unionledger.seeds;
