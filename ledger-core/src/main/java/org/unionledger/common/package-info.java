/**
 * Small types every feature shares: who recorded a change, how rule violations are
 * reported (with the stable rule names in {@code Rules}), and the outcome of commands
 * whose refusals are recorded.
 */
package org.unionledger.common;
