package org.unionledger.projections.unionlists;

import java.time.LocalDate;
import java.util.List;

import org.unionledger.jurisdiction.JurisdictionCode;

/**
 * The unions registered under some county-level jurisdictions.
 *
 * @param counties the 6-digit codes
 * @param on {@code null} for the unions each jurisdiction manages now (a union that moved
 * is listed under the one it moved to from the move's recording on); a day for those that
 * stood under it on that day (by the moves' effective days)
 */
public record FindUnionsIn(List<JurisdictionCode> counties, LocalDate on) {

	/** The unions each jurisdiction manages now. */
	public FindUnionsIn(List<JurisdictionCode> counties) {
		this(counties, null);
	}

}
