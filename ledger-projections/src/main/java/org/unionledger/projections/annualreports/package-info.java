/**
 * The signed yearly reports read model: each jurisdiction-year's signed versions and the
 * change flags raised when a later event changes one of its signed figures.
 */
package org.unionledger.projections.annualreports;
