/**
 * Audit over HTTP: the event store's hash chain, signed digests and verification.
 */
package org.unionledger.api.audit;
