/**
 * Reporting rules shared by every figure: the statistical year (统计年度) and its boundary.
 */
package org.unionledger.statistics;
