/**
 * Transfers between ledgers: this ledger's identity and signing key, the trust list of
 * the other ledgers' public keys, and the signed documents (JWS, ES256) they exchange:
 * inter-ledger credentials and acceptance receipts.
 */
package org.unionledger.api.federation;
