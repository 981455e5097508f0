/**
 * The documents the ledgers of a federation (one per province) exchange when a member
 * moves from one to another: the inter-ledger transfer credential and the acceptance
 * receipt. A person is named in them by a federation fingerprint, never by a resident ID.
 * Signing and verifying these documents is the API's business.
 */
package org.unionledger.federation;
