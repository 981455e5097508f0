package org.unionledger.federation;

import java.util.List;
import java.util.Objects;

import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.union.UnionId;

/**
 * What a fingerprint export says, once its signature is checked: the people a ledger
 * counts (active or on hold) in a scope, by federation fingerprint and union, for one
 * partner ledger to compare with its own. No resident ID, no name.
 *
 * @param ledger the ledger that exported it
 * @param addressee the ledger it is for
 * @param scope the jurisdiction it covers (the exporting supervisor's)
 * @param part which part of the scope's people it holds ({@link ExportPart})
 * @param entries one per person counted in the part
 */
public record FingerprintExport(LedgerId ledger, LedgerId addressee, String scope, ExportPart part,
		List<Entry> entries) {

	public FingerprintExport {
		Objects.requireNonNull(ledger, "ledger");
		Objects.requireNonNull(addressee, "addressee");
		scope = InterLedgerCredential.text(scope, "scope");
		Objects.requireNonNull(part, "part");
		entries = List.copyOf(entries);
		if (ledger.equals(addressee)) {
			throw new IllegalArgumentException("an export is for another ledger than " + ledger);
		}
		for (Entry entry : entries) {
			if (!part.holds(entry.person())) {
				throw new IllegalArgumentException(
						"a person of part " + ExportPart.of(entry.person(), part.of()).number() + " in part "
								+ part.number() + " of " + part.of());
			}
		}
	}

	/** The whole export in one document. */
	public FingerprintExport(LedgerId ledger, LedgerId addressee, String scope, List<Entry> entries) {
		this(ledger, addressee, scope, ExportPart.WHOLE, entries);
	}

	/**
	 * One person counted by the exporting ledger.
	 *
	 * @param person the federation fingerprint
	 * @param unionId the union counting them there
	 * @param unionName that union's name
	 */
	public record Entry(PersonFingerprint person, UnionId unionId, String unionName) {

		public Entry {
			Objects.requireNonNull(person, "person");
			Objects.requireNonNull(unionId, "unionId");
			unionName = InterLedgerCredential.text(unionName, "unionName");
		}

	}

}
