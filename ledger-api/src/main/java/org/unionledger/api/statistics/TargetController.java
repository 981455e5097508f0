package org.unionledger.api.statistics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.projections.statistics.Scopes;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.targets.Commands.SetEnrollmentTarget;
import org.unionledger.targets.TargetId;
import org.unionledger.targets.TargetSource;

/**
 * Enrollment targets of a jurisdiction for a statistical year: assigned by the level
 * above (ASSIGNED, 省总要求) or set by the jurisdiction itself (SELF_SET, 我市目标).
 */
@RestController
public class TargetController {

	private final CommandGateway commands;

	private final StatisticsRequests requests;

	private final StatisticsController statistics;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final org.unionledger.api.security.Scopes access;

	public TargetController(CommandGateway commands, StatisticsRequests requests, StatisticsController statistics,
			ProjectionFreshness freshness, Actors actors, org.unionledger.api.security.Scopes access) {
		this.access = access;
		this.commands = commands;
		this.requests = requests;
		this.statistics = statistics;
		this.freshness = freshness;
		this.actors = actors;
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
	public Map<String, Object> put(@PathVariable String code, @PathVariable int year,
			@Valid @RequestBody TargetRequest request) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireJurisdictionAdmin(jurisdiction.code());
		if (year < 1950 || year > this.requests.today().getYear() + 2) {
			throw ApiException.of(Rule.YEAR_OUT_OF_RANGE, "year",
					"a target's year lies between 1950 and " + (this.requests.today().getYear() + 2));
		}
		LocalDate effective = (request.effectiveDate() != null)
				? this.requests.pastDate(request.effectiveDate(), "effectiveDate") : this.requests.today();
		this.commands.sendAndWait(new SetEnrollmentTarget(TargetId.of(jurisdiction.code(), year), jurisdiction.code(),
				year, request.source(), request.target(), effective, this.actors.current()));
		this.freshness.awaitOwnWrites();
		return get(code, year);
	}

	@PostMapping("/api/jurisdictions/{code}/targets/{year}")
	public Map<String, Object> post(@PathVariable String code, @PathVariable int year,
			@Valid @RequestBody TargetRequest request) {
		return put(code, year, request);
	}

	@GetMapping("/api/jurisdictions/{code}/targets/{year}")
	public Map<String, Object> get(@PathVariable String code, @PathVariable int year) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		StatisticsView view = this.statistics.statistics(Scopes.jurisdiction(jurisdiction.code()), year, null, null);
		Map<String, Object> body = StatisticsController.subject(jurisdiction);
		body.put("statisticalYear", year);
		body.put("asOf", view.asOf());
		Map<String, Object> targets = new LinkedHashMap<>();
		for (StatisticsView.Completion completion : view.completion()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("target", completion.target());
			entry.put("effectiveDate", completion.targetEffectiveDate());
			entry.put("newEnrollments", completion.newEnrollments());
			entry.put("rate", completion.rate());
			targets.put(completion.source().name(), entry);
		}
		body.put("targets", targets);
		return body;
	}

}
