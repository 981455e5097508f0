package org.unionledger.online;

import java.time.Instant;

import org.unionledger.online.Events.ApplicationApprovalWithdrawn;
import org.unionledger.online.Events.ApplicationApproved;
import org.unionledger.online.Events.ApplicationDeclined;
import org.unionledger.online.Events.ApplicationSubmitted;

/**
 * Every event of an online application's stream. A new event joins this list; a test then
 * fails until every projection reading this hierarchy, and the reference replay where it
 * reads it, handles the event or says why it ignores it.
 */
public sealed interface ApplicationEvent
		permits ApplicationSubmitted, ApplicationApproved, ApplicationDeclined, ApplicationApprovalWithdrawn {

	Instant recordedAt();

}
