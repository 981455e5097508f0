package org.unionledger.api.unions;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionType;

/** Registering and reading grassroots unions; the registration is {@link Unions}'. */
@RestController
@RequestMapping("/api/unions")
public class UnionController {

	private final Unions unions;

	private final JurisdictionTable jurisdictions;

	private final AccessScopes scopes;

	private final Clock clock;

	public UnionController(Unions unions, JurisdictionTable jurisdictions, AccessScopes scopes, Clock clock) {
		this.unions = unions;
		this.jurisdictions = jurisdictions;
		this.scopes = scopes;
		this.clock = clock;
	}

	/**
	 * A union registration.
	 *
	 * @param unionId caller-chosen id: lower-case letters, digits and hyphens
	 * @param name the union's name
	 * @param type its type
	 * @param sector its sector
	 * @param jurisdictionCode the 6-digit county, district or development zone it belongs
	 * to
	 * @param establishedOn when it was set up
	 */
	public record RegisterUnionRequest(
			@Schema(example = "sjz-chang-an-logistics-02") @NotBlank @Pattern(
					regexp = Ids.UNION_ID_PATTERN) String unionId,
			@Schema(example = "石家庄市长安区快递物流业联合工会") @NotBlank @Size(max = 200) String name,
			@Schema(example = "INDUSTRY") @NotNull UnionType type,
			@Schema(example = "LOGISTICS") @NotNull Sector sector,
			@Schema(example = "130102") @NotBlank @Pattern(regexp = "\\d{6}") String jurisdictionCode,
			@Schema(example = "2026-03-01") @NotNull LocalDate establishedOn) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public ResponseEntity<RegisteredUnion> register(@Valid @RequestBody RegisterUnionRequest request) {
		Ids.requireNotFuture(request.establishedOn(), this.clock, "establishedOn");
		JurisdictionCode code = JurisdictionCode.of(request.jurisdictionCode());
		this.scopes.requireJurisdictionAdmin(code);
		UnionId unionId = this.unions.register(new UnionId(request.unionId()), request.name(), request.type(),
				request.sector(), code, request.establishedOn());
		return ResponseEntity.created(URI.create("/api/unions/" + unionId.value()))
			.body(new RegisteredUnion(unionId.value()));
	}

	/**
	 * A union just registered.
	 *
	 * @param unionId its id
	 */
	public record RegisteredUnion(String unionId) {
	}

	@GetMapping("/{unionId}")
	public UnionView get(@PathVariable String unionId) {
		UnionFacts facts = this.unions.find(unionId)
			.orElseThrow(() -> ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
		this.scopes.requireUnionReadable(facts);
		return UnionView.of(facts, this.jurisdictions);
	}

	/**
	 * A union as the API shows it.
	 *
	 * @param unionId its id
	 * @param name its name
	 * @param type its type
	 * @param sector its sector
	 * @param jurisdictionCode its county-level jurisdiction
	 * @param jurisdictionName that jurisdiction's name
	 * @param cityCode the city above it
	 * @param provinceCode the province above it
	 * @param establishedOn when it was set up
	 * @param dissolvedOn when it was dissolved, if it was
	 */
	public record UnionView(String unionId, String name, UnionType type, Sector sector, String jurisdictionCode,
			String jurisdictionName, String cityCode, String provinceCode, LocalDate establishedOn,
			LocalDate dissolvedOn) {

		static UnionView of(UnionFacts facts, JurisdictionTable table) {
			JurisdictionCode code = facts.placement().jurisdictionCode();
			return new UnionView(facts.placement().unionId().value(), facts.name(), facts.placement().type(),
					facts.placement().sector(), code.value(), table.find(code).map(Jurisdiction::name).orElse(null),
					code.city().value(), code.province().value(), facts.establishedOn(), facts.dissolvedOn());
		}

	}

}
