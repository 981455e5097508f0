package org.unionledger.projections.supervision;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

/**
 * One finding for supervisors. Its id is stable: the kind, the member (or union) and the
 * global position of the event that raised it, so a rebuild finds the same ids.
 *
 * @param id stable id
 * @param kind what it is about
 * @param unionId the union concerned
 * @param jurisdictionCode that union's county-level jurisdiction
 * @param statisticalYear the year the record counts in
 * @param memberId the member, if any
 * @param effectiveDate when the record took effect
 * @param recordedOn when it was written (ledger zone)
 * @param position global position of the event behind it
 * @param detail facts that explain it
 * @param status OPEN, CONFIRMED or DISMISSED
 * @param decisionReason the supervisor's reason, once decided
 * @param decidedBy who decided
 * @param correctedBy who corrected it by a compensating event, once corrected
 * @param correctionReason why it was corrected, once corrected
 */
public record Finding(String id, FindingKind kind, String unionId, String jurisdictionCode, int statisticalYear,
		String memberId, LocalDate effectiveDate, LocalDate recordedOn, long position, Map<String, Object> detail,
		String status, String decisionReason, String decidedBy, String correctedBy, String correctionReason) {

	/**
	 * The keys of {@code detail} that name a union other than the finding's own (the one
	 * holding the membership, the one a member left, the one a credential was meant for),
	 * which may lie outside a reader's scope.
	 */
	public static final Set<String> OTHER_UNIONS = Set.of("currentUnionId", "terminatedAtUnion", "toUnionId");

	/** How the finding is corrected once confirmed (its kind's correction). */
	@com.fasterxml.jackson.annotation.JsonProperty
	public FindingCorrection correction() {
		return this.kind.correction();
	}

	/** The same finding with other details (e.g. masked for a reader). */
	public Finding withDetail(Map<String, Object> newDetail) {
		return new Finding(this.id, this.kind, this.unionId, this.jurisdictionCode, this.statisticalYear, this.memberId,
				this.effectiveDate, this.recordedOn, this.position, Map.copyOf(newDetail), this.status,
				this.decisionReason, this.decidedBy, this.correctedBy, this.correctionReason);
	}

	static Finding from(Document d) {
		Document detail = d.get("detail", Document.class);
		return new Finding(d.getString("_id"), FindingKind.valueOf(d.getString("kind")), d.getString("unionId"),
				d.getString("jurisdictionCode"), d.getInteger("statisticalYear", 0), d.getString("memberId"),
				LocalDate.parse(d.getString("effectiveDate")), LocalDate.parse(d.getString("recordedOn")),
				d.get("position", Number.class).longValue(), (detail != null) ? Map.copyOf(detail) : Map.of(),
				d.getString("status"), d.getString("decisionReason"), d.getString("decidedBy"),
				d.getString("correctedBy"), d.getString("correctionReason"));
	}

}
