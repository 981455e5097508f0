package org.unionledger.targets;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionledger.common.Guards.check;
import static org.unionledger.common.Guards.notInFuture;
import static org.unionledger.common.Guards.require;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.targets.Commands.SetEnrollmentTarget;
import org.unionledger.targets.Events.EnrollmentTargetSet;

/**
 * The enrollment targets of one jurisdiction (province, city, county or zone) for one
 * statistical year: one per {@link TargetSource}. Setting the value a source already has
 * writes nothing, so a repeated request is harmless. Completion rates compare new
 * enrollments (never transfers-in, resumptions or re-enrollments) with these targets.
 */
class EnrollmentTarget {

	static final long MAX_TARGET = 100_000_000L;

	static final int FIRST_YEAR = 1949;

	@AggregateIdentifier
	private TargetId targetId;

	private final Map<TargetSource, Long> targets = new EnumMap<>(TargetSource.class);

	EnrollmentTarget() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(SetEnrollmentTarget command, Clock clock, JurisdictionTable jurisdictions) {
		TargetId id = require(command.targetId(), "targetId");
		JurisdictionCode code = require(command.jurisdictionCode(), "jurisdictionCode");
		TargetSource source = require(command.source(), "source");
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		require(command.recordedBy(), "recordedBy");
		LocalDate today = LocalDate.now(clock);
		check(jurisdictions.find(code).isPresent(), "jurisdictionCode", Rule.JURISDICTION_NOT_IN_TABLE,
				"jurisdiction " + code + " is not in division table " + jurisdictions.version());
		int year = command.statisticalYear();
		check(year >= FIRST_YEAR && year <= today.getYear() + 2, "statisticalYear", Rule.YEAR_OUT_OF_RANGE,
				"a target's year lies between " + FIRST_YEAR + " and " + (today.getYear() + 2));
		check(id.equals(TargetId.of(code, year)), "targetId", Rule.REQUIRED,
				"the target id must be " + TargetId.of(code, year));
		check(command.target() >= 0, "target", Rule.TARGET_NEGATIVE, "a target is zero or more");
		check(command.target() <= MAX_TARGET, "target", Rule.TARGET_TOO_LARGE,
				"a target must not exceed " + MAX_TARGET);
		notInFuture(effectiveDate, "effectiveDate", today);
		Long previous = this.targets.get(source);
		if (previous != null && previous == command.target()) {
			return;
		}
		apply(new EnrollmentTargetSet(code, year, source, command.target(), previous, effectiveDate, clock.instant(),
				command.recordedBy()));
	}

	@EventSourcingHandler
	void on(EnrollmentTargetSet event) {
		this.targetId = TargetId.of(event.jurisdictionCode(), event.statisticalYear());
		this.targets.put(event.source(), event.target());
	}

}
