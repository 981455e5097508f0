package org.unionledger.disclosure;

import java.time.Instant;

import org.unionledger.disclosure.Events.PersonalDataDisclosed;

/**
 * Every event of a disclosure log's stream. A new event joins this list; a test then
 * fails until every projection reading this hierarchy, and the reference replay where it
 * reads it, handles the event or says why it ignores it.
 */
public sealed interface DisclosureEvent permits PersonalDataDisclosed {

	Instant recordedAt();

}
