/**
 * Request hygiene before any controller runs: body size limits (413) and Idempotency-Key
 * replay for POSTs.
 */
package org.unionledger.api.requests;
