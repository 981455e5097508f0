package org.unionledger.projections.credentials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
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
 * An entry: {@code m} member id, {@code f} issuing union, {@code t} receiving union (if
 * named), {@code i} issue date, {@code x} expiry date, {@code s} status
 * ({@link CredentialView.Status}), {@code p} the issue's position, {@code a} the day it
 * was accepted. Its chunk is found again from the credential's own document ({@code w}).
 * Every document remembers the last position applied to it, so an event redelivered
 * changes nothing.
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

	static void issued(TransferCredentialIssued event, long position) {
		Document entry = entry(event.memberId().value(), event.issuingUnion().unionId(), event.issuedOn(),
				event.expiresOn(), event.toUnionId(), position);
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
		Document entry = entry(event.memberId().value(), event.issuingUnion().unionId(), event.issuedOn(),
				event.expiresOn(), event.destinationUnionId(), position)
			.append("l", event.destinationLedger().value());
		put(ISSUED, event.issuingUnion().unionId(), event.code().value(), entry, position);
	}

	private static Document entry(String member, UnionId issuing, java.time.LocalDate issuedOn,
			java.time.LocalDate expiresOn, UnionId to, long position) {
		Document entry = new Document("m", member).append("f", issuing.value())
			.append("i", issuedOn.toString())
			.append("x", expiresOn.toString())
			.append("s", CredentialView.Status.OUTSTANDING.name())
			.append("p", position);
		if (to != null) {
			entry.append("t", to.value());
		}
		return entry;
	}

	private static void put(String box, UnionId union, String code, Document entry, long position) {
		ReadModelBatch batch = ReadModelBatch.current();
		long window = window(position);
		batch.apply(CredentialProjection.LISTS, chunkId(box, union, window), position,
				(chunk) -> Documents.sub(chunk, "e").put(code, new Document(entry)));
		batch.apply(CredentialProjection.LISTS, headId(box, union), position, (head) -> {
			List<Object> windows = windows(head);
			if (windows.isEmpty() || ((Number) windows.get(windows.size() - 1)).longValue() != window) {
				windows.add(window);
			}
		});
	}

	/** A credential used or cancelled: its entries say so. */
	static void closed(String code, CredentialView.Status status, String acceptedOn, long position) {
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

	private static void change(Map<String, List<String>> byChunk, CredentialView.Status status, String acceptedOn,
			long position) {
		byChunk.forEach((chunkId, codes) -> ReadModelBatch.current()
			.apply(CredentialProjection.LISTS, chunkId, position, (chunk) -> {
				Document entries = Documents.sub(chunk, "e");
				for (String code : codes) {
					if (entries.get(code) instanceof Document entry) {
						entry.put("s", status.name());
						if (acceptedOn != null) {
							entry.put("a", acceptedOn);
						}
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
