package org.unionledger.projections.credentials;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.Events.InterLedgerCredentialIssued;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.projections.support.Documents;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.union.UnionId;

/**
 * Each union's credentials in {@value CredentialProjection#LISTS}, as the rosters keep
 * members: in chunks by the window of the issue's global position ({@value #WINDOW}
 * positions each), so a chunk holds at most that many entries and a change rewrites one
 * chunk, never a union's whole list.
 * <ul>
 * <li>{@code I|<union>|c|<window>}: the credentials the union issued, {@code e: {code:
 * entry}};</li>
 * <li>{@code R|<union>|c|<window>}: the credentials addressed to the union;</li>
 * <li>{@code I|<union>|h} and {@code R|<union>|h}: the windows of the union's chunks,
 * {@code w: [window, …]}.</li>
 * </ul>
 * An entry is a {@link Listed}. Its chunk is found again from the credential's own
 * document ({@code w}). Every document remembers the last position applied to it, so an
 * event redelivered changes nothing.
 */
final class CredentialLists {

	/** Global positions per chunk. */
	static final long WINDOW = 1_024;

	static final String ISSUED = "I";

	static final String ADDRESSED = "R";

	private CredentialLists() {
	}

	static long window(long position) {
		return position / WINDOW;
	}

	static String headId(String box, UnionId union) {
		return box + "|" + union.value() + "|h";
	}

	static String chunkId(String box, UnionId union, long window) {
		return box + "|" + union.value() + "|c|" + window;
	}

	/**
	 * A credential as a union's list shows it, written and read here only (a change of
	 * the stored form is a change of {@link CredentialProjection#LAYOUT};
	 * {@code CredentialListsTest} pins it): {@code m} member id, {@code f} issuing union,
	 * {@code i} issue date, {@code x} expiry date, {@code s} status, {@code p} the
	 * issue's position, {@code t} the receiving union (if named), {@code l} the
	 * destination ledger (for another ledger's credential), {@code a} the day it was
	 * accepted (once used).
	 *
	 * @param memberId the member
	 * @param issuingUnion the union that issued it
	 * @param issuedOn the day issued
	 * @param expiresOn the last day it may be presented
	 * @param status what became of it
	 * @param position the issue's global position
	 * @param toUnion the union it names, {@code null} for any
	 * @param ledger the ledger it was issued for, {@code null} for this one
	 * @param acceptedOn the day it was accepted, {@code null} unless used
	 */
	record Listed(String memberId, UnionId issuingUnion, LocalDate issuedOn, LocalDate expiresOn,
			CredentialView.Status status, long position, UnionId toUnion, LedgerId ledger, LocalDate acceptedOn) {

		static final String ENTRIES = "e";

		/** An entry of a credential just issued. */
		static Listed issued(String memberId, UnionId issuingUnion, LocalDate issuedOn, LocalDate expiresOn,
				UnionId toUnion, LedgerId ledger, long position) {
			return new Listed(memberId, issuingUnion, issuedOn, expiresOn, CredentialView.Status.OUTSTANDING, position,
					toUnion, ledger, null);
		}

		Document toDocument() {
			Document entry = new Document("m", this.memberId).append("f", this.issuingUnion.value())
				.append("i", this.issuedOn.toString())
				.append("x", this.expiresOn.toString())
				.append("s", this.status.name())
				.append("p", this.position);
			if (this.toUnion != null) {
				entry.append("t", this.toUnion.value());
			}
			if (this.ledger != null) {
				entry.append("l", this.ledger.value());
			}
			if (this.acceptedOn != null) {
				entry.append("a", this.acceptedOn.toString());
			}
			return entry;
		}

		static Listed of(Document entry) {
			String to = entry.getString("t");
			String ledger = entry.getString("l");
			String accepted = entry.getString("a");
			return new Listed(entry.getString("m"), new UnionId(entry.getString("f")),
					LocalDate.parse(entry.getString("i")), LocalDate.parse(entry.getString("x")),
					CredentialView.Status.valueOf(entry.getString("s")), Documents.number(entry, "p"),
					(to != null) ? new UnionId(to) : null, (ledger != null) ? new LedgerId(ledger) : null,
					(accepted != null) ? LocalDate.parse(accepted) : null);
		}

		/** The stored entry says what became of the credential (in place). */
		static void close(Document entry, CredentialView.Status status, LocalDate acceptedOn) {
			entry.put("s", status.name());
			if (acceptedOn != null) {
				entry.put("a", acceptedOn.toString());
			}
		}

	}

	static void issued(TransferCredentialIssued event, long position) {
		Document entry = Listed
			.issued(event.memberId().value(), event.issuingUnion().unionId(), event.issuedOn(), event.expiresOn(),
					event.toUnionId(), null, position)
			.toDocument();
		put(ISSUED, event.issuingUnion().unionId(), event.code().value(), entry, position);
		if (event.toUnionId() != null) {
			put(ADDRESSED, event.toUnionId(), event.code().value(), entry, position);
		}
	}

	/**
	 * A credential for another ledger: listed among those its union issued, with the
	 * ledger ({@code l}); the union it names ({@code t}) is that ledger's, so no union
	 * here has it addressed to it.
	 */
	static void issued(InterLedgerCredentialIssued event, long position) {
		Document entry = Listed
			.issued(event.memberId().value(), event.issuingUnion().unionId(), event.issuedOn(), event.expiresOn(),
					event.destinationUnionId(), event.destinationLedger(), position)
			.toDocument();
		put(ISSUED, event.issuingUnion().unionId(), event.code().value(), entry, position);
	}

	private static void put(String box, UnionId union, String code, Document entry, long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		long window = window(position);
		batch.apply(CredentialProjection.LISTS, chunkId(box, union, window), position,
				(chunk) -> Documents.sub(chunk, Listed.ENTRIES).put(code, new Document(entry)));
		batch.apply(CredentialProjection.LISTS, headId(box, union), position, (head) -> {
			List<Object> windows = windows(head);
			if (windows.isEmpty() || ((Number) windows.get(windows.size() - 1)).longValue() != window) {
				windows.add(window);
			}
		});
	}

	/** A credential used or cancelled: its entries say so. */
	static void closed(String code, CredentialView.Status status, LocalDate acceptedOn, long position) {
		Document credential = ReadModelBatch.current().document(CredentialProjection.COLLECTION, code);
		Map<String, List<String>> byChunk = new LinkedHashMap<>();
		locate(credential, byChunk);
		change(byChunk, status, acceptedOn, position);
	}

	/** The credentials a re-enrollment voided: their entries, one change per chunk. */
	static void voided(List<Document> credentials, long position) {
		Map<String, List<String>> byChunk = new LinkedHashMap<>();
		credentials.forEach((credential) -> locate(credential, byChunk));
		change(byChunk, CredentialView.Status.VOID, null, position);
	}

	private static void locate(Document credential, Map<String, List<String>> byChunk) {
		if (!(credential.get("w") instanceof Number window) || credential.getString("issuingUnionId") == null) {
			return;
		}
		String code = credential.getString("_id");
		byChunk
			.computeIfAbsent(chunkId(ISSUED, new UnionId(credential.getString("issuingUnionId")), window.longValue()),
					(c) -> new ArrayList<>())
			.add(code);
		if (credential.getString("toUnionId") != null) {
			byChunk
				.computeIfAbsent(chunkId(ADDRESSED, new UnionId(credential.getString("toUnionId")), window.longValue()),
						(c) -> new ArrayList<>())
				.add(code);
		}
	}

	private static void change(Map<String, List<String>> byChunk, CredentialView.Status status, LocalDate acceptedOn,
			long position) {
		byChunk.forEach((chunkId, codes) -> ReadModelBatch.current()
			.apply(CredentialProjection.LISTS, chunkId, position, (chunk) -> {
				Document entries = Documents.sub(chunk, Listed.ENTRIES);
				for (String code : codes) {
					if (entries.get(code) instanceof Document entry) {
						Listed.close(entry, status, acceptedOn);
					}
				}
			}));
	}

	@SuppressWarnings("unchecked")
	static List<Object> windows(Document head) {
		Object value = head.get("w");
		if (value instanceof List<?> list) {
			return (List<Object>) list;
		}
		List<Object> created = new ArrayList<>();
		head.put("w", created);
		return created;
	}

}
