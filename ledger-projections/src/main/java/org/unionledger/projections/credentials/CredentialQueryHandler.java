package org.unionledger.projections.credentials;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.support.ReadModelBatch;

/**
 * Finds credentials by code with one {@code _id} read, and a union's list of credentials
 * with a read of its head and {@code _id $in} reads of its chunks.
 */
public class CredentialQueryHandler {

	private final MongoCollection<Document> credentials;

	private final MongoCollection<Document> lists;

	public CredentialQueryHandler(MongoDatabase database) {
		this.credentials = database.getCollection(CredentialProjection.COLLECTION);
		this.lists = database.getCollection(CredentialProjection.LISTS);
	}

	@QueryHandler
	public Optional<CredentialView> handle(FindCredential query) {
		return Optional.ofNullable(this.credentials.find(Filters.eq("_id", query.code().value())).first())
			.map(CredentialView::from);
	}

	@QueryHandler
	public CredentialListView handle(FindCredentialList query) {
		String box = (query.box() == CredentialListView.Box.ISSUED) ? CredentialLists.ISSUED
				: CredentialLists.ADDRESSED;
		Document head = this.lists.find(Filters.eq("_id", CredentialLists.headId(box, query.unionId()))).first();
		List<String> ids = new ArrayList<>();
		if (head != null) {
			for (Object window : CredentialLists.windows(head)) {
				ids.add(CredentialLists.chunkId(box, query.unionId(), ((Number) window).longValue()));
			}
		}
		List<Document> chunks = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += ReadModelBatch.MAX_IDS_PER_READ) {
			List<String> part = ids.subList(from, Math.min(ids.size(), from + ReadModelBatch.MAX_IDS_PER_READ));
			this.lists.find(Filters.in("_id", part)).batchSize(Math.max(2, Math.min(part.size(), 100))).into(chunks);
		}
		List<Ordered> all = new ArrayList<>();
		Map<CredentialListView.State, Long> counts = new EnumMap<>(CredentialListView.State.class);
		for (Document chunk : chunks) {
			if (!(chunk.get(CredentialLists.Listed.ENTRIES) instanceof Document entries)) {
				continue;
			}
			entries.forEach((code, value) -> {
				Ordered entry = entry(code, (Document) value, query.today());
				counts.merge(entry.entry().state(), 1L, Long::sum);
				all.add(entry);
			});
		}
		List<CredentialListView.Entry> selected = all.stream()
			.filter((entry) -> query.state() == null || entry.entry().state() == query.state())
			.sorted(Comparator.comparingLong(Ordered::position).reversed())
			.map(Ordered::entry)
			.toList();
		int from = (int) Math.min(selected.size(), (long) query.page() * query.size());
		int to = (int) Math.min(selected.size(), (long) from + query.size());
		return new CredentialListView(query.unionId(), query.box(),
				counts.getOrDefault(CredentialListView.State.OUTSTANDING, 0L),
				counts.getOrDefault(CredentialListView.State.USED, 0L),
				counts.getOrDefault(CredentialListView.State.EXPIRED, 0L),
				counts.getOrDefault(CredentialListView.State.CANCELLED, 0L), selected.size(),
				List.copyOf(selected.subList(from, to)));
	}

	private record Ordered(long position, CredentialListView.Entry entry) {
	}

	private static Ordered entry(String code, Document d, LocalDate today) {
		CredentialLists.Listed listed = CredentialLists.Listed.of(d);
		LocalDate expiresOn = listed.expiresOn();
		CredentialListView.State state = switch (listed.status()) {
			case USED -> CredentialListView.State.USED;
			case CANCELLED, VOID -> CredentialListView.State.CANCELLED;
			case OUTSTANDING ->
				expiresOn.isAfter(today) ? CredentialListView.State.OUTSTANDING : CredentialListView.State.EXPIRED;
		};
		return new Ordered(listed.position(),
				new CredentialListView.Entry(new CredentialCode(code), new MemberId(listed.memberId()),
						listed.issuingUnion(), listed.toUnion(), listed.issuedOn(), expiresOn, state,
						listed.acceptedOn()));
	}

}
