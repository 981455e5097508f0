package org.unionledger.api.members;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
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
import org.unionledger.api.members.MemberRecords.MemberState;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.security.LedgerUser;
import org.unionledger.api.security.Role;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.identity.PersonalData;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.membership.TerminationReason;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.api.unions.OpenUnions;

/**
 * A union officer's member work: lookup by resident ID or name, a union's member list a
 * page at a time, a member's page, hold, resume, terminate, re-enroll and name
 * correction. Parses, authorises, calls {@link MemberWork} and maps the answer.
 * <p>
 * Scope: a member whose union the caller may not read is unknown to them (404
 * {@code MEMBER_UNKNOWN}, the same answer as for nobody), so nobody learns who is a
 * member elsewhere; a role that may not do the work is refused (403). Names are shown in
 * clear to the officers of the union holding the membership (and system administrators),
 * masked to supervisors and auditors, who read a name in clear through the recorded
 * personal-data route.
 */
@RestController
public class MemberWorkController {

	private final MemberWork work;

	private final Members members;

	private final OpenUnions unions;

	private final AccessScopes scopes;

	public MemberWorkController(MemberWork work, Members members, OpenUnions unions, AccessScopes scopes) {
		this.work = work;
		this.members = members;
		this.unions = unions;
		this.scopes = scopes;
	}

	/**
	 * What to look a member up by: either a resident ID (any spelling: 18 digits,
	 * lower-case x, a 15-digit legacy number), or a name, searched among the current
	 * members of the officer's unions ({@code unionId} narrows it to one of them).
	 *
	 * @param residentId the resident ID
	 * @param name the name
	 * @param unionId for a name: one of the officer's unions
	 */
	public record LookupRequest(@Schema(example = "130102199003071234") @Size(max = 32) String residentId,
			@Schema(example = "张伟") @Size(max = 100) String name,
			@Schema(example = "sjz-chang-an-construction-01") @Size(max = 64) String unionId) {
	}

	/**
	 * Finds members by resident ID (any reader of members, within their scope) or by name
	 * (officers, within their own unions). The term travels in the body, never in a URL
	 * that logs keep.
	 */
	@PostMapping("/api/members/lookup")
	public MemberMatches lookup(@Valid @RequestBody LookupRequest request) {
		this.scopes.requireRole("look members up", Role.OFFICER, Role.SUPERVISOR, Role.AUDITOR, Role.SYSTEM_ADMIN);
		boolean byId = request.residentId() != null && !request.residentId().isBlank();
		boolean byName = request.name() != null && !request.name().isBlank();
		if (byId == byName) {
			throw ApiException.of(Rule.LOOKUP_TERM_REQUIRED, byId ? "name" : "residentId",
					"give either a resident ID or a name");
		}
		if (byId) {
			MemberId memberId = this.work.memberIdOf(request.residentId());
			MemberState member = this.members.require(memberId.value(), this.scopes::canReadMembersOf);
			return new MemberMatches(1, List.of(card(member)));
		}
		this.scopes.requireRole("look members up by name", Role.OFFICER, Role.SYSTEM_ADMIN);
		List<UnionId> searched = searchedUnions(request.unionId());
		List<MemberCard> found = this.work.findByName(request.name(), searched).stream().map(this::card).toList();
		if (found.isEmpty()) {
			throw Members.unknown();
		}
		return new MemberMatches(found.size(), found);
	}

	private List<UnionId> searchedUnions(String unionId) {
		LedgerUser user = this.scopes.current();
		if (unionId != null && !unionId.isBlank()) {
			UnionId union = Ids.requireUnion(unionId, "unionId");
			this.scopes.requireUnionActor(union);
			return List.of(union);
		}
		if (user.is(Role.SYSTEM_ADMIN)) {
			throw ApiException.of(Rule.REQUIRED, "unionId", "a system administrator names the union to search");
		}
		return new ArrayList<>(user.scope().unions());
	}

	/** A member's page: who, where, status; the name as the reader may see it. */
	@GetMapping("/api/members/{memberId}")
	public MemberCard member(@PathVariable String memberId) {
		return card(readable(memberId));
	}

	/**
	 * A union's current members a page at a time, newest status first.
	 * @param status only active or only held members
	 * @param since only members whose status dates from this day on
	 * @param page from 0
	 * @param size 1 to 100, 20 unless given
	 */
	@GetMapping("/api/unions/{unionId}/member-list")
	public MemberList memberList(@PathVariable String unionId, @RequestParam(required = false) MembershipStatus status,
			@RequestParam(required = false) LocalDate since, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		UnionFacts union = Ids.union(unionId)
			.flatMap(this.unions::find)
			.orElseThrow(() -> ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
		if (!this.scopes.canReadMembersOf(union)) {
			throw ApiException.of(Rule.OUT_OF_SCOPE, null, "this union's members lie outside your scope");
		}
		if (status == MembershipStatus.TERMINATED) {
			throw ApiException.of(Rule.INVALID_VALUE, "status", "a member list holds active and held members");
		}
		MemberWork.ListPage found = this.work.list(union.placement().unionId(), status, since, page, size);
		boolean clear = showsNames(union.placement().unionId());
		Map<MemberId, PersonalData> data = this.work
			.personalData(found.entries().stream().map((e) -> e.memberId()).toList());
		List<MemberList.Row> rows = found.entries().stream().map((e) -> {
			PersonalData person = data.get(e.memberId());
			return new MemberList.Row(e.memberId().value(), e.status(), e.since(),
					(person != null) ? person.residentId().masked() : ERASED,
					(person != null) ? shown(person.name(), clear) : ERASED);
		}).toList();
		return new MemberList(unionId, union.name(), found.total(), page, size, rows);
	}

	/**
	 * A hold (保留会籍).
	 *
	 * @param effectiveDate from when
	 * @param reason why, e.g. retired or unemployed
	 * @param confirmBackdating {@code true} to go ahead when the date lies in a
	 * statistical year whose report is signed (the refusal lists the reports it flags)
	 */
	public record HoldRequest(@Schema(example = "2026-03-01") @NotNull LocalDate effectiveDate,
			@Schema(example = "退休") @NotBlank @Size(max = 500) String reason,
			@Schema(description = "true to go ahead when the date lies in a statistical year whose report is signed",
					example = "false") Boolean confirmBackdating) {
	}

	@PostMapping("/api/members/{memberId}/hold")
	public MembershipChange hold(@PathVariable String memberId, @Valid @RequestBody HoldRequest request) {
		MemberState member = actable(memberId);
		this.work.hold(member, request.effectiveDate(), request.reason(),
				Boolean.TRUE.equals(request.confirmBackdating()));
		return change(member, MembershipStatus.ON_HOLD, member.unionId(), request.effectiveDate());
	}

	/**
	 * A resumption (恢复会籍).
	 *
	 * @param effectiveDate from when
	 * @param confirmBackdating {@code true} to go ahead when the date lies in a
	 * statistical year whose report is signed (the refusal lists the reports it flags)
	 */
	public record ResumeRequest(@Schema(example = "2026-03-01") @NotNull LocalDate effectiveDate,
			@Schema(description = "true to go ahead when the date lies in a statistical year whose report is signed",
					example = "false") Boolean confirmBackdating) {
	}

	@PostMapping("/api/members/{memberId}/resumption")
	public MembershipChange resume(@PathVariable String memberId, @Valid @RequestBody ResumeRequest request) {
		MemberState member = actable(memberId);
		this.work.resume(member, request.effectiveDate(), Boolean.TRUE.equals(request.confirmBackdating()));
		return change(member, MembershipStatus.ACTIVE, member.unionId(), request.effectiveDate());
	}

	/**
	 * A termination (退会, 除名 ...).
	 *
	 * @param effectiveDate from when
	 * @param reason why
	 * @param confirmBackdating {@code true} to go ahead when the date lies in a
	 * statistical year whose report is signed (the refusal lists the reports it flags)
	 */
	public record TerminationRequest(@Schema(example = "2026-03-01") @NotNull LocalDate effectiveDate,
			@Schema(example = "VOLUNTARY_WITHDRAWAL") @NotNull TerminationReason reason,
			@Schema(description = "true to go ahead when the date lies in a statistical year whose report is signed",
					example = "false") Boolean confirmBackdating) {
	}

	@PostMapping("/api/members/{memberId}/termination")
	public MembershipChange terminate(@PathVariable String memberId, @Valid @RequestBody TerminationRequest request) {
		MemberState member = actable(memberId);
		this.work.terminate(member, request.effectiveDate(), request.reason(),
				Boolean.TRUE.equals(request.confirmBackdating()));
		return change(member, MembershipStatus.TERMINATED, member.unionId(), request.effectiveDate());
	}

	/**
	 * A re-enrollment of an ended membership with the person's recorded name and ID.
	 *
	 * @param unionId the union enrolling them, one of the officer's
	 * @param effectiveDate the day
	 * @param channel how
	 * @param confirmBackdating {@code true} to go ahead when the date lies in a
	 * statistical year whose report is signed (the refusal lists the reports it flags)
	 */
	public record ReEnrollmentRequest(
			@Schema(example = "sjz-chang-an-construction-01") @NotBlank @Size(max = 64) String unionId,
			@Schema(example = "2026-03-01") @NotNull LocalDate effectiveDate,
			@Schema(example = "ON_SITE") @NotNull EnrollmentChannel channel,
			@Schema(description = "true to go ahead when the date lies in a statistical year whose report is signed",
					example = "false") Boolean confirmBackdating) {
	}

	@PostMapping("/api/members/{memberId}/re-enrollment")
	public MembershipChange reEnroll(@PathVariable String memberId, @Valid @RequestBody ReEnrollmentRequest request) {
		MemberState member = actable(memberId);
		this.scopes.requireUnionActor(Ids.requireUnion(request.unionId(), "unionId"));
		UnionId union = this.work.reEnroll(member, request.unionId(), request.effectiveDate(), request.channel(),
				Boolean.TRUE.equals(request.confirmBackdating()));
		return change(member, MembershipStatus.ACTIVE, union, request.effectiveDate());
	}

	/**
	 * A name correction.
	 *
	 * @param name the name as on the ID card
	 * @param reason why the recorded one was wrong
	 */
	public record NameCorrectionRequest(@Schema(example = "章伟") @NotBlank @Size(max = 100) String name,
			@Schema(example = "入会时录入错误") @NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * Corrects a misspelt name (recorded with who, when and why); the old name stays only
	 * in the old events, readable only through the recorded personal-data route.
	 */
	@PostMapping("/api/members/{memberId}/name-correction")
	public MemberCard correctName(@PathVariable String memberId, @Valid @RequestBody NameCorrectionRequest request) {
		MemberState member = actable(memberId);
		this.work.correctName(member, request.name(), request.reason());
		return card(member);
	}

	private static final String ERASED = "[erased]";

	/** Readable to the caller, or unknown (404). */
	private MemberState readable(String memberId) {
		return this.members.require(memberId, this.scopes::canReadMembersOf);
	}

	/**
	 * A member the caller may act on: unknown (404) unless readable, refused (403) unless
	 * the caller acts for the union holding the membership.
	 */
	private MemberState actable(String memberId) {
		MemberState member = readable(memberId);
		this.scopes.requireUnionActor(member.unionId());
		return member;
	}

	private boolean showsNames(UnionId union) {
		return this.scopes.canActFor(union);
	}

	private static String shown(String name, boolean clear) {
		return clear ? name : MemberRecords.maskName(name);
	}

	private MemberCard card(MemberState member) {
		MemberState now = this.members.require(member.memberId().value());
		boolean clear = showsNames(now.unionId());
		String unionName = this.unions.find(now.unionId()).map(UnionFacts::name).orElse(now.unionId().value());
		PersonalData person = this.work.personalData(now.memberId()).orElse(null);
		return new MemberCard(now.memberId().value(), now.unionId().value(), unionName, now.status(),
				(person != null) ? person.residentId().masked() : ERASED,
				(person != null) ? shown(person.name(), clear) : ERASED, person != null && !clear,
				(now.servingUnionId() != null) ? now.servingUnionId().value() : null,
				(now.leftForLedger() != null) ? now.leftForLedger().value() : null);
	}

	private static MembershipChange change(MemberState member, MembershipStatus status, UnionId union,
			LocalDate effectiveDate) {
		return new MembershipChange(member.memberId().value(), union.value(), status, effectiveDate);
	}

}
