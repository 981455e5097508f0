/**
 * Read-your-writes: a write returns once this node's read models include it.
 */
package org.unionledger.api.freshness;
