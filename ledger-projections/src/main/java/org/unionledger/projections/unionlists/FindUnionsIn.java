package org.unionledger.projections.unionlists;

import java.util.List;

import org.unionledger.jurisdiction.JurisdictionCode;

/**
 * The unions registered under some county-level jurisdictions.
 *
 * @param counties the 6-digit codes
 */
public record FindUnionsIn(List<JurisdictionCode> counties) {
}
