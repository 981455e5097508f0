package org.unionledger.projections.unionlists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.projections.support.ReadModelStore;

/** Answers {@link FindUnionsIn} with one {@code _id $in} read. */
public class UnionListQueryHandler {

	private final ReadModelStore store;

	public UnionListQueryHandler(ReadModelStore store) {
		this.store = store;
	}

	@QueryHandler
	public UnionListView handle(FindUnionsIn query) {
		List<String> keys = query.counties()
			.stream()
			.map(JurisdictionCode::value)
			.map(UnionListProjection::key)
			.toList();
		Map<String, Document> documents = new TreeMap<>(this.store.find(UnionListProjection.COLLECTION, keys));
		List<UnionListView.Entry> entries = new ArrayList<>();
		for (Map.Entry<String, Document> county : documents.entrySet()) {
			String code = county.getKey().substring(2);
			Map<String, Object> unions = new TreeMap<>(UnionListProjection.unions(county.getValue()));
			unions.forEach((unionId, value) -> {
				Document union = (Document) value;
				if (!listed(union, query.on())) {
					return;
				}
				String dissolved = union.getString("dissolvedOn");
				String movesOn = union.getString("movesOn");
				entries.add(new UnionListView.Entry(unionId, union.getString("name"), code, union.getString("type"),
						union.getString("sector"), LocalDate.parse(union.getString("establishedOn")),
						(dissolved != null) ? LocalDate.parse(dissolved) : null,
						union.getList("formerNames", String.class, List.of()),
						(movesOn != null) ? LocalDate.parse(movesOn) : null, union.getString("movedFrom")));
			});
		}
		return new UnionListView(entries);
	}

	/**
	 * Whether an entry is listed: now, unless the union moved away; on a day, if it stood
	 * here then (moved here by then, and not yet away).
	 */
	private static boolean listed(Document union, LocalDate on) {
		String movedOut = union.getString("movedOutOn");
		if (on == null) {
			return movedOut == null;
		}
		String movedIn = union.getString("movesOn");
		return (movedOut == null || on.isBefore(LocalDate.parse(movedOut)))
				&& (movedIn == null || !on.isBefore(LocalDate.parse(movedIn)));
	}

}
