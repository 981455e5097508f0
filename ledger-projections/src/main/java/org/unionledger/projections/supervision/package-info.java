/**
 * The double-count hunt: findings for supervisors per union, jurisdiction and statistical
 * year.
 */
package org.unionledger.projections.supervision;
