/**
 * The union directory the command side needs, read straight from each union's event
 * stream (not a read model): no lag between registering a union and enrolling into it.
 */
package org.unionledger.projections.unions;
