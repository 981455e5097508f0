package org.unionledger.api.statistics;

import java.time.LocalDate;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.targets.Commands.SetEnrollmentTarget;
import org.unionledger.targets.TargetId;
import org.unionledger.targets.TargetSource;

/**
 * Enrollment targets (目标任务) of a jurisdiction for a statistical year, and the completion
 * against them.
 */
@Service
public class Targets {

	private final CommandGateway commands;

	private final StatisticsRequests requests;

	private final Statistics statistics;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	public Targets(CommandGateway commands, StatisticsRequests requests, Statistics statistics,
			ProjectionFreshness freshness, Actors actors) {
		this.commands = commands;
		this.requests = requests;
		this.statistics = statistics;
		this.freshness = freshness;
		this.actors = actors;
	}

	/**
	 * Sets the target as the signed-in user.
	 * @param effectiveDate from when it applies; today when {@code null}
	 * @throws ApiException 422 for a year out of range or a future date
	 */
	public void set(Jurisdiction jurisdiction, int year, TargetSource source, long target, LocalDate effectiveDate) {
		if (year < 1950 || year > this.requests.today().getYear() + 2) {
			throw ApiException.of(Rule.YEAR_OUT_OF_RANGE, "year",
					"a target's year lies between 1950 and " + (this.requests.today().getYear() + 2));
		}
		LocalDate effective = (effectiveDate != null) ? this.requests.pastDate(effectiveDate, "effectiveDate")
				: this.requests.today();
		this.commands.sendAndWait(target(jurisdiction.code(), year, source, target, effective, this.actors.current()));
		this.freshness.awaitOwnWrites();
	}

	/** The jurisdiction's figures of the year, with the completion of its targets. */
	public StatisticsView completion(Jurisdiction jurisdiction, int year) {
		return this.statistics.of(ScopeKeys.jurisdiction(jurisdiction.code()), year, null, null);
	}

	/**
	 * The command setting a jurisdiction's target for a statistical year (one target
	 * stream per jurisdiction and year): the one place it is made (the route and the
	 * demo's seeds).
	 */
	public static SetEnrollmentTarget target(JurisdictionCode jurisdictionCode, int statisticalYear,
			TargetSource source, long target, LocalDate effectiveDate, RecordedBy by) {
		return new SetEnrollmentTarget(TargetId.of(jurisdictionCode, statisticalYear), jurisdictionCode,
				statisticalYear, source, target, effectiveDate, by);
	}

}
