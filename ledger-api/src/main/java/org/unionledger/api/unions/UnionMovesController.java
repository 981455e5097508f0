package org.unionledger.api.unions;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.statistics.StatisticsRequests;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionLevel;

/**
 * Moving every union of a county at once, as a change of the division table asks for; the
 * use case is {@link Unions#moveAll}. The admins of both counties (or of a level above
 * both) may.
 */
@RestController
public class UnionMovesController {

	private final Unions unions;

	private final StatisticsRequests requests;

	private final AccessScopes scopes;

	public UnionMovesController(Unions unions, StatisticsRequests requests, AccessScopes scopes) {
		this.unions = unions;
		this.requests = requests;
		this.scopes = scopes;
	}

	/**
	 * Where the unions of a county move.
	 *
	 * @param jurisdictionCode the 6-digit county, district or development zone they move
	 * to
	 * @param effectiveDate the first day they stand there: after today
	 * @param reason why (optional)
	 */
	public record MoveUnionsRequest(
			@Schema(example = "130112") @NotBlank @Pattern(regexp = "\\d{6}") String jurisdictionCode,
			@Schema(example = "2027-01-01") @NotNull LocalDate effectiveDate,
			@Schema(example = "2024 年行政区划调整") @Size(max = 500) String reason) {
	}

	/**
	 * The unions of a county, each moved or refused.
	 *
	 * @param from the county they stood under
	 * @param to the county they move to
	 * @param effectiveDate the first day they stand there
	 * @param moved how many move
	 * @param refused how many were refused (each with its rule)
	 * @param unions each union's outcome
	 */
	public record MovedUnions(String from, String to, LocalDate effectiveDate, long moved, long refused,
			List<Unions.MoveOutcome> unions) {
	}

	@PostMapping("/api/jurisdictions/{code}/union-moves")
	public MovedUnions moveAll(@PathVariable String code, @Valid @RequestBody MoveUnionsRequest request) {
		Jurisdiction county = this.requests.jurisdiction(code);
		if (county.level() != JurisdictionLevel.COUNTY) {
			throw ApiException.of(Rule.JURISDICTION_NOT_COUNTY_LEVEL, "code",
					"unions stand under a county, district or zone (6 digits), not " + code);
		}
		JurisdictionCode to = JurisdictionCode.of(request.jurisdictionCode());
		this.scopes.requireJurisdictionAdmin(county.code());
		this.scopes.requireJurisdictionAdmin(to);
		List<Unions.MoveOutcome> outcomes = this.unions.moveAll(county.code(), to, request.effectiveDate(),
				request.reason());
		long moved = outcomes.stream().filter(Unions.MoveOutcome::moved).count();
		return new MovedUnions(county.code().value(), to.value(), request.effectiveDate(), moved,
				outcomes.size() - moved, outcomes);
	}

}
