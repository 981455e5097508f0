package org.unionledger.api.applications;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.applications.Applications.Application;
import org.unionledger.api.applications.Applications.Approval;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.security.LedgerUser;
import org.unionledger.api.security.Role;
import org.unionledger.applications.ApplicationId;
import org.unionledger.applications.ApplicationStatus;
import org.unionledger.projections.applications.PendingApplications;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.common.Rule;

/**
 * Online enrollment. {@code POST /api/applications} is public (no sign-in, rate-limited
 * per address) and answers only with the application's id: it never tells whether the
 * person is a member somewhere. The chosen union's officers read, approve (the person is
 * then enrolled with channel ONLINE, recorded as the approving officer) or decline it.
 * The use cases are {@link Applications}'.
 */
@RestController
public class ApplicationController {

	private final Applications applications;

	private final AccessScopes scopes;

	public ApplicationController(Applications applications, AccessScopes scopes) {
		this.applications = applications;
		this.scopes = scopes;
	}

	/**
	 * An application to join a union.
	 *
	 * @param residentId 18-digit resident ID (or a 15-digit legacy number)
	 * @param name the name as on the ID card
	 * @param unionId the union to join
	 */
	public record ApplicationRequest(
			@Schema(example = "139901199003071239") @NotBlank @Size(max = 32) String residentId,
			@Schema(example = "张伟") @NotBlank @Size(max = 100) String name,
			@Schema(example = "sjz-chang-an-construction-01") @NotBlank @Size(max = 64) String unionId) {
	}

	@PostMapping("/api/applications")
	@ResponseStatus(HttpStatus.ACCEPTED)
	public ResponseEntity<ApplicationState> apply(@Valid @RequestBody ApplicationRequest request) {
		ApplicationId id = this.applications.submit(request.residentId(), request.name(), request.unionId());
		return ResponseEntity.accepted()
			.location(URI.create("/api/applications/" + id.value()))
			.body(new ApplicationState(id.value(), ApplicationStatus.PENDING));
	}

	/**
	 * The inbox of the signed-in officer: pending applications to the unions they act
	 * for, or to one of them; a system administrator names the union.
	 * @param unionId only this union's (required for a system administrator)
	 * @param page the page, from 0
	 * @param size applications per page, 1 to 100
	 */
	@GetMapping("/api/applications")
	public ApplicationInbox inbox(@RequestParam(required = false) String unionId,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Applications.DEFAULT_PAGE_SIZE) int size) {
		this.scopes.requireSomeUnionActor();
		List<UnionFacts> unions = new ArrayList<>();
		if (unionId != null) {
			UnionFacts union = this.applications.union(unionId)
				.orElseThrow(() -> ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
			if (!this.scopes.canActFor(union.placement().unionId())) {
				throw ApiException.of(Rule.OUT_OF_SCOPE, "unionId", "this union's applications lie outside your scope");
			}
			unions.add(union);
		}
		else {
			LedgerUser user = this.scopes.current();
			if (!user.is(Role.OFFICER)) {
				throw ApiException.of(Rule.REQUIRED, "unionId", "name the union whose applications to list");
			}
			user.scope()
				.unions()
				.stream()
				.sorted(Comparator.comparing(UnionId::value))
				.forEach((id) -> this.applications.union(id.value()).ifPresent(unions::add));
		}
		return this.applications.inbox(unions, page, size);
	}

	@GetMapping("/api/applications/{applicationId}")
	public ApplicationView get(@PathVariable String applicationId) {
		Application application = requireReadable(applicationId);
		return this.applications.view(application);
	}

	@GetMapping("/api/unions/{unionId}/applications")
	public PendingApplicationList pending(@PathVariable String unionId) {
		UnionFacts union = this.applications.union(unionId)
			.orElseThrow(() -> ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
		if (!this.scopes.canReadMembersOf(union)) {
			throw ApiException.of(Rule.OUT_OF_SCOPE, null, "this union's applications lie outside your scope");
		}
		PendingApplications pending = this.applications.pending(union.placement().unionId());
		return new PendingApplicationList(unionId,
				pending.applications()
					.stream()
					.map((e) -> new PendingApplicationList.Pending(e.applicationId().value(), e.submittedOn()))
					.toList());
	}

	/**
	 * An approval.
	 *
	 * @param effectiveDate the day the membership begins; today when absent
	 */
	public record ApprovalRequest(@Schema(example = "2026-11-20") LocalDate effectiveDate) {
	}

	@PostMapping("/api/applications/{applicationId}/approval")
	public ApprovalResult approve(@PathVariable String applicationId,
			@Valid @RequestBody(required = false) ApprovalRequest request) {
		Application application = requireDecidable(applicationId);
		Approval approval = this.applications.approve(application, (request != null) ? request.effectiveDate() : null);
		String id = approval.applicationId().value();
		if (approval.enrollment().accepted()) {
			return new ApprovalResult(id, ApplicationStatus.APPROVED, "ENROLLED", approval.memberId().value());
		}
		// The person is a member elsewhere: the refusal is recorded for supervisors; the
		// other union is not named.
		return new ApprovalResult(id, ApplicationStatus.APPROVED, approval.enrollment().rejection(), null);
	}

	/**
	 * A decline.
	 *
	 * @param reason why, shown to supervisors
	 */
	public record DeclineRequest(@Schema(example = "申请人非本单位职工") @NotBlank @Size(max = 500) String reason) {
	}

	@PostMapping("/api/applications/{applicationId}/decline")
	public ApplicationState decline(@PathVariable String applicationId, @Valid @RequestBody DeclineRequest request) {
		Application application = requireDecidable(applicationId);
		this.applications.decline(application, request.reason());
		return new ApplicationState(application.id().value(), ApplicationStatus.DECLINED);
	}

	/** The application if the user may read its union's members; else it is unknown. */
	private Application requireReadable(String applicationId) {
		Application application = this.applications.find(applicationId);
		UnionFacts union = this.applications.union(application.unionId().value()).orElseThrow(Applications::unknown);
		if (!this.scopes.canReadMembersOf(union)) {
			throw Applications.unknown();
		}
		return application;
	}

	/** The application if the user acts for its union; else it is unknown. */
	private Application requireDecidable(String applicationId) {
		this.scopes.requireSomeUnionActor();
		Application application = this.applications.find(applicationId);
		if (!this.scopes.canActFor(application.unionId())) {
			throw Applications.unknown();
		}
		return application;
	}

}
