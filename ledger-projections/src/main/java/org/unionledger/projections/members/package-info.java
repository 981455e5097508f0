/**
 * Command-side reads of a member's own event stream: which unions hold or serve the
 * member on a date.
 */
package org.unionledger.projections.members;
