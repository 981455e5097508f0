package org.unionledger.projections.statistics;

import java.time.LocalDate;

/**
 * A change of one figure in one scope, effective on one date and recorded on one date.
 *
 * @param scope {@code U:<unionId>} or {@code J:<code>}
 * @param figure the figure's name
 * @param effective when it happened
 * @param recorded when the ledger learnt of it (date in the ledger's zone)
 * @param amount how much the figure changes
 */
record Delta(String scope, String figure, LocalDate effective, LocalDate recorded, long amount) {

	Key key() {
		return new Key(this.scope, this.figure, this.effective, this.recorded);
	}

	/** What deltas are netted by. */
	record Key(String scope, String figure, LocalDate effective, LocalDate recorded) {
	}

}
