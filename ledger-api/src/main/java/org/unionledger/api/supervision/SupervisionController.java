package org.unionledger.api.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.Role;
import org.unionledger.api.security.Scope;
import org.unionledger.api.security.Scopes;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.membership.Commands.ReclassifyEnrollmentAsTransferIn;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.supervision.FindFinding;
import org.unionledger.projections.supervision.FindFindings;
import org.unionledger.projections.supervision.Finding;
import org.unionledger.projections.supervision.FindingKind;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.supervision.Commands.DecideFinding;
import org.unionledger.supervision.FindingDecision;
import org.unionledger.supervision.FindingId;

/**
 * Findings of the double-count hunt for supervisors. A finding is shown whole to readers
 * of its union; another union it names (where the member is held, where they left, where
 * a credential was meant to go) is shown only if the reader's scope covers it too, and
 * otherwise as {@value #OUTSIDE} with the city it lies in ({@code …Jurisdiction}), the
 * level transfer flows already show.
 */
@RestController
public class SupervisionController {

	/** What a reader sees instead of a union outside their scope. */
	static final String OUTSIDE = "[outside your jurisdiction]";

	private final QueryGateway queries;

	private final CommandGateway commands;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Scopes access;

	private final UnionDirectory unions;

	private final JurisdictionTable jurisdictions;

	private final StatisticalCalendar calendar;

	private final Clock clock;

	public SupervisionController(QueryGateway queries, JurisdictionTable jurisdictions, StatisticalCalendar calendar,
			Clock clock, CommandGateway commands, ProjectionFreshness freshness, Actors actors, Scopes access,
			UnionDirectory unions) {
		this.access = access;
		this.unions = unions;
		this.queries = queries;
		this.commands = commands;
		this.freshness = freshness;
		this.actors = actors;
		this.jurisdictions = jurisdictions;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * A supervisor's decision.
	 *
	 * @param decision CONFIRMED or DISMISSED
	 * @param reason why
	 */
	public record DecisionRequest(@NotNull FindingDecision decision, @NotBlank @Size(max = 1000) String reason) {
	}

	/** Confirms or dismisses a finding; the decision is recorded as an event. */
	@PostMapping("/api/supervision/findings/{findingId}/decision")
	public Finding decide(@PathVariable String findingId, @Valid @RequestBody DecisionRequest request) {
		Finding finding = supervised(findingId);
		if (!"OPEN".equals(finding.status())) {
			throw ApiException.of(Rule.FINDING_ALREADY_DECIDED, "findingId",
					"the finding was already " + finding.status());
		}
		this.commands.sendAndWait(new DecideFinding(new FindingId(finding.id()), request.decision(), request.reason(),
				this.actors.current()));
		this.freshness.awaitOwnWrites();
		return masked(find(findingId).orElseThrow());
	}

	/**
	 * A correction of a confirmed double count.
	 *
	 * @param reason why the enrollment was in truth a transfer in
	 */
	public record CorrectionRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	/**
	 * Corrects a confirmed finding with a compensating event: the member's first
	 * enrollment counts as a transfer in from its effective date on. History is not
	 * edited.
	 */
	@PostMapping("/api/supervision/findings/{findingId}/correction")
	public Map<String, Object> correct(@PathVariable String findingId, @Valid @RequestBody CorrectionRequest request) {
		Finding finding = supervised(findingId);
		if (!"CONFIRMED".equals(finding.status())) {
			throw ApiException.of(Rule.FINDING_NOT_CONFIRMED, "findingId",
					"only a confirmed finding is corrected; decide it first");
		}
		if (finding.memberId() == null) {
			throw ApiException.of(Rule.NOT_A_NEW_ENROLLMENT, "findingId", "the finding names no member");
		}
		this.commands.sendAndWait(new ReclassifyEnrollmentAsTransferIn(new MemberId(finding.memberId()), finding.id(),
				request.reason(), this.actors.current()));
		this.freshness.awaitOwnWrites();
		return Map.of("findingId", finding.id(), "memberId", finding.memberId(), "correction",
				"EnrollmentReclassifiedAsTransferIn");
	}

	/**
	 * A finding a supervisor of its jurisdiction (or a system administrator) may decide.
	 */
	private Finding supervised(String findingId) {
		this.access.requireRole("decide findings", Role.SUPERVISOR, Role.SYSTEM_ADMIN);
		Finding finding = find(findingId)
			.orElseThrow(() -> ApiException.of(Rule.FINDING_UNKNOWN, "findingId", "no finding with this id"));
		this.access.requireReadable(JurisdictionCode.of(finding.jurisdictionCode()));
		return finding;
	}

	private java.util.Optional<Finding> find(String findingId) {
		if (findingId == null || findingId.length() > 200 || !findingId.matches("[A-Z_]+:[A-Za-z0-9_-]+:\\d+")) {
			return java.util.Optional.empty();
		}
		return this.queries.query(new FindFinding(findingId), ResponseTypes.optionalInstanceOf(Finding.class)).join();
	}

	/**
	 * Findings for a jurisdiction subtree or a union in a statistical year.
	 * @param jurisdiction a 2-, 4- or 6-digit code (or use {@code unionId})
	 * @param unionId a union instead of a jurisdiction
	 * @param year the statistical year (default: the current one)
	 * @param kind only findings of this kind
	 */
	@GetMapping("/api/supervision/findings")
	public Map<String, Object> findings(@RequestParam(required = false) String jurisdiction,
			@RequestParam(required = false) String unionId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) FindingKind kind) {
		this.access.requireRole("read findings", Role.SUPERVISOR, Role.AUDITOR, Role.JURISDICTION_ADMIN,
				Role.SYSTEM_ADMIN);
		String scope;
		if (jurisdiction != null && unionId == null) {
			if (!jurisdiction.matches("\\d{2}|\\d{4}|\\d{6}")
					|| this.jurisdictions.find(JurisdictionCode.of(jurisdiction)).isEmpty()) {
				throw ApiException.of(Rule.JURISDICTION_UNKNOWN, "jurisdiction", "no jurisdiction with this code");
			}
			this.access.requireReadable(JurisdictionCode.of(jurisdiction));
			scope = "J:" + jurisdiction;
		}
		else if (unionId != null && jurisdiction == null) {
			UnionId union = Ids.requireUnion(unionId, "unionId");
			this.access.requireUnionReadable(this.unions.find(union)
				.orElseThrow(() -> ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id")));
			scope = "U:" + union.value();
		}
		else {
			throw ApiException.of(Rule.SCOPE_REQUIRED, "jurisdiction", "give exactly one of jurisdiction and unionId");
		}
		int current = this.calendar.yearOf(LocalDate.now(this.clock));
		int statisticalYear = (year != null) ? year : current;
		if (statisticalYear < 1949 || statisticalYear > current + 1) {
			throw ApiException.of(Rule.YEAR_OUT_OF_RANGE, "year", "year must lie between 1949 and " + (current + 1));
		}
		List<Finding> findings = this.queries
			.query(new FindFindings(scope, statisticalYear, kind), ResponseTypes.multipleInstancesOf(Finding.class))
			.join();
		return Map.of("scope", scope, "statisticalYear", statisticalYear, "count", findings.size(), "findings",
				findings.stream().map(this::masked).toList());
	}

	/** The finding with the other unions outside the reader's scope masked. */
	private Finding masked(Finding finding) {
		Scope scope = this.access.current().scope();
		Map<String, Object> detail = new LinkedHashMap<>(finding.detail());
		boolean changed = false;
		for (String key : Finding.OTHER_UNIONS) {
			if (!(detail.get(key) instanceof String value) || OUTSIDE.equals(value)) {
				continue;
			}
			Optional<UnionFacts> union = Ids.union(value).flatMap(this.unions::find);
			if (union.isPresent()
					&& scope.covers(union.get().placement().unionId(), union.get().placement().jurisdictionCode())) {
				continue;
			}
			if (!"null".equals(value)) {
				detail.put(key, OUTSIDE);
				union.ifPresent((u) -> detail.put(key.replaceFirst("Id$", "") + "Jurisdiction",
						u.placement().jurisdictionCode().city().value()));
				changed = true;
			}
		}
		return changed ? finding.withDetail(detail) : finding;
	}

}
