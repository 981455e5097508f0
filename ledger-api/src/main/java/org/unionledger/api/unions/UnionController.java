package org.unionledger.api.unions;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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

/**
 * Registering, reading, renaming, moving and dissolving grassroots unions; the use cases
 * are {@link Unions}'. The admins of the union's county and the levels above (and system
 * admins) register, rename and dissolve; a move needs an admin of both counties.
 */
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
		UnionFacts facts = known(unionId);
		this.scopes.requireUnionReadable(facts);
		return UnionView.of(facts, this.jurisdictions);
	}

	/**
	 * A union's new name.
	 *
	 * @param name the new name
	 * @param effectiveDate the day it takes effect: not in the future, not before the
	 * union's last change
	 * @param reason why (optional), e.g. the enterprise's new registered name
	 */
	public record RenameUnionRequest(@Schema(example = "石家庄市长安区快递物流业工会联合会") @NotBlank @Size(max = 200) String name,
			@Schema(example = "2026-11-02") @NotNull LocalDate effectiveDate,
			@Schema(example = "更名为工会联合会") @Size(max = 500) String reason) {
	}

	@PostMapping("/{unionId}/name")
	public UnionView rename(@PathVariable String unionId, @Valid @RequestBody RenameUnionRequest request) {
		UnionFacts facts = administered(unionId);
		Ids.requireNotFuture(request.effectiveDate(), this.clock, "effectiveDate");
		this.unions.rename(facts, request.name(), request.effectiveDate(), request.reason());
		return UnionView.of(known(unionId), this.jurisdictions);
	}

	/**
	 * A union's dissolution (撤销).
	 *
	 * @param effectiveDate the day from which the union is closed: not in the future, not
	 * before its last change; the union has no members on that day or since
	 * @param reason why (optional)
	 */
	public record DissolveUnionRequest(@Schema(example = "2026-11-30") @NotNull LocalDate effectiveDate,
			@Schema(example = "项目竣工，工会撤销") @Size(max = 500) String reason) {
	}

	@PostMapping("/{unionId}/dissolution")
	public UnionView dissolve(@PathVariable String unionId, @Valid @RequestBody DissolveUnionRequest request) {
		UnionFacts facts = administered(unionId);
		Ids.requireNotFuture(request.effectiveDate(), this.clock, "effectiveDate");
		this.unions.dissolve(facts, request.effectiveDate(), request.reason());
		return UnionView.of(known(unionId), this.jurisdictions);
	}

	/**
	 * A union's move to another county-level jurisdiction (变更所属行政区划), as when the
	 * division table's new version replaces its county's code.
	 *
	 * @param jurisdictionCode the 6-digit county, district or development zone it moves
	 * to
	 * @param effectiveDate the first day it stands there: after today (figures already
	 * counted for past days stay where they were counted)
	 * @param reason why (optional)
	 */
	public record MoveUnionRequest(
			@Schema(example = "130104") @NotBlank @Pattern(regexp = "\\d{6}") String jurisdictionCode,
			@Schema(example = "2027-01-01") @NotNull LocalDate effectiveDate,
			@Schema(example = "行政区划调整") @Size(max = 500) String reason) {
	}

	/**
	 * Moves the union: the admins of both its county and the one it moves to (or of a
	 * level above both) may.
	 */
	@PostMapping("/{unionId}/jurisdiction")
	public UnionView move(@PathVariable String unionId, @Valid @RequestBody MoveUnionRequest request) {
		UnionFacts facts = administered(unionId);
		JurisdictionCode code = JurisdictionCode.of(request.jurisdictionCode());
		this.scopes.requireJurisdictionAdmin(code);
		this.unions.move(facts, code, request.effectiveDate(), request.reason());
		return UnionView.of(known(unionId), this.jurisdictions);
	}

	private UnionFacts known(String unionId) {
		return this.unions.find(unionId)
			.orElseThrow(() -> ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
	}

	/** The union, if the caller administers its county: 404 before 403, as reads do. */
	private UnionFacts administered(String unionId) {
		UnionFacts facts = known(unionId);
		this.scopes.requireUnionReadable(facts);
		this.scopes.requireJurisdictionAdmin(facts.placement().jurisdictionCode());
		return facts;
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
	 * @param cityName that city's name
	 * @param provinceCode the province above it
	 * @param provinceName that province's name
	 * @param establishedOn when it was set up
	 * @param dissolvedOn when it was dissolved, if it was
	 * @param names every name it has had with the day each took effect, oldest first (the
	 * last is {@code name})
	 * @param moves every move to another jurisdiction, oldest first; the jurisdiction
	 * above is where the last one puts it, which may take effect only after today
	 */
	public record UnionView(String unionId, String name, UnionType type, Sector sector, String jurisdictionCode,
			String jurisdictionName, String cityCode, String cityName, String provinceCode, String provinceName,
			LocalDate establishedOn, LocalDate dissolvedOn, List<NameView> names, List<MoveView> moves) {

		static UnionView of(UnionFacts facts, JurisdictionTable table) {
			JurisdictionCode code = facts.placement().jurisdictionCode();
			return new UnionView(facts.placement().unionId().value(), facts.name(), facts.placement().type(),
					facts.placement().sector(), code.value(), name(table, code), code.city().value(),
					name(table, code.city()), code.province().value(), name(table, code.province()),
					facts.establishedOn(), facts.dissolvedOn(),
					facts.names().stream().map((name) -> new NameView(name.name(), name.from())).toList(),
					facts.moves()
						.stream()
						.map((move) -> new MoveView(move.effectiveDate(), move.from().value(), name(table, move.from()),
								move.to().value(), name(table, move.to())))
						.toList());
		}

		private static String name(JurisdictionTable table, JurisdictionCode code) {
			return table.find(code).map(Jurisdiction::name).orElse(null);
		}

	}

	/**
	 * A name a union had.
	 *
	 * @param name the name
	 * @param from the day it took effect
	 */
	public record NameView(String name, LocalDate from) {
	}

	/**
	 * A union's move to another jurisdiction.
	 *
	 * @param effectiveDate the first day it stood (or stands) under the new one
	 * @param fromJurisdictionCode the county-level jurisdiction it left
	 * @param fromJurisdictionName that jurisdiction's name (also when a newer division
	 * table withdrew its code)
	 * @param toJurisdictionCode the one it moved to
	 * @param toJurisdictionName that one's name
	 */
	public record MoveView(LocalDate effectiveDate, String fromJurisdictionCode, String fromJurisdictionName,
			String toJurisdictionCode, String toJurisdictionName) {
	}

}
