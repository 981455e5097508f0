/**
 * Axon event storage engine and token store on MongoDB whose every read and write is
 * keyed by {@code _id}, its tamper evidence (commit authenticators, the seal, the
 * integrity alarm), plus the embedded MongoDB-wire server used by the application and the
 * tests. Generic: no Spring, no ledger domain.
 */
package org.unionledger.eventstore;
