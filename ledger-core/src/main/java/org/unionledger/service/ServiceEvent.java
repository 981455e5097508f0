package org.unionledger.service;

import java.time.Instant;

import org.unionledger.service.Events.ServiceDelivered;

/**
 * Every event of a service delivery's stream. A new event joins this list; a test then
 * fails until every projection reading this hierarchy, and the reference replay where it
 * reads it, handles the event or says why it ignores it.
 */
public sealed interface ServiceEvent permits ServiceDelivered {

	Instant recordedAt();

}
