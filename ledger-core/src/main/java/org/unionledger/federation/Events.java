package org.unionledger.federation;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.union.UnionId;

/** Events of the federation feature. */
public final class Events {

	private Events() {
	}

	/**
	 * A document presented as coming from another ledger was refused before any
	 * membership could be named. {@code claimedIssuer} and {@code claimedId} are what the
	 * document says (unverified, {@code null} when unreadable); {@code digest} is the
	 * SHA-256 of the document as presented, so that a replay of the same forged document
	 * is recognised; {@code presentingUnionId} is the union that presented it, if any.
	 */
	@Revision("1")
	public record ForeignDocumentRefused(RefusalId refusalId, DocumentKind kind, DocumentRefusal reason,
			String claimedIssuer, String claimedId, String digest, UnionId presentingUnionId, Instant recordedAt,
			RecordedBy recordedBy) implements FederationEvent {
	}

	/**
	 * Another ledger's fingerprint export was compared with the members counted here:
	 * {@code found} are the persons counted in both, each a finding for supervisors.
	 * {@code part} is the part of the export compared ({@link ExportPart}):
	 * {@code theirs} and {@code ours} count the people of that part on each side.
	 * Revision 1 had no part: its exports were whole, which is how it reads.
	 */
	@Revision("2")
	public record CrossLedgerDoubleCountsFound(ComparisonId comparisonId, LedgerId otherLedger, String digest,
			ExportPart part, int theirs, int ours, List<DoubleCount> found, Instant recordedAt,
			RecordedBy recordedBy) implements FederationEvent {

		public CrossLedgerDoubleCountsFound {
			part = (part != null) ? part : ExportPart.WHOLE;
		}

	}

}
