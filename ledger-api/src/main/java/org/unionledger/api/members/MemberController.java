package org.unionledger.api.members;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.config.LedgerProperties;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.MemberRecords.MemberState;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.Role;
import org.unionledger.api.security.Scopes;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Outcome;
import org.unionledger.common.Rule;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonName;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.ResidentId;
import org.unionledger.membership.Commands.AssignServingUnion;
import org.unionledger.membership.Commands.EndServingAssignment;
import org.unionledger.disclosure.Commands.RecordDisclosure;
import org.unionledger.disclosure.DisclosureLogId;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.Commands.ErasePersonalData;
import org.unionledger.membership.Commands.IssueTransferCredential;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionId;

/** Enrolling members, issuing their transfer credentials, reading their history. */
@RestController
@RequestMapping("/api/members")
public class MemberController {

	private final CommandGateway commands;

	private final UnionDirectory unions;

	private final MemberIdentities identities;

	private final PersonalDataVault vault;

	private final SecureRandom random;

	private final MemberRecords records;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Clock clock;

	private final int validityDays;

	private final Scopes scopes;

	public MemberController(CommandGateway commands, UnionDirectory unions, MemberIdentities identities,
			PersonalDataVault vault, SecureRandom random, MemberRecords records, ProjectionFreshness freshness,
			Actors actors, Clock clock, LedgerProperties properties, Scopes scopes) {
		this.scopes = scopes;
		this.commands = commands;
		this.unions = unions;
		this.identities = identities;
		this.vault = vault;
		this.random = random;
		this.records = records;
		this.freshness = freshness;
		this.actors = actors;
		this.clock = clock;
		this.validityDays = properties.credentialValidityDays();
	}

	/**
	 * An enrollment.
	 *
	 * @param residentId 18-digit resident ID (or a 15-digit legacy number)
	 * @param name the person's name as on the ID card
	 * @param unionId the grassroots union enrolling them
	 * @param effectiveDate the day they joined
	 * @param channel on site, online or by import
	 */
	public record EnrollRequest(@Schema(example = "139901199003071239") @NotBlank @Size(max = 32) String residentId,
			@Schema(example = "张伟") @NotBlank @Size(max = 100) String name,
			@Schema(example = "sjz-chang-an-construction-01") @NotBlank @Size(max = 64) String unionId,
			@Schema(example = "2026-03-01") @NotNull LocalDate effectiveDate,
			@Schema(example = "ON_SITE") @NotNull EnrollmentChannel channel) {
	}

	@PostMapping
	public ResponseEntity<Map<String, String>> enroll(@Valid @RequestBody EnrollRequest request) {
		this.scopes.requireUnionActor(Ids.requireUnion(request.unionId(), "unionId"));
		LocalDate today = LocalDate.now(this.clock);
		ResidentId residentId = ResidentId.parse(request.residentId(), today);
		PersonName name = PersonName.of(request.name());
		UnionId unionId = requireOpenUnion(request.unionId(), request.effectiveDate());
		Ids.requireNotFuture(request.effectiveDate(), this.clock, "effectiveDate");
		MemberId memberId = this.identities.memberIdOf(residentId);
		var personalData = this.vault.encrypt(memberId, new PersonalData(residentId, name));
		Outcome outcome = this.commands.sendAndWait(new EnrollMember(memberId, personalData, unionId,
				request.effectiveDate(), request.channel(), this.actors.current()));
		this.freshness.awaitOwnWrites();
		if (!outcome.accepted()) {
			throw ApiException.of(outcome.rule(), "residentId", "this person already has a membership ("
					+ outcome.rejection() + "); the attempt was recorded for supervisors");
		}
		return ResponseEntity.created(URI.create("/api/members/" + memberId.value()))
			.body(Map.of("memberId", memberId.value()));
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
	public ResponseEntity<Map<String, Object>> issueCredential(@PathVariable String memberId,
			@Valid @RequestBody CredentialRequest request) {
		// Only an officer of the union holding the membership issues its credential; to
		// anyone else the member does not exist.
		this.scopes.requireSomeUnionActor();
		MemberState member = requireMember(memberId);
		if (!this.scopes.canActFor(member.unionId())) {
			throw unknownMember();
		}
		Ids.requireNotFuture(request.issuedOn(), this.clock, "issuedOn");
		UnionId toUnion = null;
		if (request.toUnionId() != null) {
			toUnion = Ids.requireUnion(request.toUnionId(), "toUnionId");
			if (this.unions.find(toUnion).isEmpty()) {
				throw ApiException.unknownReference(Rule.UNION_UNKNOWN, "toUnionId", "no union with this id");
			}
		}
		CredentialCode code = CredentialCodes.next(this.random);
		this.commands.sendAndWait(new IssueTransferCredential(member.memberId(), code, member.unionId(), toUnion,
				request.issuedOn(), this.validityDays, this.actors.current()));
		this.freshness.awaitOwnWrites();
		TransferCredentialIssued issued = this.records.credential(member.memberId(), code.value())
			.orElseThrow(() -> new IllegalStateException("issued credential not found in the member's stream"));
		return ResponseEntity.status(201)
			.body(Map.of("code", code.value(), "expiresOn", issued.expiresOn(), "memberId", member.memberId().value(),
					"issuingUnionId", member.unionId().value()));
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
	public ResponseEntity<Map<String, Object>> assignServingUnion(@PathVariable String memberId,
			@Valid @RequestBody ServingRequest request) {
		MemberState member = requireReadableMember(memberId);
		this.scopes.requireUnionActor(member.unionId());
		Ids.requireNotFuture(request.effectiveDate(), this.clock, "effectiveDate");
		UnionId serving = requireOpenUnion(request.servingUnionId(), request.effectiveDate(), "servingUnionId");
		this.commands.sendAndWait(
				new AssignServingUnion(member.memberId(), serving, request.effectiveDate(), this.actors.current()));
		this.freshness.awaitOwnWrites();
		return ResponseEntity.status(201)
			.body(Map.of("memberId", member.memberId().value(), "holdingUnionId", member.unionId().value(),
					"servingUnionId", serving.value(), "effectiveDate", request.effectiveDate()));
	}

	/**
	 * The end of the current serving assignment.
	 *
	 * @param effectiveDate from when the member is no longer served there
	 */
	public record EndServingRequest(@NotNull LocalDate effectiveDate) {
	}

	@PostMapping("/{memberId}/serving-assignments/end")
	public Map<String, Object> endServingAssignment(@PathVariable String memberId,
			@Valid @RequestBody EndServingRequest request) {
		MemberState member = requireReadableMember(memberId);
		this.scopes.requireUnionActor(member.unionId());
		Ids.requireNotFuture(request.effectiveDate(), this.clock, "effectiveDate");
		this.commands
			.sendAndWait(new EndServingAssignment(member.memberId(), request.effectiveDate(), this.actors.current()));
		this.freshness.awaitOwnWrites();
		return Map.of("memberId", member.memberId().value(), "holdingUnionId", member.unionId().value(),
				"effectiveDate", request.effectiveDate());
	}

	@GetMapping("/{memberId}/history")
	public Map<String, Object> history(@PathVariable String memberId) {
		MemberState member = requireReadableMember(memberId);
		List<Map<String, Object>> events = this.records.history(member.memberId(),
				new CredentialCodeVisibility(this.scopes::canActFor));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("memberId", member.memberId().value());
		body.put("unionId", member.unionId().value());
		body.put("status", member.status());
		if (member.servingUnionId() != null) {
			body.put("servingUnionId", member.servingUnionId().value());
		}
		body.put("events", events);
		return body;
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
	public Map<String, Object> erase(@PathVariable String memberId, @Valid @RequestBody ErasureRequest request) {
		this.scopes.requireRole("erase personal data", Role.SYSTEM_ADMIN);
		MemberState member = requireMember(memberId);
		String keyRef = this.vault.currentKeyRef(member.memberId())
			.orElseThrow(() -> ApiException.of(Rule.PERSONAL_DATA_ALREADY_ERASED, "memberId",
					"the person's personal data is already erased"));
		this.commands
			.sendAndWait(new ErasePersonalData(member.memberId(), request.legalBasis(), this.actors.current()));
		this.vault.destroyKey(member.memberId());
		this.freshness.awaitOwnWrites();
		return Map.of("memberId", member.memberId().value(), "erasedKeyRef", keyRef);
	}

	/**
	 * The member's full resident ID and name, for supervisors (in their subtree) and
	 * system administrators only. Each read is recorded first, with the reader and the
	 * stated purpose, in the member's disclosure log; the answer is never cached.
	 */
	@GetMapping("/{memberId}/personal-data")
	public ResponseEntity<Map<String, Object>> personalData(@PathVariable String memberId,
			@RequestParam String purpose) {
		this.scopes.requireRole("read unmasked personal data", Role.SUPERVISOR, Role.SYSTEM_ADMIN);
		MemberState member = requireMember(memberId);
		var union = this.unions.find(member.unionId()).orElseThrow(MemberController::unknownMember);
		if (!this.scopes.canReadPersonalDataOf(union)) {
			throw unknownMember();
		}
		if (purpose.codePointCount(0, purpose.length()) > RecordDisclosure.MAX_PURPOSE_LENGTH) {
			throw ApiException.of(Rule.PURPOSE_TOO_LONG, "purpose",
					"the purpose must not exceed " + RecordDisclosure.MAX_PURPOSE_LENGTH + " characters");
		}
		PersonalData data = this.vault.decrypt(this.records.personalData(member.memberId())
			.orElseThrow(() -> new IllegalStateException("a member's stream starts with an enrollment")));
		this.commands.sendAndWait(new RecordDisclosure(DisclosureLogId.of(member.memberId()), member.memberId(),
				purpose, this.actors.current()));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("memberId", member.memberId().value(), "residentId", data.residentId().value(), "name",
					data.name(), "disclosureRecorded", true));
	}

	private MemberState requireMember(String memberId) {
		return Ids.member(memberId).flatMap(this.records::current).orElseThrow(MemberController::unknownMember);
	}

	/**
	 * The member if the user may read the union that holds the membership now; otherwise
	 * the member is unknown to them (404), so that no one learns who is a member
	 * elsewhere.
	 */
	private MemberState requireReadableMember(String memberId) {
		MemberState member = requireMember(memberId);
		var union = this.unions.find(member.unionId()).orElseThrow(MemberController::unknownMember);
		if (!this.scopes.canReadMembersOf(union)) {
			throw unknownMember();
		}
		return member;
	}

	static ApiException unknownMember() {
		return ApiException.of(Rule.MEMBER_UNKNOWN, "memberId", "no member with this id");
	}

	private UnionId requireOpenUnion(String value, LocalDate on) {
		return requireOpenUnion(value, on, "unionId");
	}

	private UnionId requireOpenUnion(String value, LocalDate on, String field) {
		UnionId unionId = Ids.requireUnion(value, field);
		var facts = this.unions.find(unionId)
			.orElseThrow(() -> ApiException.unknownReference(Rule.UNION_UNKNOWN, field, "no union with this id"));
		if (on != null && !facts.isOpenOn(on)) {
			throw ApiException.of(Rule.UNION_NOT_OPEN, field,
					"the union was not established yet or already dissolved on that date");
		}
		return unionId;
	}

}
