package org.unionledger.api.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.unionledger.common.Rule;

/**
 * Sends the receipts of the outbox ({@link ReceiptOutbox}) to the ledgers they answer, at
 * {@code <partner URL>/api/federation/receipts}, every
 * {@code ledger.federation.delivery-interval} (2 s): taken there (200) or taken before
 * (409 {@code CREDENTIAL_ALREADY_USED}), a receipt leaves the outbox; a partner that
 * cannot be reached or answers 5xx is tried again after 2, 4, 8 … seconds (at most 5
 * minutes); a refusal (another 4xx) after an hour, and it is logged. So a person counts
 * in both ledgers only until the partner is reachable again.
 */
@Component
public class ReceiptDelivery {

	private static final Logger log = LoggerFactory.getLogger(ReceiptDelivery.class);

	/** How long a queued receipt may lack its transfer in before it is dropped. */
	static final Duration WRITE_AHEAD = Duration.ofMinutes(2);

	private final Federation federation;

	private final FederationProperties settings;

	private final ReceiptOutbox outbox;

	private final InterLedgerTransfers transfers;

	private final Clock clock;

	private final ObjectMapper json;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public ReceiptDelivery(Federation federation, FederationProperties settings, ReceiptOutbox outbox,
			InterLedgerTransfers transfers, Clock clock, ObjectMapper json) {
		this.federation = federation;
		this.settings = settings;
		this.outbox = outbox;
		this.transfers = transfers;
		this.clock = clock;
		this.json = json;
	}

	@Scheduled(fixedDelayString = "${ledger.federation.delivery-interval:2s}",
			initialDelayString = "${ledger.federation.delivery-interval:2s}")
	void deliverDue() {
		if (!this.federation.enabled() || this.settings.partners().isEmpty()) {
			// Nothing is queued without a partner's URL.
			return;
		}
		for (ReceiptOutbox.Entry entry : this.outbox.due(this.clock.millis())) {
			deliver(entry);
		}
	}

	/** Tries one receipt once. */
	void deliver(ReceiptOutbox.Entry entry) {
		long now = this.clock.millis();
		URI base = this.settings.partners().get(entry.ledger().value());
		if (base == null) {
			this.outbox.postpone(entry.receiptId(), now + Duration.ofHours(1).toMillis(),
					"no URL for ledger " + entry.ledger());
			return;
		}
		Optional<String> receipt = this.transfers.signedReceipt(entry.memberId(), entry.receiptId());
		if (receipt.isEmpty()) {
			if (now - entry.queuedAt() > WRITE_AHEAD.toMillis()) {
				// The transfer in it was queued for was refused or never stored.
				this.outbox.done(entry.receiptId());
			}
			else {
				this.outbox.postpone(entry.receiptId(), now + 2_000, "transfer in not stored yet");
			}
			return;
		}
		try {
			HttpResponse<String> answer = this.client
				.send(HttpRequest.newBuilder(base.resolve("/api/federation/receipts"))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body(receipt.get())))
					.build(), HttpResponse.BodyHandlers.ofString());
			int status = answer.statusCode();
			if (status == 200 || (status == 409 && answer.body().contains(Rule.CREDENTIAL_ALREADY_USED.name()))) {
				this.outbox.done(entry.receiptId());
				log.info("Receipt {} delivered to ledger {} ({})", entry.receiptId(), entry.ledger(), status);
			}
			else if (status >= 400 && status < 500) {
				log.warn("Ledger {} refused receipt {}: {} {}", entry.ledger(), entry.receiptId(), status,
						answer.body());
				this.outbox.postpone(entry.receiptId(), now + Duration.ofHours(1).toMillis(),
						status + " " + answer.body());
			}
			else {
				retry(entry, now, "HTTP " + status);
			}
		}
		catch (IOException ex) {
			retry(entry, now, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void retry(ReceiptOutbox.Entry entry, long now, String why) {
		long delay = Math.min(300_000L, 2_000L << Math.min(entry.attempts(), 8));
		this.outbox.postpone(entry.receiptId(), now + delay, why);
	}

	private String body(String document) {
		try {
			return this.json.writeValueAsString(Map.of("document", document));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
