package org.unionledger.union;

import org.unionledger.jurisdiction.JurisdictionCode;

/**
 * Where a union stands, copied into every membership event as a fact of that moment, so
 * that counts and replays never need a lookup.
 *
 * @param unionId the union
 * @param jurisdictionCode its county-level jurisdiction (6 digits)
 * @param type its type
 * @param sector its sector
 */
public record UnionPlacement(UnionId unionId, JurisdictionCode jurisdictionCode, UnionType type, Sector sector) {

}
