package org.unionledger.projections.annualreports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.annualreports.ChildReport;

/**
 * The signed yearly report of a jurisdiction: its current version, the versions before
 * it, and every change flag (open ones on the current version, cleared ones kept as
 * history).
 *
 * @param code the jurisdiction
 * @param statisticalYear the year
 * @param version the current version, from 1
 * @param signedAt when it was signed
 * @param signedBy who signed it
 * @param comment the signer's remark, or {@code null}
 * @param globalPosition the position its figures were computed at
 * @param sealedThrough the position the seal covered
 * @param sealDigest the seal's chain hash at {@code sealedThrough}
 * @param reportDigest the version's digest
 * @param previousReportDigest the digest of the version it amends, or {@code null}
 * @param figures the signed figures by name
 * @param children the reports of the level below as this version includes them
 * @param versions every version, oldest first
 * @param flags every flag, in the order raised
 */
public record AnnualReportView(JurisdictionCode code, int statisticalYear, int version, Instant signedAt,
		String signedBy, String comment, long globalPosition, long sealedThrough, String sealDigest,
		String reportDigest, String previousReportDigest, Map<String, Long> figures, List<ChildReport> children,
		List<Version> versions, List<Flag> flags) {

	/** The flags not yet cleared by a new version. */
	public List<Flag> openFlags() {
		return this.flags.stream().filter(Flag::open).toList();
	}

	/**
	 * One signed version.
	 *
	 * @param version its number
	 * @param globalPosition the position its figures were computed at
	 * @param reportDigest its digest
	 * @param signedAt when
	 * @param signedBy who
	 */
	public record Version(int version, long globalPosition, String reportDigest, Instant signedAt, String signedBy) {
	}

	/**
	 * A signed figure that an event after the signed position changed.
	 *
	 * @param id {@code <code>:<year>:v<version>:<figure>}
	 * @param version the signed version it concerns
	 * @param figure the figure's name; {@code null} for a flag on the whole report (too
	 * many events between the computation and the signature to tell which figures
	 * changed)
	 * @param signedValue the signed value (0 when the figure was not in the report)
	 * @param currentValue the value now (as of the year's end, as known now)
	 * @param status {@code OPEN} until a new version clears it, then {@code CLEARED}
	 * @param clearedByVersion the version that cleared it, or {@code null}
	 * @param raisedAt the global position of the first event behind it
	 * @param events the events behind it, in order (at most
	 * {@value AnnualReportProjection#MAX_FLAG_EVENTS})
	 * @param moreEvents how many further events changed it
	 * @param note a sentence for people
	 */
	public record Flag(String id, int version, String figure, long signedValue, long currentValue, String status,
			Integer clearedByVersion, long raisedAt, List<FlagEvent> events, long moreEvents, String note) {

		public boolean open() {
			return AnnualReportProjection.OPEN.equals(this.status);
		}

	}

	/**
	 * An event behind a flag.
	 *
	 * @param position its global position
	 * @param type its type (simple class name)
	 * @param effectiveDate its effective date
	 * @param amount how much it changed the figure
	 */
	public record FlagEvent(long position, String type, LocalDate effectiveDate, long amount) {
	}

}
