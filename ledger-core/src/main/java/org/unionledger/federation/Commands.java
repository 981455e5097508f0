package org.unionledger.federation;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.union.UnionId;

/** Commands of the federation feature. */
public final class Commands {

	private Commands() {
	}

	/**
	 * Record that a document presented as coming from another ledger was refused before
	 * any membership could be named: forged, altered, unknown signer, out-of-date key,
	 * wrongly addressed, presented for another person, or a receipt for no credential of
	 * this ledger. What the document claims is kept as claimed (issuer and id, as text),
	 * with the SHA-256 of the document as presented.
	 */
	public record RecordDocumentRefusal(@TargetAggregateIdentifier RefusalId refusalId, DocumentKind kind,
			DocumentRefusal reason, String claimedIssuer, String claimedId, String digest, UnionId presentingUnionId,
			RecordedBy recordedBy) {
	}

	/**
	 * Record what a comparison of this ledger's members with another ledger's verified
	 * fingerprint export found: the persons counted in both ({@code found}), out of
	 * {@code theirs} in the export and {@code ours} compared here, both of the export's
	 * {@code part}. {@code digest} is the SHA-256 of the export as presented.
	 */
	public record RecordCrossLedgerComparison(@TargetAggregateIdentifier ComparisonId comparisonId,
			LedgerId otherLedger, String digest, ExportPart part, int theirs, int ours, List<DoubleCount> found,
			RecordedBy recordedBy) {
	}

}
