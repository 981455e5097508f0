package org.unionledger.api.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.Role;
import org.unionledger.api.security.Scope;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.support.Ids;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.supervision.Finding;
import org.unionledger.projections.supervision.FindingKind;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.supervision.FindingDecision;
import org.unionledger.common.Rule;

/**
 * Findings of the double-count hunt for supervisors. A finding is shown whole to readers
 * of its union; another union it names (where the member is held, where they left, where
 * a credential was meant to go) is shown only if the reader's scope covers it too, and
 * otherwise as {@value #OUTSIDE} with the city it lies in ({@code …Jurisdiction}), the
 * level transfer flows already show. The use cases are {@link Findings}'.
 */
@RestController
public class SupervisionController {

	/** What a reader sees instead of a union outside their scope. */
	static final String OUTSIDE = "[outside your jurisdiction]";

	private final Findings findings;

	private final JurisdictionTable jurisdictions;

	private final AccessScopes access;

	private final UnionDirectory unions;

	public SupervisionController(Findings findings, JurisdictionTable jurisdictions, AccessScopes access,
			UnionDirectory unions) {
		this.findings = findings;
		this.jurisdictions = jurisdictions;
		this.access = access;
		this.unions = unions;
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
		return masked(this.findings.decide(finding, request.decision(), request.reason()));
	}

	/**
	 * A correction of a confirmed double count.
	 *
	 * @param reason why the enrollment was in truth a transfer in, or why the person
	 * counts in the other ledger and not here
	 */
	public record CorrectionRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	/**
	 * Corrects a confirmed finding with a compensating event: for a person counted in
	 * another ledger too, the membership here ends today as a duplicate record; for any
	 * other finding the member's first enrollment counts as a transfer in from its
	 * effective date on. History is not edited.
	 */
	@PostMapping("/api/supervision/findings/{findingId}/correction")
	public Correction correct(@PathVariable String findingId, @Valid @RequestBody CorrectionRequest request) {
		Finding finding = supervised(findingId);
		String correction = this.findings.correct(finding, request.reason());
		return new Correction(finding.id(), finding.memberId(), correction);
	}

	/**
	 * A finding a supervisor of its jurisdiction (or a system administrator) may decide.
	 */
	private Finding supervised(String findingId) {
		this.access.requireRole("decide findings", Role.SUPERVISOR, Role.SYSTEM_ADMIN);
		Finding finding = this.findings.find(findingId)
			.orElseThrow(() -> ApiException.of(Rule.FINDING_UNKNOWN, "findingId", "no finding with this id"));
		this.access.requireReadable(JurisdictionCode.of(finding.jurisdictionCode()));
		return finding;
	}

	/**
	 * A page of the findings for a jurisdiction subtree or a union in a statistical year,
	 * with the names of the unions, jurisdictions and members (masked) it names.
	 * @param jurisdiction a 2-, 4- or 6-digit code (or use {@code unionId})
	 * @param unionId a union instead of a jurisdiction
	 * @param year the statistical year (default: the current one)
	 * @param kind only findings of this kind
	 * @param status only findings in this status ({@code CONFIRMED}: confirmed and not
	 * corrected)
	 * @param page the page, from 0
	 * @param size findings per page, 1 to 500
	 */
	@GetMapping("/api/supervision/findings")
	public FindingList findings(@RequestParam(required = false) String jurisdiction,
			@RequestParam(required = false) String unionId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) FindingKind kind, @RequestParam(required = false) FindingStatus status,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Findings.DEFAULT_PAGE_SIZE) int size) {
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
		int statisticalYear = this.findings.year(year);
		Findings.FindingPage found = this.findings.page(scope, statisticalYear, kind, status, page, size);
		List<Finding> shown = found.findings().stream().map(this::masked).toList();
		Map<String, String> unionNames = new TreeMap<>();
		Map<String, String> jurisdictionNames = new TreeMap<>();
		for (Finding finding : shown) {
			nameUnion(finding.unionId(), unionNames);
			nameJurisdiction(finding.jurisdictionCode(), jurisdictionNames);
			for (String key : Finding.OTHER_UNIONS) {
				if (finding.detail().get(key) instanceof String other && !OUTSIDE.equals(other)) {
					nameUnion(other, unionNames);
				}
				if (finding.detail().get(key.replaceFirst("Id$", "") + "Jurisdiction") instanceof String city) {
					nameJurisdiction(city, jurisdictionNames);
				}
			}
		}
		return new FindingList(scope, statisticalYear, found.count(), page, size, found.byStatus(), shown, unionNames,
				jurisdictionNames, this.findings.memberNames(shown));
	}

	private void nameUnion(String unionId, Map<String, String> names) {
		if (unionId != null && !names.containsKey(unionId)) {
			Ids.union(unionId).flatMap(this.unions::find).ifPresent((u) -> names.put(unionId, u.name()));
		}
	}

	private void nameJurisdiction(String code, Map<String, String> names) {
		if (code != null && !names.containsKey(code) && code.matches("\\d{2}|\\d{4}|\\d{6}")) {
			this.jurisdictions.find(JurisdictionCode.of(code)).ifPresent((j) -> names.put(code, j.name()));
		}
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
