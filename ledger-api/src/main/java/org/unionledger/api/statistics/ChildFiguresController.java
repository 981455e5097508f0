package org.unionledger.api.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.jurisdiction.JurisdictionLevel;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.projections.unionlists.FindUnionsIn;
import org.unionledger.projections.unionlists.UnionListView;
import org.unionledger.union.UnionId;

/**
 * The figures of a level's units in one request, so that a page listing a city's 20 or 30
 * counties (or a county's unions) does not ask once per unit. Readable by whoever may
 * read the jurisdiction: every unit below lies in the same subtree.
 */
@RestController
public class ChildFiguresController {

	private final StatisticsRequests requests;

	private final JurisdictionTable jurisdictions;

	private final Statistics statistics;

	private final QueryGateway queries;

	private final AccessScopes access;

	private final Clock clock;

	public ChildFiguresController(StatisticsRequests requests, JurisdictionTable jurisdictions, Statistics statistics,
			QueryGateway queries, AccessScopes access, Clock clock) {
		this.clock = clock;
		this.requests = requests;
		this.jurisdictions = jurisdictions;
		this.statistics = statistics;
		this.queries = queries;
		this.access = access;
	}

	@GetMapping("/api/jurisdictions/{code}/children/statistics")
	public ChildFigures children(@PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownAt) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		LocalDate effective = this.requests.pastDate(asOf, "asOf");
		LocalDate known = this.requests.pastDate(knownAt, "knownAt");
		int statisticalYear = this.requests.year(year, effective);
		List<ChildFigures.Child> children = new ArrayList<>();
		ChildFigures.UnitKind kind;
		StatisticsView any = null;
		// a county-level unit, also one a newer division table withdrew
		if (jurisdiction.level() == JurisdictionLevel.COUNTY) {
			kind = ChildFigures.UnitKind.UNION;
			UnionListView unions = this.queries
				.query(new FindUnionsIn(List.of(jurisdiction.code()),
						(effective != null) ? effective : LocalDate.now(this.clock)),
						ResponseTypes.instanceOf(UnionListView.class))
				.join();
			for (UnionListView.Entry union : unions.unions()) {
				StatisticsView view = this.statistics.of(ScopeKeys.union(new UnionId(union.unionId())), statisticalYear,
						effective, known);
				StatisticsResponse figures = StatisticsResponse.of(new UnionId(union.unionId()), view);
				children.add(new ChildFigures.Child(figures.scope(), null, union.unionId(), union.name(), null, null,
						union.type(), union.sector(), union.establishedOn(), figures.members(), figures.flows(), null));
				any = view;
			}
		}
		else {
			kind = ChildFigures.UnitKind.JURISDICTION;
			for (Jurisdiction child : this.jurisdictions.children(jurisdiction.code())) {
				JurisdictionSubject subject = JurisdictionSubject.of(child);
				StatisticsView view = this.statistics.of(subject.scope(), statisticalYear, effective, known);
				StatisticsResponse figures = StatisticsResponse.of(subject, view);
				children.add(new ChildFigures.Child(subject.scope(), subject.code(), null, subject.name(),
						subject.level(), subject.developmentZone(), null, null, null, figures.members(),
						figures.flows(), figures.completion()));
				any = view;
			}
		}
		if (any == null) {
			// no unit below: the year's bounds from the jurisdiction's own (empty) answer
			any = this.statistics.of(ScopeKeys.jurisdiction(jurisdiction.code()), statisticalYear, effective, known);
		}
		JurisdictionSubject subject = JurisdictionSubject.of(jurisdiction);
		return new ChildFigures(subject.scope(), subject.code(), subject.name(), subject.level(), statisticalYear,
				any.from(), any.asOf(), known, this.jurisdictions.version(),
				this.jurisdictions.path(jurisdiction.code())
					.stream()
					.map((level) -> new JurisdictionChildren.PathStep(level.code().value(), level.name()))
					.toList(),
				kind, children);
	}

}
