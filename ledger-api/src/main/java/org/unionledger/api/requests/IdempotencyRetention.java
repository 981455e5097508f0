package org.unionledger.api.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * How long idempotency records live. An answer (it may hold a credential code) is kept
 * for {@code ledger.requests.idempotency-retention} (24 hours) after it was given; then
 * the record loses the answer and becomes {@value #EXPIRED}: the same key is refused with
 * 422 {@code IDEMPOTENCY_KEY_EXPIRED} instead of running the request again, since the
 * client is most likely retrying a request that was carried out (a second run would
 * record a service twice, or a duplicate enrollment attempt). The expired record, the
 * hashes of the user, key and request and nothing else, is deleted
 * {@code ledger.requests.expired-key-retention} (30 days) later; the key is new then.
 * <p>
 * Expiry is checked when a record is read, and a scheduled scan
 * ({@code ledger.requests.purge-interval}, hourly) strips and deletes expired records. A
 * scan rather than a TTL index, as the embedded store has none.
 */
public class IdempotencyRetention {

	static final String EXPIRED = "EXPIRED";

	private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

	private final MongoCollection<Document> records;

	private final RequestProperties settings;

	private final Clock clock;

	IdempotencyRetention(MongoDatabase database, RequestProperties settings, Clock clock) {
		this.records = database.getCollection(IdempotencyFilter.COLLECTION);
		this.settings = settings;
		this.clock = clock;
	}

	/** Whether the record's answer may no longer be given. */
	boolean expired(Document record) {
		Date at = record.getDate("createdAt");
		return EXPIRED.equals(record.getString("state")) || at == null || at.before(answerCutoff());
	}

	private Date answerCutoff() {
		return Date.from(this.clock.instant().minus(this.settings.idempotencyRetention()));
	}

	/**
	 * Strips the answers of records past their retention and deletes the expired records
	 * past theirs.
	 */
	@Scheduled(fixedDelayString = "${ledger.requests.purge-interval:1h}",
			initialDelayString = "${ledger.requests.purge-interval:1h}")
	public void purge() {
		Instant now = this.clock.instant();
		long stripped = this.records.updateMany(
				Filters.and(Filters.ne("state", EXPIRED),
						Filters.lt("createdAt", Date.from(now.minus(this.settings.idempotencyRetention())))),
				Updates.combine(Updates.set("state", EXPIRED), Updates.unset("body"), Updates.unset("location"),
						Updates.unset("contentType"), Updates.unset("status")))
			.getModifiedCount();
		long deleted = this.records
			.deleteMany(Filters.and(Filters.eq("state", EXPIRED), Filters.lt("createdAt", Date
				.from(now.minus(this.settings.idempotencyRetention()).minus(this.settings.expiredKeyRetention())))))
			.getDeletedCount();
		if (stripped > 0 || deleted > 0) {
			log.info("Idempotency records: {} answers expired, {} expired keys forgotten", stripped, deleted);
		}
	}

}
