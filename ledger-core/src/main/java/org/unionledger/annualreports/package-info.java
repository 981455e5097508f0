/**
 * Sign-off of the yearly statistics report (统计年报): the {@code AnnualReport} aggregate,
 * one per jurisdiction and statistical year, whose versions chain the figures, the global
 * position and seal they were computed at, and the signed reports of the level below. Its
 * event lives in {@code org.unionledger.signoff}, whose class names are stored with it.
 */
package org.unionledger.annualreports;
