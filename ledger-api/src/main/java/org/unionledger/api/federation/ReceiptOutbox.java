package org.unionledger.api.federation;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.MemberId;

/**
 * Receipts waiting to be sent to the ledgers they answer, in {@value #COLLECTION}: one
 * document per receipt ({@code _id} its id), written <em>before</em> the transfer in is
 * sent, so that no acceptance can be stored without its receipt queued (a crash in
 * between leaves an entry for a transfer in that never happened, which the delivery finds
 * and drops). {@link ReceiptDelivery} sends them.
 */
@Component
public class ReceiptOutbox {

	static final String COLLECTION = "federation_outbox";

	private final MongoCollection<Document> entries;

	public ReceiptOutbox(MongoDatabase database) {
		this.entries = database.getCollection(COLLECTION);
	}

	/**
	 * A receipt to send.
	 *
	 * @param receiptId its id
	 * @param ledger the ledger it answers (the credential's origin)
	 * @param memberId the member here
	 * @param code the credential it answers
	 * @param attempts deliveries tried so far
	 * @param nextAt when to try next (epoch milliseconds)
	 * @param queuedAt when it was queued (epoch milliseconds)
	 */
	public record Entry(String receiptId, LedgerId ledger, MemberId memberId, CredentialCode code, int attempts,
			long nextAt, long queuedAt) {
	}

	/** Queues a receipt, due at once; queuing it again changes nothing. */
	public void queue(String receiptId, LedgerId ledger, MemberId memberId, CredentialCode code, long now) {
		try {
			this.entries.insertOne(new Document("_id", receiptId).append("ledger", ledger.value())
				.append("member", memberId.value())
				.append("code", code.value())
				.append("attempts", 0)
				.append("next", now)
				.append("queued", now));
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

	/**
	 * The receipts due at {@code now}. The outbox is small: it holds what is in transit.
	 */
	public List<Entry> due(long now) {
		List<Entry> due = new ArrayList<>();
		for (Document d : this.entries.find()) {
			if (d.get("next", Number.class).longValue() <= now) {
				due.add(new Entry(d.getString("_id"), new LedgerId(d.getString("ledger")),
						new MemberId(d.getString("member")), new CredentialCode(d.getString("code")),
						d.get("attempts", Number.class).intValue(), d.get("next", Number.class).longValue(),
						d.get("queued", Number.class).longValue()));
			}
		}
		return due;
	}

	/** The receipt was delivered (or will never be): it leaves the outbox. */
	public void done(String receiptId) {
		this.entries.deleteOne(Filters.eq("_id", receiptId));
	}

	/** Tries again at {@code nextAt}. */
	public void postpone(String receiptId, long nextAt, String why) {
		this.entries.updateOne(Filters.eq("_id", receiptId), Updates.combine(Updates.inc("attempts", 1),
				Updates.set("next", nextAt), Updates.set("lastError", why)));
	}

	/** How many receipts wait. */
	public long size() {
		return this.entries.countDocuments();
	}

}
