/**
 * Audit: the event store's hash chain, signed digests and verification over HTTP, and the
 * auditor's replay on the command line (verify the seal, recount the statistics from the
 * events alone).
 */
package org.unionledger.api.audit;
