package org.unionledger.federation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionledger.common.Guards.check;
import static org.unionledger.common.Guards.require;

import java.time.Clock;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.unionledger.common.Rule;
import org.unionledger.federation.Commands.RecordDocumentRefusal;
import org.unionledger.federation.Events.ForeignDocumentRefused;

/**
 * One recorded refusal of a document from another ledger (see
 * {@link RecordDocumentRefusal}): its own stream, written once.
 */
class ForeignDocumentRefusal {

	/** Longest claimed issuer or id kept; longer claims are cut. */
	static final int MAX_CLAIM = 200;

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

	@AggregateIdentifier
	private RefusalId refusalId;

	ForeignDocumentRefusal() {
	}

	@CommandHandler
	ForeignDocumentRefusal(RecordDocumentRefusal command, Clock clock) {
		RefusalId id = require(command.refusalId(), "refusalId");
		DocumentKind kind = require(command.kind(), "kind");
		DocumentRefusal reason = require(command.reason(), "reason");
		String digest = require(command.digest(), "digest");
		require(command.recordedBy(), "recordedBy");
		check(SHA256_HEX.matcher(digest).matches(), "digest", Rule.REQUIRED,
				"the digest is the document's SHA-256 in lower-case hex");
		apply(new ForeignDocumentRefused(id, kind, reason, claim(command.claimedIssuer()), claim(command.claimedId()),
				digest, command.presentingUnionId(), clock.instant(), command.recordedBy()));
	}

	/**
	 * What a document claims, kept as text: control, format, surrogate and private-use
	 * characters become {@code ?} (a forged document may hold anything), then cut.
	 */
	private static String claim(String claimed) {
		if (claimed == null) {
			return null;
		}
		StringBuilder kept = new StringBuilder();
		claimed.codePoints().limit(MAX_CLAIM).forEach((c) -> {
			int type = Character.getType(c);
			boolean hidden = Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
					|| type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
			kept.appendCodePoint(hidden ? '?' : c);
		});
		return kept.toString();
	}

	@EventSourcingHandler
	void on(ForeignDocumentRefused event) {
		this.refusalId = event.refusalId();
	}

}
