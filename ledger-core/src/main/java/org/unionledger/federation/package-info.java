/**
 * Ledgers of a federation (one per province) and the documents they exchange when a
 * member moves from one to another: the inter-ledger transfer credential, the acceptance
 * receipt, and the federation fingerprint that names a person across ledgers without
 * their resident ID. Signing and verifying these documents is the API's business.
 */
package org.unionledger.federation;
