package org.unionledger.membership;

import org.unionledger.common.Outcome.RecordedRefusal;
import org.unionledger.common.Rule;

/** Why a second enrollment of the same person was refused. */
public enum EnrollmentRejectionReason implements RecordedRefusal {

	/** The person already has an active membership. */
	ALREADY_ACTIVE(Rule.ALREADY_ACTIVE),
	/** The person's membership is on hold (保留会籍); it must be resumed, not re-enrolled. */
	ON_HOLD(Rule.ON_HOLD);

	private final Rule rule;

	EnrollmentRejectionReason(Rule rule) {
		this.rule = rule;
	}

	@Override
	public Rule rule() {
		return this.rule;
	}

}
