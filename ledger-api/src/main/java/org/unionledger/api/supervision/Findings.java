package org.unionledger.api.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.common.Rule;
import org.unionledger.membership.Commands.ReclassifyEnrollmentAsTransferIn;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.supervision.FindFinding;
import org.unionledger.projections.supervision.FindFindings;
import org.unionledger.projections.supervision.Finding;
import org.unionledger.projections.supervision.FindingKind;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.supervision.Commands.DecideFinding;
import org.unionledger.supervision.FindingDecision;
import org.unionledger.supervision.FindingId;

/**
 * Supervision (督查) of the double-count hunt's findings: listing them, a supervisor's
 * decision, and the correction of a confirmed double count by a compensating event.
 */
@Service
public class Findings {

	private final QueryGateway queries;

	private final CommandGateway commands;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final StatisticalCalendar calendar;

	private final Clock clock;

	public Findings(QueryGateway queries, CommandGateway commands, ProjectionFreshness freshness, Actors actors,
			StatisticalCalendar calendar, Clock clock) {
		this.queries = queries;
		this.commands = commands;
		this.freshness = freshness;
		this.actors = actors;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The finding, if the id is well formed and known. */
	public Optional<Finding> find(String findingId) {
		if (findingId == null || findingId.length() > 200 || !findingId.matches("[A-Z_]+:[A-Za-z0-9_-]+:\\d+")) {
			return Optional.empty();
		}
		return this.queries.query(new FindFinding(findingId), ResponseTypes.optionalInstanceOf(Finding.class)).join();
	}

	/**
	 * The statistical year asked for, the current one when {@code null}.
	 * @throws ApiException 422 {@code YEAR_OUT_OF_RANGE}
	 */
	public int year(Integer year) {
		int current = this.calendar.yearOf(LocalDate.now(this.clock));
		int statisticalYear = (year != null) ? year : current;
		if (statisticalYear < 1949 || statisticalYear > current + 1) {
			throw ApiException.of(Rule.YEAR_OUT_OF_RANGE, "year", "year must lie between 1949 and " + (current + 1));
		}
		return statisticalYear;
	}

	/** The findings of a scope ({@code J:<code>} or {@code U:<union>}) in a year. */
	public List<Finding> findings(String scope, int statisticalYear, FindingKind kind) {
		return this.queries
			.query(new FindFindings(scope, statisticalYear, kind), ResponseTypes.multipleInstancesOf(Finding.class))
			.join();
	}

	/**
	 * Confirms or dismisses an open finding as the signed-in supervisor.
	 * @return the finding as decided
	 * @throws ApiException 409 {@code FINDING_ALREADY_DECIDED}
	 */
	public Finding decide(Finding finding, FindingDecision decision, String reason) {
		if (!"OPEN".equals(finding.status())) {
			throw ApiException.of(Rule.FINDING_ALREADY_DECIDED, "findingId",
					"the finding was already " + finding.status());
		}
		this.commands
			.sendAndWait(new DecideFinding(new FindingId(finding.id()), decision, reason, this.actors.current()));
		this.freshness.awaitOwnWrites();
		return find(finding.id()).orElseThrow();
	}

	/**
	 * Corrects a confirmed finding: the member's first enrollment counts as a transfer in
	 * from its effective date on. History is not edited.
	 * @throws ApiException 409 when the finding is not confirmed or names no member
	 */
	public void correct(Finding finding, String reason) {
		if (!"CONFIRMED".equals(finding.status())) {
			throw ApiException.of(Rule.FINDING_NOT_CONFIRMED, "findingId",
					"only a confirmed finding is corrected; decide it first");
		}
		if (finding.memberId() == null) {
			throw ApiException.of(Rule.NOT_A_NEW_ENROLLMENT, "findingId", "the finding names no member");
		}
		this.commands.sendAndWait(new ReclassifyEnrollmentAsTransferIn(new MemberId(finding.memberId()), finding.id(),
				reason, this.actors.current()));
		this.freshness.awaitOwnWrites();
	}

}
