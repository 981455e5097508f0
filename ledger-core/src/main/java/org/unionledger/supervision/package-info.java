/**
 * Supervision (督查): decisions on findings of the double-count hunt, recorded as events.
 */
package org.unionledger.supervision;
