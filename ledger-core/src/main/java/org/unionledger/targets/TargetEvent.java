package org.unionledger.targets;

import java.time.Instant;

import org.unionledger.targets.Events.EnrollmentTargetSet;

/**
 * Every event of an enrollment target's stream. A new event joins this list; a test then
 * fails until every projection reading this hierarchy, and the reference replay where it
 * reads it, handles the event or says why it ignores it.
 */
public sealed interface TargetEvent permits EnrollmentTargetSet {

	Instant recordedAt();

}
