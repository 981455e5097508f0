package org.unionledger.projections.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * Which layout the read models of each processor were written in ({@value #COLLECTION}:
 * {@code {_id: <processing group>, layout: <n>}}). A processor whose documents change
 * shape raises its layout number; at start-up a ledger that finds an older number
 * rebuilds that processor's read models from the first event before the processor runs,
 * so it never reads, or adds to, documents of the older shape. Read models built before
 * layouts were recorded have layout {@value #UNRECORDED}.
 */
public final class ReadModelLayouts {

	public static final String COLLECTION = "rm_layouts";

	/** The layout of read models for which none was recorded. */
	public static final int UNRECORDED = 1;

	private final MongoCollection<Document> layouts;

	public ReadModelLayouts(MongoDatabase database) {
		this.layouts = database.getCollection(COLLECTION);
	}

	/** The layout recorded for the processing group's read models. */
	public int recorded(String processingGroup) {
		Document document = this.layouts.find(Filters.eq("_id", processingGroup)).first();
		return (document != null && document.get("layout") instanceof Number layout) ? layout.intValue() : UNRECORDED;
	}

	/** Records that the processing group's read models now have {@code layout}. */
	public void record(String processingGroup, int layout) {
		this.layouts.replaceOne(Filters.eq("_id", processingGroup),
				new Document("_id", processingGroup).append("layout", layout), new ReplaceOptions().upsert(true));
	}

}
