/**
 * Real-name identity: resident ID validation (GB 11643), keyed fingerprints and encrypted
 * personal data. Clear-text IDs never leave this package's callers.
 */
package org.unionledger.identity;
