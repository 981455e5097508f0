package org.unionledger.supervision;

import java.time.Instant;

import org.unionledger.supervision.Events.FindingDecided;

/**
 * Every event of a finding review's stream. A new event joins this list; a test then
 * fails until every projection reading this hierarchy, and the reference replay where it
 * reads it, handles the event or says why it ignores it.
 */
public sealed interface FindingEvent permits FindingDecided {

	Instant recordedAt();

}
