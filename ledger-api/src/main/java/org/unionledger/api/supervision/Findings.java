package org.unionledger.api.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.MemberRecords;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.membership.Commands.EndDoubleCountedMembership;
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

	private final MemberRecords records;

	public Findings(QueryGateway queries, CommandGateway commands, ProjectionFreshness freshness, Actors actors,
			StatisticalCalendar calendar, Clock clock, MemberRecords records) {
		this.records = records;
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

	/** Findings per page when none is asked for. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** The most findings a page holds. */
	public static final int MAX_PAGE_SIZE = 500;

	/**
	 * One page of findings and how many match.
	 *
	 * @param count how many match the kind and the status
	 * @param byStatus how many of the kind are in each status
	 * @param findings the page's findings
	 */
	public record FindingPage(int count, Map<FindingStatus, Integer> byStatus, List<Finding> findings) {
	}

	/**
	 * A page of the findings of a scope in a year, of one kind and status or all.
	 * @throws ApiException 422 {@code PAGE_OUT_OF_RANGE} for a negative page,
	 * {@code PAGE_SIZE_OUT_OF_RANGE} for a size outside 1..{@value #MAX_PAGE_SIZE}
	 */
	public FindingPage page(String scope, int statisticalYear, FindingKind kind, FindingStatus status, int page,
			int size) {
		if (page < 0 || page > 1_000_000) {
			throw ApiException.of(Rule.PAGE_OUT_OF_RANGE, "page", "page is 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ApiException.of(Rule.PAGE_SIZE_OUT_OF_RANGE, "size", "size is 1 to " + MAX_PAGE_SIZE);
		}
		Map<FindingStatus, Integer> byStatus = new EnumMap<>(FindingStatus.class);
		for (FindingStatus each : FindingStatus.values()) {
			byStatus.put(each, 0);
		}
		List<Finding> matching = new ArrayList<>();
		for (Finding finding : findings(scope, statisticalYear, kind)) {
			FindingStatus its = FindingStatus.of(finding);
			byStatus.merge(its, 1, Integer::sum);
			if (status == null || status == its) {
				matching.add(finding);
			}
		}
		long from = (long) page * size;
		List<Finding> onPage = (from >= matching.size()) ? List.of()
				: matching.subList((int) from, (int) Math.min(matching.size(), from + size));
		return new FindingPage(matching.size(), byStatus, List.copyOf(onPage));
	}

	/**
	 * The names of a page's members, masked, by member id ({@code [erased]} once erased).
	 */
	public Map<String, String> memberNames(List<Finding> findings) {
		Map<String, String> names = new TreeMap<>();
		for (Finding finding : findings) {
			String memberId = finding.memberId();
			if (memberId != null && !names.containsKey(memberId)) {
				Ids.member(memberId).flatMap(this.records::maskedName).ifPresent((name) -> names.put(memberId, name));
			}
		}
		return names;
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
	 * Corrects a confirmed finding by the compensating event its kind names
	 * ({@link FindingKind#correction}): a person counted in another ledger too stops
	 * being counted here, the membership ending today as a duplicate record that names
	 * the finding (figures before today stay as published); otherwise the member's first
	 * enrollment counts as a transfer in from its effective date on. History is not
	 * edited.
	 * @return the compensating event's type
	 * @throws ApiException 409 when the finding is not confirmed, names no member, or was
	 * corrected before
	 */
	public String correct(Finding finding, String reason) {
		if (!"CONFIRMED".equals(finding.status())) {
			throw ApiException.of(Rule.FINDING_NOT_CONFIRMED, "findingId",
					"only a confirmed finding is corrected; decide it first");
		}
		if (finding.correctedBy() != null) {
			throw ApiException.of(Rule.NOT_A_NEW_ENROLLMENT, "findingId", "the finding was already corrected");
		}
		if (finding.memberId() == null) {
			throw ApiException.of(Rule.NOT_A_NEW_ENROLLMENT, "findingId", "the finding names no member");
		}
		MemberId member = new MemberId(finding.memberId());
		String correction = switch (finding.kind().correction()) {
			case END_MEMBERSHIP_HERE -> {
				this.commands.sendAndWait(new EndDoubleCountedMembership(member, finding.id(), reason,
						LocalDate.now(this.clock), this.actors.current()));
				yield "MembershipTerminated";
			}
			case FIRST_ENROLLMENT_AS_TRANSFER_IN -> {
				this.commands.sendAndWait(
						new ReclassifyEnrollmentAsTransferIn(member, finding.id(), reason, this.actors.current()));
				yield "EnrollmentReclassifiedAsTransferIn";
			}
		};
		this.freshness.awaitOwnWrites();
		return correction;
	}

}
