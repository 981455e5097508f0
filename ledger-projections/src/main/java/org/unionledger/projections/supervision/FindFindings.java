package org.unionledger.projections.supervision;

/**
 * Findings of a union ({@code U:<unionId>}) or jurisdiction ({@code J:<code>}) for a
 * statistical year, optionally of one kind.
 *
 * @param scope the union or jurisdiction key
 * @param statisticalYear the year
 * @param kind only this kind, or {@code null} for all
 */
public record FindFindings(String scope, int statisticalYear, FindingKind kind) {

}
