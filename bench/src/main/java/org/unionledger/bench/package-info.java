/**
 * The command line of the bench jar: {@code bench} (the benchmark table), {@code crash}
 * (the full-size kill -9 drill) and {@code load} (a bounded HTTP load run against the
 * ledger-api jar).
 */
package org.unionledger.bench;
