package org.unionledger.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.unionledger.common.RecordedBy;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionPlacement;

/** Events of the service feature. */
public final class Events {

	private Events() {
	}

	/** A union delivered a service; {@code deliveredOn} is the effective date. */
	@Revision("1")
	public record ServiceDelivered(ServiceId serviceId, UnionPlacement union, MemberId memberId, ServiceType type,
			Campaign campaign, LocalDate deliveredOn, int personTimes, BigDecimal amountYuan, Instant recordedAt,
			RecordedBy recordedBy) implements ServiceEvent {
	}

}
