/**
 * Small types every feature shares: who recorded a change, how rule violations are
 * reported (with the catalogue of rules in {@code Rule}), and the outcome of commands
 * whose refusals are recorded.
 */
package org.unionledger.common;
