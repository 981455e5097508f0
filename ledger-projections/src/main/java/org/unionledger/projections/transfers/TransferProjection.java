package org.unionledger.projections.transfers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.Events.InterLedgerCredentialIssued;
import org.unionledger.membership.Events.MemberTransferredToLedger;
import org.unionledger.membership.Events.MemberTransferredInFromLedger;
import org.unionledger.membership.Events.MemberReEnrolled;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.UnionPlacement;

import static org.unionledger.projections.support.Documents.sub;
import static org.unionledger.projections.support.Documents.increment;

/**
 * Transfers as the dashboard draws them, in {@value #COLLECTION}, every document keyed by
 * {@code _id}:
 * <ul>
 * <li>{@code F|<scope>|<statistical year>}: the accepted transfers across a city boundary
 * that touch the scope (union or jurisdiction, see {@link ScopeKeys}), by effective day
 * and {@code <from city>><to city>}: {@code f: {date: {edge: count}}};</li>
 * <li>{@code C|<scope>}: the credentials issued by the scope's unions that are still
 * outstanding (neither used nor cancelled, nor void: still outstanding when their member
 * re-enrolled), by expiry date: {@code x: {date: count}}; whether one has expired is
 * judged when read;</li>
 * <li>{@code K|<code>}: a credential's expiry date, issuing union and the position of its
 * issue, and whether it is still outstanding ({@code open}), so that its use,
 * cancellation or voiding finds the counts to take it from;</li>
 * <li>{@code L|<scope>|<statistical year>}: transfers between this ledger and others that
 * touch the scope, by effective day and partner ledger, out ({@code o: {date: {ledger:
 * count}}}) and in ({@code i: …});</li>
 * <li>{@code M|<member id>}: the codes of the member's credentials that may still be
 * outstanding, {@code c: [code, …]}, so that a re-enrollment finds those it voids; a code
 * leaves it when used or cancelled, or at the re-enrollment after the one that voided
 * it.</li>
 * </ul>
 * Each document remembers the last global position applied to it, so every event counts
 * once however often it is delivered.
 */
@ProcessingGroup(TransferProjection.PROCESSING_GROUP)
public class TransferProjection {

	/**
	 * Handled with the credential read model, and rebuilt with it (its layout is
	 * {@link org.unionledger.projections.credentials.CredentialProjection#LAYOUT}).
	 */
	public static final String PROCESSING_GROUP = "credentials";

	public static final String COLLECTION = "rm_transfers";

	private final MongoDatabase database;

	private final StatisticalCalendar calendar;

	/**
	 * @param database where the reset handler drops the collection; {@code null} when the
	 * projection fills another store (a consistency check's rebuild)
	 * @param calendar the statistical year
	 */
	public TransferProjection(MongoDatabase database, StatisticalCalendar calendar) {
		this.database = database;
		this.calendar = calendar;
	}

	@ResetHandler
	void reset() {
		if (this.database != null) {
			this.database.getCollection(COLLECTION).drop();
		}
	}

	@EventHandler
	void on(TransferCredentialIssued event, TrackingToken token) {
		issued(event.memberId(), event.code(), event.issuingUnion(), event.expiresOn(), EventPositions.of(token));
	}

	/**
	 * A credential for another ledger: outstanding (the member in flight, counted here)
	 * until that ledger's receipt arrives or it expires.
	 */
	@EventHandler
	void on(InterLedgerCredentialIssued event, TrackingToken token) {
		issued(event.memberId(), event.code(), event.issuingUnion(), event.expiresOn(), EventPositions.of(token));
	}

	private static void issued(MemberId member, CredentialCode code, UnionPlacement issuing, LocalDate expiresOn,
			long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		String expires = expiresOn.toString();
		batch.apply(COLLECTION, credentialKey(code), position, (document) -> {
			document.put("expiresOn", expires);
			document.put("scopes", ScopeKeys.chain(issuing));
			document.put("open", true);
			document.put("issuedAt", position);
		});
		for (String scope : ScopeKeys.chain(issuing)) {
			batch.apply(COLLECTION, outstandingKey(scope), position,
					(document) -> increment(sub(document, BY_EXPIRY), expires, 1));
		}
		batch.apply(COLLECTION, memberKey(member), position, (document) -> {
			List<String> codes = strings(document.get(CODES));
			if (!codes.contains(code.value())) {
				codes.add(code.value());
			}
			document.put(CODES, codes);
		});
	}

	/**
	 * The receipt of another ledger was taken: the credential is used, and the transfer
	 * out counts for the scopes left, by day and partner ledger ({@link #ledgerKey}).
	 */
	@EventHandler
	void on(MemberTransferredToLedger event, TrackingToken token) {
		long position = EventPositions.of(token);
		close(event.memberId(), event.code(), position);
		betweenLedgers(ScopeKeys.chain(event.fromUnion()), TO_LEDGERS, event.receivingLedger().value(),
				event.effectiveDate(), position);
	}

	/**
	 * A person came in from another ledger: a transfer in for the receiving scopes, by
	 * day and partner ledger; credentials from an earlier stay here become void.
	 */
	@EventHandler
	void on(MemberTransferredInFromLedger event, TrackingToken token) {
		long position = EventPositions.of(token);
		voidOutstanding(event.memberId(), position);
		betweenLedgers(ScopeKeys.chain(event.union()), FROM_LEDGERS, event.originLedger().value(),
				event.effectiveDate(), position);
	}

	private void betweenLedgers(List<String> scopes, String direction, String ledger, LocalDate day, long position) {
		int year = this.calendar.yearOf(day);
		for (String scope : scopes) {
			ReadModelBatch.current()
				.apply(COLLECTION, ledgerKey(scope, year), position,
						(document) -> increment(sub(sub(document, direction), day.toString()), ledger, 1));
		}
	}

	@EventHandler
	void on(TransferCredentialCancelled event, TrackingToken token) {
		close(event.memberId(), event.code(), EventPositions.of(token));
	}

	@EventHandler
	void on(TransferAccepted event, TrackingToken token) {
		long position = EventPositions.of(token);
		close(event.memberId(), event.code(), position);
		UnionPlacement from = event.fromUnion();
		UnionPlacement to = event.toUnion();
		String fromCity = from.jurisdictionCode().city().value();
		String toCity = to.jurisdictionCode().city().value();
		if (fromCity.equals(toCity)) {
			return;
		}
		String edge = fromCity + ">" + toCity;
		String day = event.effectiveDate().toString();
		int year = this.calendar.yearOf(event.effectiveDate());
		Set<String> scopes = new LinkedHashSet<>(ScopeKeys.chain(from));
		scopes.addAll(ScopeKeys.chain(to));
		for (String scope : scopes) {
			ReadModelBatch.current()
				.apply(COLLECTION, flowKey(scope, year), position,
						(document) -> increment(sub(sub(document, FLOWS), day), edge, 1));
		}
	}

	/**
	 * The credentials still outstanding when their member re-enrolls are void, as in the
	 * ledger: they leave the outstanding (and expired) counts. Each count document
	 * changes once for the event, however many of the member's credentials it counted.
	 */
	@EventHandler
	void on(MemberReEnrolled event, TrackingToken token) {
		voidOutstanding(event.memberId(), EventPositions.of(token));
	}

	private static void voidOutstanding(MemberId member, long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		String memberKey = memberKey(member);
		List<String> codes = strings(batch.field(COLLECTION, memberKey, CODES));
		batch.prefetch(COLLECTION, codes.stream().map(TransferProjection::credentialKey).toList());
		Map<String, Map<String, Integer>> voided = new TreeMap<>();
		List<String> kept = new ArrayList<>();
		for (String code : codes) {
			Document credential = batch.document(COLLECTION, credentialKey(code));
			if (credential.get("issuedAt") instanceof Number issuedAt && issuedAt.longValue() >= position) {
				kept.add(code);
			}
			else if (wasOpen(credential, position)) {
				kept.add(code);
				batch.apply(COLLECTION, credentialKey(code), position, (document) -> document.put("open", false));
				for (String scope : strings(credential.get("scopes"))) {
					voided.computeIfAbsent(scope, (s) -> new TreeMap<>())
						.merge(credential.getString("expiresOn"), 1, Integer::sum);
				}
			}
		}
		voided.forEach(
				(scope, byExpiry) -> batch.apply(COLLECTION, outstandingKey(scope), position, (document) -> byExpiry
					.forEach((expires, count) -> increment(sub(document, BY_EXPIRY), expires, -count))));
		batch.apply(COLLECTION, memberKey, position, (document) -> document.put(CODES, kept));
	}

	/**
	 * A credential used or cancelled leaves the outstanding counts, as its document stood
	 * before this event (written by the earlier issue), and the member's codes.
	 */
	private void close(MemberId member, CredentialCode code, long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		Document credential = batch.document(COLLECTION, credentialKey(code));
		if (credential.getString("expiresOn") == null) {
			return;
		}
		String expires = credential.getString("expiresOn");
		List<String> scopes = strings(credential.get("scopes"));
		boolean wasOpen = wasOpen(credential, position);
		batch.apply(COLLECTION, credentialKey(code), position, (document) -> document.put("open", false));
		batch.apply(COLLECTION, memberKey(member), position, (document) -> {
			List<String> codes = strings(document.get(CODES));
			codes.remove(code.value());
			document.put(CODES, codes);
		});
		if (!wasOpen) {
			return;
		}
		for (String scope : scopes) {
			batch.apply(COLLECTION, outstandingKey(scope), position,
					(document) -> increment(sub(document, BY_EXPIRY), expires, -1));
		}
	}

	/**
	 * Whether the credential was outstanding before the event at {@code position}: still
	 * open, or closed by that very event in a batch written in part before.
	 */
	private static boolean wasOpen(Document credential, long position) {
		return credential.getString("expiresOn") != null && (Boolean.TRUE.equals(credential.get("open"))
				|| ((Number) credential.getOrDefault(ReadModelBatch.LAST_POSITION, -1L)).longValue() >= position);
	}

	/**
	 * A flow document's transfers by day and edge: {@code {"<date>": {"<from>><to>":
	 * count}}}.
	 */
	static final String FLOWS = "f";

	/**
	 * An outstanding-credentials document's counts by expiry day: {@code {"<date>":
	 * count}}.
	 */
	static final String BY_EXPIRY = "x";

	/** A member's document: the codes of the member's outstanding credentials. */
	static final String CODES = "c";

	/**
	 * A partner-ledger document's transfers out to other ledgers by day and ledger:
	 * {@code {"<date>": {"<ledger>": count}}}.
	 */
	static final String TO_LEDGERS = "o";

	/** As {@link #TO_LEDGERS}, the transfers in from other ledgers. */
	static final String FROM_LEDGERS = "i";

	static String flowKey(String scope, int statisticalYear) {
		return "F|" + scope + "|" + statisticalYear;
	}

	static String ledgerKey(String scope, int statisticalYear) {
		return "L|" + scope + "|" + statisticalYear;
	}

	static String outstandingKey(String scope) {
		return "C|" + scope;
	}

	static String credentialKey(CredentialCode code) {
		return credentialKey(code.value());
	}

	static String credentialKey(String code) {
		return "K|" + code;
	}

	static String memberKey(MemberId member) {
		return "M|" + member.value();
	}

	private static List<String> strings(Object value) {
		List<String> strings = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((item) -> strings.add(String.valueOf(item)));
		}
		return strings;
	}

}
