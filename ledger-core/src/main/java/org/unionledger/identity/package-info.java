/**
 * Real-name identity: resident ID validation (GB 11643), the rule for person names
 * ({@code PersonName}), keyed fingerprints that turn an ID into a {@code MemberId}, and
 * AES-GCM encryption of personal data for events. Clear IDs stay in memory; only masked
 * forms are ever shown.
 */
package org.unionledger.identity;
