package org.unionledger.projections.unionlists;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.unionledger.projections.rosters.RosterProjection;
import org.unionledger.projections.support.Documents;
import org.unionledger.projections.support.EventPositions;
import org.unionledger.projections.support.ReadModelBatch;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionMoved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.Events.UnionRenamed;
import org.unionledger.union.UnionPlacement;

/**
 * One document per county-level jurisdiction ({@code _id} = {@code J:<code>}) whose
 * {@code unions} map each union registered there to its name, type, sector and dates
 * (with {@code formerNames}, oldest first, once it has been renamed). Each document
 * remembers the last global position applied to it.
 */
@ProcessingGroup(RosterProjection.PROCESSING_GROUP)
public class UnionListProjection {

	public static final String COLLECTION = "rm_union_lists";

	private final MongoDatabase database;

	/**
	 * @param database where the reset handler drops the collection; {@code null} when the
	 * projection fills another store
	 */
	public UnionListProjection(MongoDatabase database) {
		this.database = database;
	}

	@ResetHandler
	void reset() {
		if (this.database != null) {
			this.database.getCollection(COLLECTION).drop();
		}
	}

	@EventHandler
	void on(UnionRegistered event, TrackingToken token) {
		ReadModelBatch.current()
			.apply(COLLECTION, key(event.placement().jurisdictionCode().value()), EventPositions.of(token),
					(document) -> unions(document).put(event.placement().unionId().value(),
							new Document("name", event.name()).append("type", event.placement().type().name())
								.append("sector", event.placement().sector().name())
								.append("establishedOn", event.establishedOn().toString())));
	}

	@EventHandler
	void on(UnionRenamed event, TrackingToken token) {
		ReadModelBatch.current()
			.apply(COLLECTION, listedUnder(event.placement()), EventPositions.of(token), (document) -> {
				Object union = unions(document).get(event.placement().unionId().value());
				if (union instanceof Document entry && !event.name().equals(entry.getString("name"))) {
					List<Object> former = new ArrayList<>(entry.getList("formerNames", Object.class, List.of()));
					former.add(event.previousName());
					entry.put("formerNames", former);
					entry.put("name", event.name());
				}
			});
	}

	@EventHandler
	void on(UnionDissolved event, TrackingToken token) {
		ReadModelBatch.current()
			.apply(COLLECTION, listedUnder(event.placement()), EventPositions.of(token), (document) -> {
				Object union = unions(document).get(event.placement().unionId().value());
				if (union instanceof Document entry) {
					entry.put("dissolvedOn", event.effectiveDate().toString());
				}
			});
	}

	/**
	 * A union that moves is listed from then on under the jurisdiction it moves to (whose
	 * officers manage it from the move's recording), with the day its figures start to
	 * count there and where it came from; the jurisdiction it leaves keeps it with the
	 * day it moved away and where to (for lists as of a day before).
	 */
	@EventHandler
	void on(UnionMoved event, TrackingToken token) {
		long position = EventPositions.of(token);
		String union = event.placement().unionId().value();
		ReadModelBatch batch = ReadModelBatch.current();
		String from = listedUnder(new UnionPlacement(event.placement().unionId(), event.previousJurisdictionCode(),
				event.placement().type(), event.placement().sector()));
		Object listed = unions(batch.document(COLLECTION, from)).get(union);
		Document entry = (listed instanceof Document found) ? Documents.copy(found) : new Document();
		entry.put("movesOn", event.effectiveDate().toString());
		entry.put("movedFrom", event.previousJurisdictionCode().value());
		batch.apply(COLLECTION, from, position, (document) -> {
			if (unions(document).get(union) instanceof Document left) {
				left.put("movedOutOn", event.effectiveDate().toString());
				left.put("movedTo", event.placement().jurisdictionCode().value());
			}
		});
		batch.apply(COLLECTION, key(event.placement().jurisdictionCode().value()), position,
				(document) -> unions(document).put(union, entry));
		batch.apply(COLLECTION, placedKey(event.placement().unionId().value()), position,
				(document) -> document.put("j", event.placement().jurisdictionCode().value()));
	}

	/**
	 * The list document a union is listed in: the county of its last move, if it moved,
	 * otherwise the one it was registered under.
	 */
	private static String listedUnder(UnionPlacement placement) {
		Document placed = ReadModelBatch.current().document(COLLECTION, placedKey(placement.unionId().value()));
		String county = placed.getString("j");
		return key((county != null) ? county : placement.jurisdictionCode().value());
	}

	private static String placedKey(String unionId) {
		return "P:" + unionId;
	}

	static String key(String countyCode) {
		return "J:" + countyCode;
	}

	static Document unions(Document document) {
		Object value = document.get("unions");
		if (value instanceof Document unions) {
			return unions;
		}
		Document created = new Document();
		document.put("unions", created);
		return created;
	}

}
