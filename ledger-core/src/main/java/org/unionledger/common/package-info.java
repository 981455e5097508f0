/**
 * Small types every feature shares: who recorded a change and how rule violations are
 * reported.
 */
package org.unionledger.common;
