package org.unionledger.service;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionledger.common.Guards.check;
import static org.unionledger.common.Guards.notInFuture;
import static org.unionledger.common.Guards.require;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.unionledger.common.Rule;
import org.unionledger.membership.MemberDirectory;
import org.unionledger.service.Commands.RecordServiceDelivered;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;

/**
 * One recorded service delivery: who delivered what, to how many person-times, for how
 * many yuan. Amounts are kept with exactly two decimal places (fen). A service to a
 * member is recorded only by a union that holds or serves the member on the day.
 */
class ServiceDelivery {

	static final int MAX_PERSON_TIMES = 100_000;

	static final BigDecimal MAX_AMOUNT_YUAN = new BigDecimal("100000000");

	@AggregateIdentifier
	private ServiceId serviceId;

	ServiceDelivery() {
	}

	@CommandHandler
	ServiceDelivery(RecordServiceDelivered command, Clock clock, UnionDirectory unions, MemberDirectory members) {
		require(command.serviceId(), "serviceId");
		require(command.type(), "type");
		require(command.recordedBy(), "recordedBy");
		LocalDate deliveredOn = require(command.deliveredOn(), "deliveredOn");
		notInFuture(deliveredOn, "deliveredOn", LocalDate.now(clock));
		UnionFacts union = unions.requireOpenOn(require(command.unionId(), "unionId"), deliveredOn, "unionId");
		if (command.memberId() != null) {
			members.requireHeldOrServedBy(command.memberId(), union.placement().unionId(), deliveredOn, "memberId");
		}
		check(command.personTimes() >= 1 && command.personTimes() <= MAX_PERSON_TIMES, "personTimes",
				Rule.PERSON_TIMES_OUT_OF_RANGE, "person-times must be between 1 and " + MAX_PERSON_TIMES);
		BigDecimal amount = require(command.amountYuan(), "amountYuan");
		check(amount.signum() >= 0, "amountYuan", Rule.AMOUNT_NEGATIVE, "the amount must not be negative");
		check(amount.stripTrailingZeros().scale() <= 2, "amountYuan", Rule.AMOUNT_PRECISION,
				"the amount has at most 2 decimal places (fen)");
		check(amount.compareTo(MAX_AMOUNT_YUAN) <= 0, "amountYuan", Rule.AMOUNT_TOO_LARGE,
				"the amount must not exceed " + MAX_AMOUNT_YUAN + " yuan");
		apply(new ServiceDelivered(command.serviceId(), union.placementOn(deliveredOn), command.memberId(),
				command.type(), command.campaign(), deliveredOn, command.personTimes(), amount.setScale(2),
				clock.instant(), command.recordedBy()));
	}

	@EventSourcingHandler
	void on(ServiceDelivered event) {
		this.serviceId = event.serviceId();
	}

}
