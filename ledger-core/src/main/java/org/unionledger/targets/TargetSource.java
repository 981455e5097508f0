package org.unionledger.targets;

/** Who set an enrollment target. */
public enum TargetSource {

	/** Assigned by the level above (省总要求, the provincial federation's requirement). */
	ASSIGNED,
	/** Set by the jurisdiction itself (我市目标), usually higher than the assigned one. */
	SELF_SET

}
