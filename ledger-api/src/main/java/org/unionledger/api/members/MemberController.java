package org.unionledger.api.members;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.members.MemberRecords.MemberState;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.Role;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.support.Ids;
import org.unionledger.identity.PersonalData;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionId;
import org.unionledger.common.Rule;

/**
 * Enrolling members, issuing their transfer credentials, serving assignments, erasure,
 * reading their history and personal data. Parses, authorises, calls {@link Enrollments},
 * {@link Transfers} or {@link Members}, and maps the answer.
 */
@RestController
@RequestMapping("/api/members")
public class MemberController {

	private final Enrollments enrollments;

	private final Transfers transfers;

	private final Members members;

	private final AccessScopes scopes;

	public MemberController(Enrollments enrollments, Transfers transfers, Members members, AccessScopes scopes) {
		this.enrollments = enrollments;
		this.transfers = transfers;
		this.members = members;
		this.scopes = scopes;
	}

	/**
	 * An enrollment.
	 *
	 * @param residentId 18-digit resident ID (or a 15-digit legacy number)
	 * @param name the person's name as on the ID card
	 * @param unionId the grassroots union enrolling them
	 * @param effectiveDate the day they joined
	 * @param channel on site, online or by import
	 * @param confirmBackdating {@code true} to go ahead when the date lies in a
	 * statistical year whose report is signed (it flags the reports the refusal listed)
	 */
	public record EnrollRequest(@Schema(example = "139901199003071239") @NotBlank @Size(max = 32) String residentId,
			@Schema(example = "张伟") @NotBlank @Size(max = 100) String name,
			@Schema(example = "sjz-chang-an-construction-01") @NotBlank @Size(max = 64) String unionId,
			@Schema(example = "2026-03-01") @NotNull LocalDate effectiveDate,
			@Schema(example = "ON_SITE") @NotNull EnrollmentChannel channel, Boolean confirmBackdating) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public ResponseEntity<NewMember> enroll(@Valid @RequestBody EnrollRequest request) {
		this.scopes.requireUnionActor(Ids.requireUnion(request.unionId(), "unionId"));
		MemberId memberId = this.enrollments.enroll(request.residentId(), request.name(), request.unionId(),
				request.effectiveDate(), request.channel(), Boolean.TRUE.equals(request.confirmBackdating()));
		return ResponseEntity.created(URI.create("/api/members/" + memberId.value()))
			.body(new NewMember(memberId.value()));
	}

	/**
	 * A request for a transfer credential.
	 *
	 * @param issuedOn the issue date
	 * @param toUnionId the intended receiving union, optional
	 */
	public record CredentialRequest(@Schema(example = "2026-03-01") @NotNull LocalDate issuedOn,
			@Schema(example = "bd-jing-xiu-construction-01") @Size(max = 64) String toUnionId) {
	}

	@PostMapping("/{memberId}/transfer-credentials")
	@ResponseStatus(HttpStatus.CREATED)
	public TransferCredential issueCredential(@PathVariable String memberId,
			@Valid @RequestBody CredentialRequest request) {
		// Only an officer of the union holding the membership issues its credential; to
		// anyone else the member does not exist.
		this.scopes.requireSomeUnionActor();
		MemberState member = this.members.require(memberId);
		if (!this.scopes.canActFor(member.unionId())) {
			throw Members.unknown();
		}
		return TransferCredential.of(this.transfers.issue(member, request.issuedOn(), request.toUnionId()));
	}

	/**
	 * A serving assignment: a host employer's union serves a dispatched worker whose
	 * membership its labour-dispatch firm's union keeps holding.
	 *
	 * @param servingUnionId the serving union
	 * @param effectiveDate from when
	 */
	public record ServingRequest(@NotBlank @Size(max = 64) String servingUnionId, @NotNull LocalDate effectiveDate) {
	}

	@PostMapping("/{memberId}/serving-assignments")
	@ResponseStatus(HttpStatus.CREATED)
	public ServingAssignment assignServingUnion(@PathVariable String memberId,
			@Valid @RequestBody ServingRequest request) {
		MemberState member = requireReadableMember(memberId);
		this.scopes.requireUnionActor(member.unionId());
		UnionId serving = this.members.assignServingUnion(member, request.servingUnionId(), request.effectiveDate());
		return new ServingAssignment(member.memberId().value(), member.unionId().value(), serving.value(),
				request.effectiveDate());
	}

	/**
	 * The end of the current serving assignment.
	 *
	 * @param effectiveDate from when the member is no longer served there
	 */
	public record EndServingRequest(@NotNull LocalDate effectiveDate) {
	}

	@PostMapping("/{memberId}/serving-assignments/end")
	public EndedServingAssignment endServingAssignment(@PathVariable String memberId,
			@Valid @RequestBody EndServingRequest request) {
		MemberState member = requireReadableMember(memberId);
		this.scopes.requireUnionActor(member.unionId());
		this.members.endServingAssignment(member, request.effectiveDate());
		return new EndedServingAssignment(member.memberId().value(), member.unionId().value(), request.effectiveDate());
	}

	@GetMapping("/{memberId}/history")
	public MemberHistory history(@PathVariable String memberId) {
		MemberState member = requireReadableMember(memberId);
		List<MemberHistory.Entry> events = this.members.history(member,
				new CredentialCodeVisibility(this.scopes::canActFor));
		return new MemberHistory(member.memberId().value(), member.unionId().value(), member.status(),
				(member.servingUnionId() != null) ? member.servingUnionId().value() : null, events);
	}

	/**
	 * A lawful request to erase a person's personal data.
	 *
	 * @param legalBasis the request it answers (e.g. "PIPL art. 47, request 2026-17")
	 */
	public record ErasureRequest(@NotBlank @Size(max = 500) String legalBasis) {
	}

	/**
	 * Erases the person's name and resident ID everywhere by destroying their data key;
	 * the erasure is recorded and every figure stays as it was.
	 */
	@PostMapping("/{memberId}/erasure")
	public Erasure erase(@PathVariable String memberId, @Valid @RequestBody ErasureRequest request) {
		this.scopes.requireRole("erase personal data", Role.SYSTEM_ADMIN);
		MemberState member = this.members.require(memberId);
		String keyRef = this.members.erase(member, request.legalBasis());
		return new Erasure(member.memberId().value(), keyRef);
	}

	/**
	 * The member's full resident ID and name, for supervisors (in their subtree) and
	 * system administrators only. Each read is recorded first, with the reader and the
	 * stated purpose, in the member's disclosure log; the answer is never cached.
	 */
	@GetMapping("/{memberId}/personal-data")
	public ResponseEntity<DisclosedPersonalData> personalData(@PathVariable String memberId,
			@RequestParam String purpose) {
		this.scopes.requireRole("read unmasked personal data", Role.SUPERVISOR, Role.SYSTEM_ADMIN);
		MemberState member = this.members.require(memberId, this.scopes::canReadPersonalDataOf);
		if (purpose.length() > 1000) {
			throw ApiException.of(Rule.PURPOSE_TOO_LONG, "purpose", "the purpose must not exceed 200 characters");
		}
		PersonalData data = this.members.disclose(member, purpose);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new DisclosedPersonalData(member.memberId().value(), data.residentId().value(), data.name(), true));
	}

	/**
	 * The member if the user may read the union that holds the membership now; otherwise
	 * the member is unknown to them (404).
	 */
	private MemberState requireReadableMember(String memberId) {
		return this.members.require(memberId, this.scopes::canReadMembersOf);
	}

}
