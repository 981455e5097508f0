/**
 * Small helpers of the HTTP layer: identifier shapes and the acting user.
 */
package org.unionledger.api.support;
