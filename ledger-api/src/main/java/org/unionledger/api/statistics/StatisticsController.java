package org.unionledger.api.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.jurisdiction.JurisdictionLevel;
import org.unionledger.api.members.CredentialCodeVisibility;
import org.unionledger.api.members.MemberRecords;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.projections.statistics.FigureEventsView;
import org.unionledger.projections.statistics.MonthlyFlowsView;
import org.unionledger.projections.statistics.StatisticsQueries.FindMonthlyFlows;
import org.unionledger.projections.unionlists.FindUnionsIn;
import org.unionledger.projections.unionlists.UnionListView;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.RankingView;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.statistics.StatisticsQueries.FindFigureEvents;
import org.unionledger.projections.statistics.StatisticsQueries.FindRanking;
import org.unionledger.projections.statistics.StatisticsQueries.RankingBy;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.UnionId;

/**
 * Statistics of jurisdictions and unions, their rankings, children and drill-down.
 * {@code asOf} is an effective date (stocks as of it, flows of the statistical year up to
 * it); {@code knownAt} a recorded day in the ledger's zone (only what had been recorded
 * by its end counts, and the answer lists what was recorded later).
 */
@RestController
public class StatisticsController {

	static final int MAX_PAGE_SIZE = 500;

	private final QueryGateway queries;

	private final StatisticsRequests requests;

	private final JurisdictionTable jurisdictions;

	private final MongoEventStorageEngine engine;

	private final Statistics statistics;

	private final ObjectMapper mapper;

	private final AccessScopes access;

	private final MemberRecords members;

	public StatisticsController(QueryGateway queries, StatisticsRequests requests, JurisdictionTable jurisdictions,
			MongoEventStorageEngine engine, AccessScopes access, Statistics statistics, ObjectMapper mapper,
			MemberRecords members) {
		this.members = members;
		this.access = access;
		this.statistics = statistics;
		this.mapper = mapper;
		this.queries = queries;
		this.requests = requests;
		this.jurisdictions = jurisdictions;
		this.engine = engine;
	}

	@GetMapping("/api/jurisdictions/{code}/statistics")
	public StatisticsResponse jurisdiction(@PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownAt) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		StatisticsView view = this.statistics.of(ScopeKeys.jurisdiction(jurisdiction.code()), year, asOf, knownAt);
		return StatisticsResponse.of(JurisdictionSubject.of(jurisdiction), view);
	}

	@GetMapping("/api/unions/{unionId}/statistics")
	public StatisticsResponse union(@PathVariable String unionId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownAt) {
		UnionId id = this.requests.union(unionId);
		this.access.union(id).ifPresent(this.access::requireUnionReadable);
		StatisticsView view = this.statistics.of(ScopeKeys.union(id), year, asOf, knownAt);
		return StatisticsResponse.of(id, view);
	}

	@GetMapping("/api/jurisdictions/{code}/ranking")
	public RankingView ranking(@PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "completion") String by,
			@RequestParam(defaultValue = "ASSIGNED") String source,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownAt) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		RankingBy order = switch (by.toLowerCase(Locale.ROOT)) {
			case "completion" -> RankingBy.COMPLETION;
			case "newenrollments" -> RankingBy.NEW_ENROLLMENTS;
			default -> throw ApiException.of(Rule.INVALID_VALUE, "by", "by is completion or newEnrollments");
		};
		TargetSource targetSource;
		try {
			targetSource = TargetSource.valueOf(source.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.of(Rule.INVALID_VALUE, "source", "source is ASSIGNED or SELF_SET");
		}
		if (this.jurisdictions.children(jurisdiction.code()).isEmpty()) {
			throw ApiException.of(Rule.NO_CHILDREN, "code", "a county or zone has no units below it to rank");
		}
		LocalDate effective = this.requests.pastDate(asOf, "asOf");
		LocalDate known = this.requests.pastDate(knownAt, "knownAt");
		return this.queries
			.query(new FindRanking(jurisdiction.code(), this.requests.year(year, effective), order, targetSource,
					effective, known), ResponseTypes.instanceOf(RankingView.class))
			.join();
	}

	@GetMapping("/api/jurisdictions/{code}/children")
	public JurisdictionChildren children(@PathVariable String code) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		JurisdictionSubject subject = JurisdictionSubject.of(jurisdiction);
		List<JurisdictionSubject> withdrawn = this.jurisdictions.withdrawnChildren(jurisdiction.code())
			.stream()
			.map(JurisdictionSubject::of)
			.toList();
		return new JurisdictionChildren(subject.scope(), subject.code(), subject.name(), subject.level(),
				subject.developmentZone(), this.jurisdictions.version(),
				this.jurisdictions.path(jurisdiction.code())
					.stream()
					.map((level) -> new JurisdictionChildren.PathStep(level.code().value(), level.name()))
					.toList(),
				this.jurisdictions.children(jurisdiction.code()).stream().map(JurisdictionSubject::of).toList(),
				withdrawn.isEmpty() ? null : withdrawn);
	}

	@GetMapping("/api/jurisdictions/{code}/statistics/monthly")
	public MonthlyFlowsView jurisdictionMonthly(@PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownAt) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		return monthly(ScopeKeys.jurisdiction(jurisdiction.code()), year, asOf, knownAt);
	}

	@GetMapping("/api/unions/{unionId}/statistics/monthly")
	public MonthlyFlowsView unionMonthly(@PathVariable String unionId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownAt) {
		UnionId id = this.requests.union(unionId);
		this.access.union(id).ifPresent(this.access::requireUnionReadable);
		return monthly(ScopeKeys.union(id), year, asOf, knownAt);
	}

	/**
	 * New enrollments, re-enrollments, transfers in and out and terminations month by
	 * month, as recorded now and, with {@code knownAt}, as known then.
	 */
	private MonthlyFlowsView monthly(String scope, Integer year, LocalDate asOf, LocalDate knownAt) {
		LocalDate effective = this.requests.pastDate(asOf, "asOf");
		LocalDate known = this.requests.pastDate(knownAt, "knownAt");
		int statisticalYear = this.requests.year(year, effective);
		return this.queries
			.query(new FindMonthlyFlows(scope, statisticalYear, effective, known),
					ResponseTypes.instanceOf(MonthlyFlowsView.class))
			.join();
	}

	/**
	 * The grassroots unions registered in a jurisdiction's subtree (for a county,
	 * district or zone: its own), the last step of a drill-down.
	 */
	@GetMapping("/api/jurisdictions/{code}/unions")
	public JurisdictionUnions unions(@PathVariable String code) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		List<JurisdictionCode> counties = new ArrayList<>();
		collectCounties(jurisdiction, counties);
		UnionListView view = this.queries
			.query(new FindUnionsIn(counties), ResponseTypes.instanceOf(UnionListView.class))
			.join();
		return JurisdictionUnions.of(JurisdictionSubject.of(jurisdiction), view);
	}

	private void collectCounties(Jurisdiction jurisdiction, List<JurisdictionCode> counties) {
		// a county-level unit, also one a newer division table withdrew
		if (jurisdiction.level() == JurisdictionLevel.COUNTY) {
			counties.add(jurisdiction.code());
			return;
		}
		for (Jurisdiction child : this.jurisdictions.children(jurisdiction.code())) {
			collectCounties(child, counties);
		}
	}

	@GetMapping("/api/jurisdictions/{code}/statistics/{figure}/events")
	public FigureEvents jurisdictionEvents(@PathVariable String code, @PathVariable String figure,
			@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownAt,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		return events(ScopeKeys.jurisdiction(jurisdiction.code()), figure, year, asOf, knownAt, page, size);
	}

	@GetMapping("/api/unions/{unionId}/statistics/{figure}/events")
	public FigureEvents unionEvents(@PathVariable String unionId, @PathVariable String figure,
			@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownAt,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		UnionId id = this.requests.union(unionId);
		this.access.union(id).ifPresent(this.access::requireUnionReadable);
		return events(ScopeKeys.union(id), figure, year, asOf, knownAt, page, size);
	}

	private FigureEvents events(String scope, String figure, Integer year, LocalDate asOf, LocalDate knownAt, int page,
			int size) {
		String name = figure.replace(':', '.');
		if (!Figures.isKnown(name)) {
			throw ApiException.of(Rule.FIGURE_UNKNOWN, "figure", "no figure " + figure
					+ "; figures are named as in the statistics' figures section, e.g. newEnrollments.sector.CONSTRUCTION");
		}
		if (page < 0 || page > 1_000_000) {
			throw ApiException.of(Rule.PAGE_OUT_OF_RANGE, "page", "page is 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ApiException.of(Rule.PAGE_SIZE_OUT_OF_RANGE, "size", "size is 1 to " + MAX_PAGE_SIZE);
		}
		LocalDate effective = this.requests.pastDate(asOf, "asOf");
		LocalDate known = this.requests.pastDate(knownAt, "knownAt");
		FigureEventsView view = this.queries
			.query(new FindFigureEvents(scope, name, this.requests.year(year, effective), effective, known, page, size),
					ResponseTypes.instanceOf(FigureEventsView.class))
			.join();
		Map<Long, TrackedEventMessage<?>> byPosition = new LinkedHashMap<>();
		for (TrackedEventMessage<?> event : this.engine.readCommittedEvents(view.positions())) {
			byPosition.put(event.trackingToken().position().orElse(-1), event);
		}
		List<FigureEvents.FigureEvent> events = new ArrayList<>();
		CredentialCodeVisibility codes = new CredentialCodeVisibility(this.access::canActFor);
		Map<String, Boolean> readsMembers = new HashMap<>();
		for (Long position : view.positions()) {
			TrackedEventMessage<?> event = byPosition.get(position);
			if (event != null) {
				events.add(describe(event, codes, readsMembers));
			}
		}
		return new FigureEvents(view.scope(), view.figure(), view.from(), view.to(), known, view.total(), view.page(),
				view.size(), view.openingBalance(), events);
	}

	/**
	 * An event for auditors; encrypted personal data is left out (the name, masked, is
	 * shown to whoever may read the members of the union the event names), credential
	 * codes are masked unless the reader acts for their unions.
	 */
	private FigureEvents.FigureEvent describe(TrackedEventMessage<?> event, CredentialCodeVisibility codes,
			Map<String, Boolean> readsMembers) {
		String aggregateId = null;
		Long sequence = null;
		if (event instanceof DomainEventMessage<?> domain) {
			aggregateId = domain.getAggregateIdentifier();
			sequence = domain.getSequenceNumber();
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> payload = this.mapper.convertValue(event.getPayload(), Map.class);
		Object personalData = payload.remove("personalData");
		String nameMasked = null;
		if (personalData != null) {
			payload.put("personalData", "[encrypted]");
			Object held = (payload.get("union") instanceof Map<?, ?> placement) ? placement.get("unionId")
					: payload.get("unionId");
			if (held instanceof String union && readsMembers.computeIfAbsent(union,
					(u) -> Ids.union(u).flatMap(this.access::union).map(this.access::canReadMembersOf).orElse(false))) {
				nameMasked = this.members.maskedName(personalData);
			}
		}
		return new FigureEvents.FigureEvent(event.trackingToken().position().orElse(-1),
				event.getPayloadType().getSimpleName(), aggregateId, sequence, codes.show(event.getPayload(), payload),
				nameMasked);
	}

}
