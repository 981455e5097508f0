package org.unionledger.supervision;

/** What a supervisor decided about a finding. */
public enum FindingDecision {

	/** It is a real double count (or other fault) and needs correcting. */
	CONFIRMED,
	/** It was looked at and is not a fault. */
	DISMISSED

}
