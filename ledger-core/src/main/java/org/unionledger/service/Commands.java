package org.unionledger.service;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.common.RecordedBy;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionId;

/** Commands of the service feature. */
public final class Commands {

	private Commands() {
	}

	/**
	 * Record a service a union delivered. {@code memberId} is {@code null} for services
	 * to non-members, which are counted without identity; {@code campaign} is optional.
	 */
	public record RecordServiceDelivered(@TargetAggregateIdentifier ServiceId serviceId, UnionId unionId,
			MemberId memberId, ServiceType type, Campaign campaign, LocalDate deliveredOn, int personTimes,
			BigDecimal amountYuan, RecordedBy recordedBy) {
	}

}
