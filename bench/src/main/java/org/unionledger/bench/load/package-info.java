/**
 * A bounded HTTP load run against the ledger-api jar on 127.0.0.1: mixed enrollments,
 * transfers, services and summary queries for a fixed time and a maximum request count.
 */
package org.unionledger.bench.load;
