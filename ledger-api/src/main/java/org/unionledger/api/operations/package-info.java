/**
 * Operating the read models: processors' positions and lag, rebuilding a projection while
 * writes go on, and the replay-based consistency check.
 */
package org.unionledger.api.operations;
