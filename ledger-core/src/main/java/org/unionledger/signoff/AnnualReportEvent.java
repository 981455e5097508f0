package org.unionledger.signoff;

import java.time.Instant;

import org.unionledger.signoff.Events.AnnualReportSignedOff;

/**
 * Every event of an annual report's stream. A new event joins this list; a test then
 * fails until every projection reading this hierarchy, and the reference replay where it
 * reads it, handles the event or says why it ignores it.
 */
public sealed interface AnnualReportEvent permits AnnualReportSignedOff {

	Instant recordedAt();

}
