package org.unionledger.projections.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.federation.DoubleCount;
import org.unionledger.federation.Events.CrossLedgerDoubleCountsFound;
import org.unionledger.membership.Events.InterLedgerCredentialIssued;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.Events.InterLedgerReceiptRefused;
import org.unionledger.membership.Events.EnrollmentReclassifiedAsTransferIn;
import org.unionledger.membership.Events.EnrollmentRejected;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.TransferAcceptanceRejected;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.projections.support.Documents;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.projections.supervision.SupervisionEntries.BurstDay;
import org.unionledger.projections.supervision.SupervisionEntries.IssuedCredential;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.supervision.Events.FindingDecided;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;

/**
 * Hunts double counts as events arrive and keeps what it finds for supervisors: refused
 * duplicate enrollments, a termination followed soon by an enrollment elsewhere, records
 * written long after they took effect or in a later statistical year, and enrollments
 * into unions already dissolved when they were recorded. Findings are listed per union
 * and per jurisdiction level and statistical year, in documents keyed by {@code _id}.
 * <p>
 * Two kinds depend on more than one event, or on time passing, and are evaluated when
 * asked ({@link SupervisionQueryHandler}) from facts kept here: per-day counts of new
 * enrollments for bursts before the deadline, and each transfer credential's fate for
 * credentials that expired unused.
 */
@ProcessingGroup(SupervisionProjection.PROCESSING_GROUP)
public class SupervisionProjection {

	public static final String PROCESSING_GROUP = "supervision";

	static final String FINDINGS = "rm_findings";

	static final String LISTS = "rm_finding_lists";

	/**
	 * The layout of these read models: 2 since lists are split into chunks by window of
	 * global positions; 3 since a re-enrollment voids the member's credentials still
	 * issued (layout 2 kept them issued, so they turned into expired-unused findings); 4
	 * since a finding records its correction (who corrected it and why); 5 since a
	 * membership that left for another ledger is traced, so that enrolling the person
	 * here again raises {@link FindingKind#RE_ENROLLED_AFTER_LEAVING_FOR_LEDGER}; 6 since
	 * a list's chunks hold {@value #LIST_WINDOW} global positions, not 4,096 (an event
	 * may raise several findings: a roster entered late raised two per row, and a chunk
	 * grew to about 460 KB, rewritten by every batch).
	 */
	public static final int LAYOUT = 6;

	/**
	 * Per member, the latest end of the membership: {@code terminatedAtUnion},
	 * {@code terminatedOn} and, when it left for another ledger, {@code leftForLedger}.
	 */
	static final String MEMBER_TRACE = "rm_member_trace";

	static final String UNION_TRACE = "rm_union_trace";

	/** New enrollments per union, statistical year and effective day. */
	static final String BURST_COUNTS = "rm_burst_counts";

	/**
	 * Transfer credentials by code, and each issue's finding key
	 * ({@code F:<member>:<position>}) pointing at its code.
	 */
	static final String CREDENTIAL_TRACE = "rm_credential_trace";

	/** Prefix of the lists of unions with new enrollments, per scope and year. */
	static final String BURST_LIST = "bursts|";

	/** Prefix of the lists of credentials by scope and year of expiry. */
	static final String CREDENTIAL_LIST = "credentials|";

	private final MongoDatabase database;

	private final StatisticalCalendar calendar;

	private final SupervisionRules rules;

	/**
	 * Findings raised by the event being handled, by list; handlers run one at a time.
	 */
	private final Map<String, List<String>> raised = new java.util.LinkedHashMap<>();

	public SupervisionProjection(MongoDatabase database, StatisticalCalendar calendar, SupervisionRules rules) {
		this.database = database;
		this.calendar = calendar;
		this.rules = rules;
	}

	@ResetHandler
	void reset() {
		for (String collection : List.of(FINDINGS, LISTS, MEMBER_TRACE, UNION_TRACE, BURST_COUNTS, CREDENTIAL_TRACE)) {
			this.database.getCollection(collection).drop();
		}
	}

	@EventHandler
	void on(EnrollmentRejected event, TrackingToken token) {
		this.raised.clear();
		raise(FindingKind.DUPLICATE_ENROLLMENT_ATTEMPT, event.attemptedUnion(), event.memberId().value(),
				event.effectiveDate(), event.recordedAt(), token,
				Map.of("reason", event.reason().name(), "channel", event.channel().name(), "currentUnionId",
						String.valueOf(event.currentUnionId()), "recordedBy", event.recordedBy().value()));
		checkLateness(event.attemptedUnion(), event.memberId().value(), event.effectiveDate(), event.recordedAt(),
				token, "EnrollmentRejected");
		listRaised(token);
	}

	@EventHandler
	void on(MemberEnrolled event, TrackingToken token) {
		this.raised.clear();
		enrollment(event.union(), event.memberId().value(), event.effectiveDate(), event.recordedAt(), token,
				"MemberEnrolled");
		listRaised(token);
		countNewEnrollment(event, token);
	}

	/**
	 * Counts a new enrollment for the burst rule, per union, year and effective day (with
	 * the latest position and recorded day), and lists the union in its scopes' burst
	 * lists for the year. Only first enrollments count: they are what targets count.
	 */
	private void countNewEnrollment(MemberEnrolled event, TrackingToken token) {
		long position = EventPositions.of(token);
		UnionPlacement union = event.union();
		int year = this.calendar.yearOf(event.effectiveDate());
		String recordedOn = LocalDate.ofInstant(event.recordedAt(), this.rules.zone()).toString();
		ReadModelBatch batch = ReadModelBatch.current();
		batch.apply(BURST_COUNTS, burstKey(union.unionId().value(), year), position, d -> {
			d.put("unionId", union.unionId().value());
			d.put("jurisdictionCode", union.jurisdictionCode().value());
			d.put("statisticalYear", year);
			Document days = Documents.sub(d, BurstDay.DAYS);
			String day = event.effectiveDate().toString();
			Document count = days.get(day, Document.class);
			BurstDay counted = (count != null) ? BurstDay.of(count).plus(position, recordedOn)
					: BurstDay.first(position, recordedOn);
			days.put(day, counted.toDocument());
		});
		for (String scope : scopes(union)) {
			addToList(BURST_LIST + scope + "|" + year, union.unionId().value(), position);
		}
	}

	static String burstKey(String unionId, int year) {
		return unionId + "|" + year;
	}

	@EventHandler
	void on(TransferCredentialIssued event, TrackingToken token) {
		traceIssued(event.memberId().value(), event.code().value(), event.issuingUnion(), event.toUnionId(), null,
				event.issuedOn(), event.expiresOn(), event.recordedAt(), EventPositions.of(token));
	}

	/**
	 * A credential for another ledger is traced as one inside the ledger: one that
	 * expires with no receipt is a credential that expired unused.
	 */
	@EventHandler
	void on(InterLedgerCredentialIssued event, TrackingToken token) {
		traceIssued(event.memberId().value(), event.code().value(), event.issuingUnion(), event.destinationUnionId(),
				event.destinationLedger().value(), event.issuedOn(), event.expiresOn(), event.recordedAt(),
				EventPositions.of(token));
	}

	private void traceIssued(String memberId, String code, UnionPlacement union, UnionId toUnionId, String ledger,
			LocalDate issuedOn, LocalDate expiresOn, Instant recordedAt, long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		batch.apply(CREDENTIAL_TRACE, code, position, d -> {
			d.put("memberId", memberId);
			d.put("unionId", union.unionId().value());
			d.put("jurisdictionCode", union.jurisdictionCode().value());
			d.put("toUnionId", (toUnionId != null) ? toUnionId.value() : null);
			if (ledger != null) {
				d.put("toLedger", ledger);
			}
			d.put("issuedOn", issuedOn.toString());
			d.put("expiresOn", expiresOn.toString());
			d.put("recordedOn", LocalDate.ofInstant(recordedAt, this.rules.zone()).toString());
			d.put("position", position);
			d.put("status", "ISSUED");
		});
		batch.apply(CREDENTIAL_TRACE, credentialFindingKey(memberId, position), position, d -> d.put("code", code));
		batch.apply(CREDENTIAL_TRACE, memberCredentialsKey(memberId), position,
				d -> Documents.list(d, IssuedCredential.LIST).add(new IssuedCredential(position, code).toDocument()));
		int year = this.calendar.yearOf(expiresOn);
		for (String scope : scopes(union)) {
			addToList(CREDENTIAL_LIST + scope + "|" + year, code, position);
		}
	}

	/**
	 * The receiving ledger's receipt was taken: the credential was used. Recorded when
	 * the receipt arrives, so it is late by nature and raises no lateness finding.
	 */
	@EventHandler
	void on(MemberTransferredToLedger event, TrackingToken token) {
		ReadModelBatch.current().apply(CREDENTIAL_TRACE, event.code().value(), EventPositions.of(token), d -> {
			d.put("status", "ACCEPTED");
			d.put("acceptedOn", event.acceptedOn().toString());
		});
		ReadModelBatch.current().apply(MEMBER_TRACE, event.memberId().value(), EventPositions.of(token), d -> {
			d.put("terminatedAtUnion", event.fromUnion().unionId().value());
			d.put("terminatedOn", event.effectiveDate().toString());
			d.put("leftForLedger", event.receivingLedger().value());
		});
	}

	/**
	 * A refused receipt leaves the credential as it was; the refusal is kept as a fact.
	 */
	@EventHandler
	void on(InterLedgerReceiptRefused event, TrackingToken token) {
		ReadModelBatch.current().apply(CREDENTIAL_TRACE, event.code().value(), EventPositions.of(token), d -> {
			d.put("refusals", ((Number) d.getOrDefault("refusals", 0L)).longValue() + 1);
			d.put("lastRefusalReason", event.reason().name());
			d.put("lastRefusedOn", event.effectiveDate().toString());
		});
	}

	/**
	 * A person from another ledger: a late record is flagged as for any transfer, and
	 * credentials from an earlier stay here become void, as on a re-enrollment.
	 */
	@EventHandler
	void on(MemberTransferredInFromLedger event, TrackingToken token) {
		this.raised.clear();
		checkLateness(event.union(), event.memberId().value(), event.effectiveDate(), event.recordedAt(), token,
				"MemberTransferredInFromLedger");
		voidCredentials(event.memberId().value(), event.effectiveDate(), EventPositions.of(token));
		ReadModelBatch.current()
			.apply(MEMBER_TRACE, event.memberId().value(), EventPositions.of(token), d -> d.remove("leftForLedger"));
		listRaised(token);
	}

	/**
	 * The member's credentials by issue position ({@code c: [{p, code}, …]}), so that a
	 * re-enrollment finds those it voids.
	 */
	static String memberCredentialsKey(String memberId) {
		return "M:" + memberId;
	}

	static String credentialFindingKey(String memberId, long issuePosition) {
		return "F:" + memberId + ":" + issuePosition;
	}

	@EventHandler
	void on(TransferCredentialCancelled event, TrackingToken token) {
		ReadModelBatch.current().apply(CREDENTIAL_TRACE, event.code().value(), EventPositions.of(token), d -> {
			d.put("status", "CANCELLED");
			d.put("cancelledOn", event.effectiveDate().toString());
		});
	}

	/**
	 * A refused presentation leaves the credential unused (a late one is refused as
	 * expired); the refusals are kept as facts for the finding.
	 */
	@EventHandler
	void on(TransferAcceptanceRejected event, TrackingToken token) {
		ReadModelBatch.current().apply(CREDENTIAL_TRACE, event.code().value(), EventPositions.of(token), d -> {
			d.put("refusals", ((Number) d.getOrDefault("refusals", 0L)).longValue() + 1);
			d.put("lastRefusalReason", event.reason().name());
			d.put("lastRefusedOn", event.effectiveDate().toString());
		});
	}

	/**
	 * A re-enrollment voids the credentials issued before it and still issued, as the
	 * membership does: a void credential is no longer one that expired unused.
	 */
	private static void voidCredentials(String memberId, LocalDate effectiveDate, long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		Document issued = batch.document(CREDENTIAL_TRACE, memberCredentialsKey(memberId));
		for (Document entry : Documents.before(issued, IssuedCredential.LIST, position)) {
			batch.apply(CREDENTIAL_TRACE, IssuedCredential.of(entry).code(), position, (credential) -> {
				if ("ISSUED".equals(credential.getString("status"))) {
					credential.put("status", "VOID");
					credential.put("voidedOn", effectiveDate.toString());
				}
			});
		}
	}

	private void addToList(String key, String id, long position) {
		appendToList(ReadModelBatch.current(), key, List.of(id), position);
	}

	/**
	 * Adds ids to a list: to its chunk for the event's window of global positions
	 * ({@code <key>|w|<window>}: {@code ids}), and the window to the list's head
	 * ({@code <key>}: {@code w: [window, …]}), so that no list document grows past one
	 * window's entries (about {@value #LIST_WINDOW} × 60 bytes per finding an event
	 * raises in the scope: some 120 KB when every event raises two) however many findings
	 * a scope collects.
	 */
	private static void appendToList(ReadModelBatch batch, String key, List<String> added, long position) {
		long window = position / LIST_WINDOW;
		batch.apply(LISTS, listChunk(key, window), position, chunk -> {
			@SuppressWarnings("unchecked")
			List<String> ids = (List<String>) chunk.computeIfAbsent("ids", k -> new ArrayList<String>());
			for (String id : added) {
				if (!ids.contains(id)) {
					ids.add(id);
				}
			}
		});
		batch.apply(LISTS, key, position, head -> {
			@SuppressWarnings("unchecked")
			List<Object> windows = (List<Object>) head.computeIfAbsent("w", k -> new ArrayList<>());
			if (windows.stream().noneMatch((w) -> ((Number) w).longValue() == window)) {
				windows.add(window);
			}
		});
	}

	/** Global positions per chunk of a list. */
	static final long LIST_WINDOW = 1_024;

	static String listChunk(String key, long window) {
		return key + "|w|" + window;
	}

	/**
	 * A comparison with another ledger's fingerprint export: each person counted in both
	 * is a finding at the union counting them here, dated on the day it was recorded.
	 */
	@EventHandler
	void on(CrossLedgerDoubleCountsFound event, TrackingToken token) {
		this.raised.clear();
		LocalDate found = LocalDate.ofInstant(event.recordedAt(), this.rules.zone());
		for (DoubleCount count : event.found()) {
			raise(FindingKind.CROSS_LEDGER_DOUBLE_COUNT, count.union(), count.memberId().value(), found,
					event.recordedAt(), token,
					Map.of("otherLedger", event.otherLedger().value(), "otherUnionId", count.otherUnionId().value(),
							"otherUnionName", count.otherUnionName(), "comparisonId", event.comparisonId().value(),
							"recordedBy", event.recordedBy().value()));
		}
		listRaised(token);
	}

	@EventHandler
	void on(MemberReEnrolled event, TrackingToken token) {
		this.raised.clear();
		enrollment(event.union(), event.memberId().value(), event.effectiveDate(), event.recordedAt(), token,
				"MemberReEnrolled");
		// The trace keeps the latest termination; a re-enrollment always follows one, and
		// leaving the trace as it is makes a redelivered re-enrollment raise the same
		// finding.
		Document trace = ReadModelBatch.current().document(MEMBER_TRACE, event.memberId().value());
		String endedAt = trace.getString("terminatedAtUnion");
		String endedOn = trace.getString("terminatedOn");
		String otherLedger = trace.getString("leftForLedger");
		if (otherLedger != null && endedAt != null && endedOn != null) {
			raise(FindingKind.RE_ENROLLED_AFTER_LEAVING_FOR_LEDGER, event.union(), event.memberId().value(),
					event.effectiveDate(), event.recordedAt(), token,
					Map.of("otherLedger", otherLedger, "terminatedAtUnion", endedAt, "leftOn", endedOn, "daysBetween",
							ChronoUnit.DAYS.between(LocalDate.parse(endedOn), event.effectiveDate()), "recordedBy",
							event.recordedBy().value()));
		}
		else if (endedAt != null && endedOn != null && !endedAt.equals(event.union().unionId().value())) {
			long gap = ChronoUnit.DAYS.between(LocalDate.parse(endedOn), event.effectiveDate());
			if (gap <= this.rules.reEnrollmentWindowDays()) {
				raise(FindingKind.TERMINATION_THEN_ENROLLMENT, event.union(), event.memberId().value(),
						event.effectiveDate(), event.recordedAt(), token, Map.of("terminatedAtUnion", endedAt,
								"terminatedOn", endedOn, "daysBetween", gap, "recordedBy", event.recordedBy().value()));
			}
		}
		voidCredentials(event.memberId().value(), event.effectiveDate(), EventPositions.of(token));
		listRaised(token);
	}

	@EventHandler
	void on(MembershipTerminated event, TrackingToken token) {
		this.raised.clear();
		checkLateness(event.union(), event.memberId().value(), event.effectiveDate(), event.recordedAt(), token,
				"MembershipTerminated");
		ReadModelBatch.current().apply(MEMBER_TRACE, event.memberId().value(), EventPositions.of(token), d -> {
			d.put("terminatedAtUnion", event.union().unionId().value());
			d.put("terminatedOn", event.effectiveDate().toString());
			d.remove("leftForLedger");
		});
		if (event.findingId() != null) {
			// The correction of a confirmed double count across ledgers.
			ReadModelBatch.current().apply(FINDINGS, event.findingId(), EventPositions.of(token), d -> {
				d.put("correctedBy", event.recordedBy().value());
				d.put("correctionReason", event.correctionReason());
			});
		}
		listRaised(token);
	}

	@EventHandler
	void on(TransferAccepted event, TrackingToken token) {
		this.raised.clear();
		checkLateness(event.toUnion(), event.memberId().value(), event.effectiveDate(), event.recordedAt(), token,
				"TransferAccepted");
		listRaised(token);
		ReadModelBatch.current().apply(CREDENTIAL_TRACE, event.code().value(), EventPositions.of(token), d -> {
			d.put("status", "ACCEPTED");
			d.put("acceptedOn", event.effectiveDate().toString());
		});
	}

	@EventHandler
	void on(MembershipPutOnHold event, TrackingToken token) {
		this.raised.clear();
		checkLateness(event.union(), event.memberId().value(), event.effectiveDate(), event.recordedAt(), token,
				"MembershipPutOnHold");
		listRaised(token);
	}

	@EventHandler
	void on(MembershipResumed event, TrackingToken token) {
		this.raised.clear();
		checkLateness(event.union(), event.memberId().value(), event.effectiveDate(), event.recordedAt(), token,
				"MembershipResumed");
		listRaised(token);
	}

	@EventHandler
	void on(ServiceDelivered event, TrackingToken token) {
		this.raised.clear();
		checkLateness(event.union(), (event.memberId() != null) ? event.memberId().value() : null, event.deliveredOn(),
				event.recordedAt(), token, "ServiceDelivered");
		listRaised(token);
	}

	@EventHandler
	void on(UnionDissolved event, TrackingToken token) {
		ReadModelBatch.current()
			.apply(UNION_TRACE, event.placement().unionId().value(), EventPositions.of(token), d -> {
				d.put("dissolvedOn", event.effectiveDate().toString());
				d.put("dissolutionRecordedAt", event.recordedAt().toEpochMilli());
			});
	}

	@EventHandler
	void on(FindingDecided event, TrackingToken token) {
		ReadModelBatch.current().apply(FINDINGS, event.findingId().value(), EventPositions.of(token), d -> {
			d.put("status", event.decision().name());
			d.put("decisionReason", event.reason());
			d.put("decidedBy", event.recordedBy().value());
			d.put("decidedAt", event.recordedAt().toString());
		});
	}

	/**
	 * A confirmed finding corrected by a compensating event: the finding keeps what was
	 * found and its decision, and records who corrected it and why.
	 */
	@EventHandler
	void on(EnrollmentReclassifiedAsTransferIn event, TrackingToken token) {
		ReadModelBatch.current().apply(FINDINGS, event.findingId(), EventPositions.of(token), d -> {
			d.put("correctedBy", event.recordedBy().value());
			d.put("correctionReason", event.reason());
		});
	}

	private void enrollment(UnionPlacement union, String memberId, LocalDate effectiveDate, Instant recordedAt,
			TrackingToken token, String type) {
		checkLateness(union, memberId, effectiveDate, recordedAt, token, type);
		Document unionTrace = ReadModelBatch.current().document(UNION_TRACE, union.unionId().value());
		String dissolvedOn = unionTrace.getString("dissolvedOn");
		if (dissolvedOn != null) {
			raise(FindingKind.ENROLLMENT_INTO_DISSOLVED_UNION, union, memberId, effectiveDate, recordedAt, token,
					Map.of("dissolvedOn", dissolvedOn, "event", type));
		}
	}

	private void checkLateness(UnionPlacement union, String memberId, LocalDate effectiveDate, Instant recordedAt,
			TrackingToken token, String type) {
		LocalDate recordedOn = LocalDate.ofInstant(recordedAt, this.rules.zone());
		long late = ChronoUnit.DAYS.between(effectiveDate, recordedOn);
		if (late > this.rules.backdatedDays()) {
			raise(FindingKind.BACKDATED_RECORD, union, memberId, effectiveDate, recordedAt, token,
					Map.of("daysLate", late, "event", type));
		}
		int countedIn = this.calendar.yearOf(effectiveDate);
		int writtenIn = this.calendar.yearOf(recordedOn);
		if (writtenIn > countedIn) {
			raise(FindingKind.CROSSES_YEAR_BOUNDARY, union, memberId, effectiveDate, recordedAt, token,
					Map.of("countedInYear", countedIn, "recordedInYear", writtenIn, "event", type));
		}
	}

	private void raise(FindingKind kind, UnionPlacement union, String memberId, LocalDate effectiveDate,
			Instant recordedAt, TrackingToken token, Map<String, Object> detail) {
		long position = EventPositions.of(token);
		String id = kind.name() + ":" + ((memberId != null) ? memberId : union.unionId().value()) + ":" + position;
		int year = this.calendar.yearOf(effectiveDate);
		ReadModelBatch batch = ReadModelBatch.current();
		batch.apply(FINDINGS, id, position, d -> {
			d.put("kind", kind.name());
			d.put("unionId", union.unionId().value());
			d.put("jurisdictionCode", union.jurisdictionCode().value());
			d.put("statisticalYear", year);
			d.put("memberId", memberId);
			d.put("effectiveDate", effectiveDate.toString());
			d.put("recordedOn", LocalDate.ofInstant(recordedAt, this.rules.zone()).toString());
			d.put("position", position);
			d.put("detail", new Document(detail));
			d.putIfAbsent("status", "OPEN");
		});
		for (String scope : scopes(union)) {
			this.raised.computeIfAbsent(scope + "|" + year, k -> new ArrayList<>()).add(id);
		}
	}

	/**
	 * Adds the findings an event raised to their lists, with one change per list document
	 * (a second change for the same event would be taken for a redelivery and ignored).
	 */
	private void listRaised(TrackingToken token) {
		if (this.raised.isEmpty()) {
			return;
		}
		long position = EventPositions.of(token);
		ReadModelBatch batch = ReadModelBatch.current();
		for (Map.Entry<String, List<String>> entry : this.raised.entrySet()) {
			appendToList(batch, entry.getKey(), entry.getValue(), position);
		}
		this.raised.clear();
	}

	static List<String> scopes(UnionPlacement union) {
		JurisdictionCode county = union.jurisdictionCode();
		return List.of("U:" + union.unionId().value(), "J:" + county.value(), "J:" + county.city().value(),
				"J:" + county.province().value());
	}

}
