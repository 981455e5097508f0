package org.unionledger.api.statistics;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.targets.TargetSource;

/**
 * Enrollment targets of a jurisdiction for a statistical year: assigned by the level
 * above (ASSIGNED, 省总要求) or set by the jurisdiction itself (SELF_SET, 我市目标).
 */
@RestController
public class TargetController {

	private final StatisticsRequests requests;

	private final Targets targets;

	private final AccessScopes access;

	public TargetController(StatisticsRequests requests, Targets targets, AccessScopes access) {
		this.requests = requests;
		this.targets = targets;
		this.access = access;
	}

	/**
	 * A target.
	 *
	 * @param source who sets it
	 * @param target new enrollments to reach in the year, 0 or more
	 * @param effectiveDate from when it applies (default today)
	 */
	public record TargetRequest(@NotNull TargetSource source, @NotNull @Min(0) @Max(100_000_000) Long target,
			LocalDate effectiveDate) {
	}

	@PutMapping("/api/jurisdictions/{code}/targets/{year}")
	public TargetsResponse put(@PathVariable String code, @PathVariable int year,
			@Valid @RequestBody TargetRequest request) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireTargetOwner(jurisdiction.code(), request.source());
		this.targets.set(jurisdiction, year, request.source(), request.target(), request.effectiveDate());
		return get(code, year);
	}

	@PostMapping("/api/jurisdictions/{code}/targets/{year}")
	public TargetsResponse post(@PathVariable String code, @PathVariable int year,
			@Valid @RequestBody TargetRequest request) {
		return put(code, year, request);
	}

	@GetMapping("/api/jurisdictions/{code}/targets/{year}")
	public TargetsResponse get(@PathVariable String code, @PathVariable int year) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		StatisticsView view = this.targets.completion(jurisdiction, year);
		TargetsResponse.TargetFigures assigned = null;
		TargetsResponse.TargetFigures selfSet = null;
		for (StatisticsView.Completion completion : view.completion()) {
			TargetsResponse.TargetFigures figures = new TargetsResponse.TargetFigures(completion.target(),
					completion.targetEffectiveDate(), completion.newEnrollments(), completion.rate());
			switch (completion.source()) {
				case ASSIGNED -> assigned = figures;
				case SELF_SET -> selfSet = figures;
			}
		}
		JurisdictionSubject subject = JurisdictionSubject.of(jurisdiction);
		return new TargetsResponse(subject.scope(), subject.code(), subject.name(), subject.level(),
				subject.developmentZone(), year, view.asOf(), new TargetsResponse.SourceTargets(assigned, selfSet));
	}

}
