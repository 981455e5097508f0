package org.unionledger.projections.credentials;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
import org.unionledger.union.UnionId;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.ReadModelBatch;

/**
 * Transfer credentials by code, so that a receiving union can present a code and find the
 * membership it belongs to. The aggregate decides whether the credential is still good;
 * this only points at it, and says, as the aggregate does, that a credential still
 * outstanding when its member re-enrolls is void. To find those, {@value #MEMBERS} keeps
 * by member id the codes of the member's credentials that may still be outstanding:
 * {@code c: [code, …]}; a code leaves it when used or cancelled, or at the re-enrollment
 * after the one that voided it.
 * <p>
 * {@value #LISTS} lists each union's credentials twice over, as {@link CredentialLists}
 * describes: those it issued ({@code I|…}) and those addressed to it ({@code R|…}), in
 * chunks by the window of the global position, so that no document grows without
 * bound and a change rewrites one chunk.
 */
@ProcessingGroup(CredentialProjection.PROCESSING_GROUP)
public class CredentialProjection {

	public static final String PROCESSING_GROUP = "credentials";

	public static final String COLLECTION = "rm_credentials";

	/** The codes of each member's credentials that may still be outstanding. */
	public static final String MEMBERS = "rm_credential_members";

	/**
	 * Each union's credentials, issued and addressed to it (see {@link CredentialLists}).
	 */
	public static final String LISTS = "rm_credential_lists";

	/**
	 * The layout of the read models of {@value #PROCESSING_GROUP} (this one and the
	 * transfers read model): 2 since a re-enrollment voids the credentials still
	 * outstanding, which layout 1 kept outstanding (and counted so on the dashboard); 3
	 * since each union's credentials are listed ({@value #LISTS}) and a credential
	 * remembers the window of its issue ({@code w}).
	 */
	public static final int LAYOUT = 3;

	private final MongoDatabase database;

	public CredentialProjection(MongoDatabase database) {
		this.database = database;
	}

	@ResetHandler
	void reset() {
		if (this.database != null) {
			this.database.getCollection(COLLECTION).drop();
			this.database.getCollection(MEMBERS).drop();
			this.database.getCollection(LISTS).drop();
		}
	}

	@EventHandler
	void on(TransferCredentialIssued event, TrackingToken token) {
		long position = EventPositions.of(token);
		ReadModelBatch.current()
			.apply(COLLECTION, event.code().value(), position, d -> describe(d, event.memberId(),
					event.issuingUnion().unionId(), event.toUnionId(), event.issuedOn(), event.expiresOn(), position));
		CredentialLists.issued(event, position);
		remember(event.memberId(), event.code(), position);
	}

	/**
	 * A credential for another ledger, found by its code when that ledger's receipt
	 * arrives.
	 */
	@EventHandler
	void on(InterLedgerCredentialIssued event, TrackingToken token) {
		long position = EventPositions.of(token);
		ReadModelBatch.current().apply(COLLECTION, event.code().value(), position, d -> {
			describe(d, event.memberId(), event.issuingUnion().unionId(), event.destinationUnionId(), event.issuedOn(),
					event.expiresOn(), position);
			d.put("ledger", event.destinationLedger().value());
		});
		CredentialLists.issued(event, position);
		remember(event.memberId(), event.code(), position);
	}

	private static void describe(Document d, MemberId member, UnionId issuing, UnionId to, LocalDate issuedOn,
			LocalDate expiresOn, long position) {
		d.put("memberId", member.value());
		d.put("issuingUnionId", issuing.value());
		d.put("toUnionId", (to != null) ? to.value() : null);
		d.put("issuedOn", issuedOn.toString());
		d.put("expiresOn", expiresOn.toString());
		d.put("status", CredentialView.Status.OUTSTANDING.name());
		d.put("w", CredentialLists.window(position));
	}

	private static void remember(MemberId member, CredentialCode code, long position) {
		ReadModelBatch.current().apply(MEMBERS, member.value(), position, d -> {
			List<String> codes = codes(d);
			if (!codes.contains(code.value())) {
				codes.add(code.value());
			}
			d.put("c", codes);
		});
	}

	@EventHandler
	void on(TransferCredentialCancelled event, TrackingToken token) {
		CredentialLists.closed(event.code().value(), CredentialView.Status.CANCELLED, null, EventPositions.of(token));
		ReadModelBatch.current()
			.apply(COLLECTION, event.code().value(), EventPositions.of(token),
					d -> d.put("status", CredentialView.Status.CANCELLED.name()));
		closed(event.memberId(), event.code(), EventPositions.of(token));
	}

	@EventHandler
	void on(TransferAccepted event, TrackingToken token) {
		CredentialLists.closed(event.code().value(), CredentialView.Status.USED, event.effectiveDate(),
				EventPositions.of(token));
		ReadModelBatch.current().apply(COLLECTION, event.code().value(), EventPositions.of(token), d -> {
			d.put("status", CredentialView.Status.USED.name());
			d.put("acceptedBy", event.toUnion().unionId().value());
			d.put("acceptedOn", event.effectiveDate().toString());
		});
		closed(event.memberId(), event.code(), EventPositions.of(token));
	}

	/**
	 * The member's credentials still outstanding become void, as in the ledger. They are
	 * found from the member's codes and the credentials as they stood before this event:
	 * on a redelivery the codes it voided are still listed, and a credential issued after
	 * it has seen a later position, so it is left alone.
	 */
	/** The receiving ledger's receipt was taken: the credential was used. */
	@EventHandler
	void on(MemberTransferredToLedger event, TrackingToken token) {
		CredentialLists.closed(event.code().value(), CredentialView.Status.USED, event.acceptedOn(),
				EventPositions.of(token));
		ReadModelBatch.current().apply(COLLECTION, event.code().value(), EventPositions.of(token), d -> {
			d.put("status", CredentialView.Status.USED.name());
			d.put("acceptedBy", event.receivingUnionId().value());
			d.put("acceptedOn", event.acceptedOn().toString());
		});
		closed(event.memberId(), event.code(), EventPositions.of(token));
	}

	@EventHandler
	void on(MemberReEnrolled event, TrackingToken token) {
		voidOutstanding(event.memberId(), EventPositions.of(token));
	}

	/** As a re-enrollment: credentials from an earlier stay here become void. */
	@EventHandler
	void on(MemberTransferredInFromLedger event, TrackingToken token) {
		voidOutstanding(event.memberId(), EventPositions.of(token));
	}

	private static void voidOutstanding(MemberId memberId, long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		String member = memberId.value();
		List<String> codes = strings(batch.field(MEMBERS, member, "c"));
		batch.prefetch(COLLECTION, codes);
		List<String> kept = new ArrayList<>();
		List<Document> voided = new ArrayList<>();
		for (String code : codes) {
			Document credential = batch.document(COLLECTION, code);
			long last = ((Number) credential.getOrDefault(ReadModelBatch.LAST_POSITION, -1L)).longValue();
			if (last >= position) {
				kept.add(code);
			}
			else if (CredentialView.Status.OUTSTANDING.name().equals(credential.getString("status"))) {
				kept.add(code);
				voided.add(credential);
				batch.apply(COLLECTION, code, position, d -> d.put("status", CredentialView.Status.VOID.name()));
			}
		}
		CredentialLists.voided(voided, position);
		batch.apply(MEMBERS, member, position, d -> d.put("c", kept));
	}

	/** A used or cancelled credential can no longer be voided. */
	private static void closed(MemberId member, CredentialCode code, long position) {
		ReadModelBatch.current().apply(MEMBERS, member.value(), position, d -> {
			List<String> codes = codes(d);
			codes.remove(code.value());
			d.put("c", codes);
		});
	}

	private static List<String> codes(Document member) {
		return strings(member.get("c"));
	}

	private static List<String> strings(Object value) {
		List<String> strings = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((item) -> strings.add(String.valueOf(item)));
		}
		return strings;
	}

}
