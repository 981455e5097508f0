package org.unionledger.projections.rosters;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.unionledger.projections.support.ReadModelBatch;

/**
 * Reads a union's roster: its head, then its chunks with {@code _id $in} reads of at most
 * {@value ReadModelBatch#MAX_IDS_PER_READ} ids.
 */
public class RosterQueryHandler {

	private final MongoCollection<Document> rosters;

	public RosterQueryHandler(MongoDatabase database) {
		this.rosters = database.getCollection(RosterProjection.COLLECTION);
	}

	@QueryHandler
	public RosterView handle(FindRoster query) {
		Document head = this.rosters.find(Filters.eq("_id", RosterProjection.headId(query.unionId()))).first();
		List<String> ids = new ArrayList<>();
		if (head != null) {
			for (Object window : RosterProjection.windows(head)) {
				ids.add(RosterProjection.chunkId(query.unionId(), ((Number) window).longValue()));
			}
		}
		List<Document> chunks = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += ReadModelBatch.MAX_IDS_PER_READ) {
			List<String> part = ids.subList(from, Math.min(ids.size(), from + ReadModelBatch.MAX_IDS_PER_READ));
			this.rosters.find(Filters.in("_id", part)).batchSize(Math.max(2, Math.min(part.size(), 100))).into(chunks);
		}
		return RosterView.from(query.unionId(), chunks);
	}

}
