package org.unionledger.api.annualreports;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.projections.annualreports.AnnualReportView;

/**
 * A signed figure that an event after the signed position changed.
 *
 * @param id {@code <code>:<year>:v<version>:<figure>}
 * @param jurisdictionCode the jurisdiction whose report it concerns
 * @param version the signed version it concerns
 * @param figure the figure's name; absent for a flag on the whole report
 * @param label the figure's name for people, in the reader's language (amounts in 元: the
 * values stay in 分 as signed)
 * @param signedValue the signed value
 * @param currentValue the value now
 * @param status {@code OPEN} until a new version clears it, then {@code CLEARED}
 * @param clearedByVersion the version that cleared it
 * @param raisedAt the global position of the first event behind it
 * @param events the events behind it, in order
 * @param moreEvents how many further events changed it
 * @param note a sentence for people
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportFlag(String id, String jurisdictionCode, int version, String figure, String label, long signedValue,
		long currentValue, String status, Integer clearedByVersion, long raisedAt,
		List<AnnualReportView.FlagEvent> events, long moreEvents, String note) {

	static ReportFlag of(JurisdictionCode code, AnnualReportView.Flag flag, String label) {
		return new ReportFlag(flag.id(), code.value(), flag.version(), flag.figure(), label, flag.signedValue(),
				flag.currentValue(), flag.status(), flag.clearedByVersion(), flag.raisedAt(), flag.events(),
				flag.moreEvents(), flag.note());
	}

}
