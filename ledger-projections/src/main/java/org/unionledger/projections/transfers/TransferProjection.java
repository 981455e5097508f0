package org.unionledger.projections.transfers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
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
 * outstanding (neither used nor cancelled), by expiry date: {@code x: {date: count}};
 * whether one has expired is judged when read;</li>
 * <li>{@code K|<code>}: a credential's expiry date and issuing union, so that its use or
 * cancellation finds the counts to take it from.</li>
 * </ul>
 * Each document remembers the last global position applied to it, so every event counts
 * once however often it is delivered.
 */
@ProcessingGroup(TransferProjection.PROCESSING_GROUP)
public class TransferProjection {

	/** Handled with the credential read model, and rebuilt with it. */
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
		long position = EventPositions.of(token);
		ReadModelBatch batch = ReadModelBatch.current();
		String expires = event.expiresOn().toString();
		batch.apply(COLLECTION, credentialKey(event.code()), position, (document) -> {
			document.put("expiresOn", expires);
			document.put("scopes", ScopeKeys.chain(event.issuingUnion()));
			document.put("open", true);
		});
		for (String scope : ScopeKeys.chain(event.issuingUnion())) {
			batch.apply(COLLECTION, outstandingKey(scope), position,
					(document) -> increment(sub(document, "x"), expires, 1));
		}
	}

	@EventHandler
	void on(TransferCredentialCancelled event, TrackingToken token) {
		close(event.code(), EventPositions.of(token));
	}

	@EventHandler
	void on(TransferAccepted event, TrackingToken token) {
		long position = EventPositions.of(token);
		close(event.code(), position);
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
						(document) -> increment(sub(sub(document, "f"), day), edge, 1));
		}
	}

	/**
	 * A credential used or cancelled leaves the outstanding counts, as its document stood
	 * before this event (written by the earlier issue).
	 */
	private void close(CredentialCode code, long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		Document credential = batch.document(COLLECTION, credentialKey(code));
		if (credential.getString("expiresOn") == null) {
			return;
		}
		String expires = credential.getString("expiresOn");
		List<String> scopes = strings(credential.get("scopes"));
		boolean wasOpen = Boolean.TRUE.equals(credential.get("open"))
				|| ((Number) credential.get(ReadModelBatch.LAST_POSITION)).longValue() >= position;
		batch.apply(COLLECTION, credentialKey(code), position, (document) -> document.put("open", false));
		if (!wasOpen) {
			return;
		}
		for (String scope : scopes) {
			batch.apply(COLLECTION, outstandingKey(scope), position,
					(document) -> increment(sub(document, "x"), expires, -1));
		}
	}

	static String flowKey(String scope, int statisticalYear) {
		return "F|" + scope + "|" + statisticalYear;
	}

	static String outstandingKey(String scope) {
		return "C|" + scope;
	}

	static String credentialKey(CredentialCode code) {
		return "K|" + code.value();
	}

	private static List<String> strings(Object value) {
		List<String> strings = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((item) -> strings.add(String.valueOf(item)));
		}
		return strings;
	}

}
