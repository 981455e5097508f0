package org.unionledger.api.members;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.annualreports.Backdating;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.MemberRecords.MemberState;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonName;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.ResidentId;
import org.unionledger.identity.UnreadablePersonalDataException;
import org.unionledger.membership.Commands.CorrectMemberName;
import org.unionledger.membership.Commands.PutMembershipOnHold;
import org.unionledger.membership.Commands.ResumeMembership;
import org.unionledger.membership.Commands.TerminateMembership;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.membership.TerminationReason;
import org.unionledger.projections.rosters.FindRoster;
import org.unionledger.projections.rosters.RosterView;
import org.unionledger.union.UnionId;

/**
 * A union officer's everyday work on its members: finding a member by resident ID (any
 * spelling: the ID is normalised and its keyed fingerprint is the member id) or by name
 * (within the officer's unions), a union's member list a page at a time, holding,
 * resuming, terminating and re-enrolling a membership, and correcting a misspelt name.
 * <p>
 * No read model holds a name: a name search decrypts the current names of the unions'
 * current members (their rosters) and compares them with the typed one, normalised as
 * every name entering the ledger is ({@link PersonName}); a list decrypts the names of
 * the page it shows. Who may read a name in clear is the caller's business
 * ({@code MemberWorkController}); here names are only opened.
 */
@Service
public class MemberWork {

	/** Largest page of a member list. */
	public static final int MAX_PAGE_SIZE = 100;

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final MemberRecords records;

	private final OpenUnions unions;

	private final MemberIdentities identities;

	private final PersonalDataVault vault;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Clock clock;

	private final Backdating backdating;

	public MemberWork(CommandGateway commands, QueryGateway queries, MemberRecords records, OpenUnions unions,
			MemberIdentities identities, PersonalDataVault vault, ProjectionFreshness freshness, Actors actors,
			Clock clock, Backdating backdating) {
		this.backdating = backdating;
		this.commands = commands;
		this.queries = queries;
		this.records = records;
		this.unions = unions;
		this.identities = identities;
		this.vault = vault;
		this.freshness = freshness;
		this.actors = actors;
		this.clock = clock;
	}

	/**
	 * The member id of a resident ID in any spelling (18 digits, lower-case x, a 15-digit
	 * legacy number).
	 * @throws org.unionledger.common.DomainRuleViolation on field {@code residentId} for
	 * a malformed ID
	 */
	public MemberId memberIdOf(String residentId) {
		return this.identities.memberIdOf(ResidentId.parse(residentId, LocalDate.now(this.clock)));
	}

	/**
	 * The current members of the unions whose current name is {@code name} (blanks and
	 * case aside): the unions' rosters keep each member's name token
	 * ({@link MemberIdentities#nameToken}), and only the members whose token matches are
	 * opened and checked against their current data; in order of union, then member id.
	 * @throws org.unionledger.common.DomainRuleViolation on field {@code name} for a
	 * malformed name
	 */
	public List<MemberState> findByName(String name, List<UnionId> unionIds) {
		String token = this.identities.nameToken(PersonName.of(name).value());
		List<MemberState> found = new ArrayList<>();
		for (UnionId union : unionIds) {
			for (RosterView.Entry entry : roster(union).members()) {
				if (token.equals(entry.nameToken()) && currentName(entry.memberId()).map(this.identities::nameToken)
					.filter(token::equals)
					.isPresent()) {
					this.records.current(entry.memberId()).ifPresent(found::add);
				}
			}
		}
		return found;
	}

	/**
	 * One page of a union's current members, newest status first.
	 * @param status only this status, or {@code null} for active and held
	 * @param since only members whose status dates from this day or later, or
	 * {@code null}
	 * @param page from 0
	 * @param size 1 to {@value #MAX_PAGE_SIZE}
	 */
	public ListPage list(UnionId union, MembershipStatus status, LocalDate since, int page, int size) {
		if (page < 0) {
			throw ApiException.of(Rule.PAGE_OUT_OF_RANGE, "page", "page is 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ApiException.of(Rule.PAGE_SIZE_OUT_OF_RANGE, "size", "size is 1 to " + MAX_PAGE_SIZE);
		}
		List<RosterView.Entry> matching = roster(union).members()
			.stream()
			.filter((e) -> status == null || e.status() == status)
			.filter((e) -> since == null || !e.since().isBefore(since))
			.sorted(Comparator.comparing(RosterView.Entry::since).reversed().thenComparing((e) -> e.memberId().value()))
			.toList();
		int from = (int) Math.min((long) page * size, matching.size());
		List<RosterView.Entry> shown = matching.subList(from, Math.min(matching.size(), from + size));
		return new ListPage(matching.size(), shown);
	}

	/**
	 * A page of a member list.
	 *
	 * @param total members matching the filters
	 * @param entries the page's members
	 */
	public record ListPage(int total, List<RosterView.Entry> entries) {
	}

	/**
	 * The member's current personal data, opened; empty once erased.
	 */
	public Optional<PersonalData> personalData(MemberId memberId) {
		return this.records.personalData(memberId).flatMap(this::open);
	}

	/** The current personal data of several members, opened (erased ones left out). */
	public Map<MemberId, PersonalData> personalData(List<MemberId> memberIds) {
		Map<MemberId, PersonalData> data = new LinkedHashMap<>();
		memberIds.forEach((id) -> personalData(id).ifPresent((d) -> data.put(id, d)));
		return data;
	}

	/**
	 * A change effective in a year whose report is signed goes ahead only when confirmed
	 * (409 {@code BACKDATED_INTO_SIGNED_YEAR} listing the reports it would flag).
	 */
	private void requireBackdatingConfirmed(UnionId union, LocalDate effectiveDate, boolean confirmed) {
		if (effectiveDate != null) {
			this.unions.find(union)
				.ifPresent(
						(facts) -> this.backdating.requireConfirmed(facts.placementOn(effectiveDate).jurisdictionCode(),
								effectiveDate, confirmed, "effectiveDate"));
		}
	}

	/**
	 * The membership is put on hold (保留会籍) for the reason given; backdated into a signed
	 * year only when confirmed.
	 */
	public void hold(MemberState member, LocalDate effectiveDate, String reason, boolean confirmBackdating) {
		requireReason(reason);
		Ids.requireNotFuture(effectiveDate, this.clock, "effectiveDate");
		requireBackdatingConfirmed(member.unionId(), effectiveDate, confirmBackdating);
		this.commands.sendAndWait(onHold(member.memberId(), effectiveDate, reason, this.actors.current()));
		this.freshness.awaitOwnWrites();
	}

	/** A held membership is active again (恢复会籍); backdated only when confirmed. */
	public void resume(MemberState member, LocalDate effectiveDate, boolean confirmBackdating) {
		Ids.requireNotFuture(effectiveDate, this.clock, "effectiveDate");
		requireBackdatingConfirmed(member.unionId(), effectiveDate, confirmBackdating);
		this.commands.sendAndWait(new ResumeMembership(member.memberId(), effectiveDate, this.actors.current()));
		this.freshness.awaitOwnWrites();
	}

	/** The membership ends (退会, 除名 ...); backdated only when confirmed. */
	public void terminate(MemberState member, LocalDate effectiveDate, TerminationReason reason,
			boolean confirmBackdating) {
		Ids.requireNotFuture(effectiveDate, this.clock, "effectiveDate");
		requireBackdatingConfirmed(member.unionId(), effectiveDate, confirmBackdating);
		this.commands.sendAndWait(termination(member.memberId(), effectiveDate, reason, this.actors.current()));
		this.freshness.awaitOwnWrites();
	}

	/**
	 * An ended membership starts again at a union, with the person's personal data as
	 * last recorded.
	 * @throws ApiException 409 {@code MEMBERSHIP_NOT_ENDED} unless the membership ended
	 * (nothing is recorded, unlike a second enrollment by resident ID); 409
	 * {@code PERSONAL_DATA_ALREADY_ERASED} when no name and ID remain to enroll with; 409
	 * {@code BACKDATED_INTO_SIGNED_YEAR} when unconfirmed into a signed year
	 */
	public UnionId reEnroll(MemberState member, String unionId, LocalDate effectiveDate, EnrollmentChannel channel,
			boolean confirmBackdating) {
		if (member.status() != MembershipStatus.TERMINATED) {
			throw ApiException.of(Rule.MEMBERSHIP_NOT_ENDED, "memberId",
					"the membership is " + member.status() + "; only an ended one can be re-enrolled");
		}
		UnionId union = this.unions.requireOpen(unionId, effectiveDate, "unionId");
		Ids.requireNotFuture(effectiveDate, this.clock, "effectiveDate");
		requireBackdatingConfirmed(union, effectiveDate, confirmBackdating);
		EncryptedPersonalData data = readableData(member.memberId());
		this.commands.sendAndWait(
				Enrollments.enrollment(member.memberId(), data, union, effectiveDate, channel, this.actors.current()));
		this.freshness.awaitOwnWrites();
		return union;
	}

	/**
	 * Corrects the person's name: the same resident ID with the new name, encrypted under
	 * their current key, recorded with who, when and why.
	 * @return the corrected name, normalised
	 * @throws ApiException 400 {@code NAME_UNCHANGED} (field {@code name}) when the name
	 * is the one recorded; 409 {@code PERSONAL_DATA_ALREADY_ERASED} when erased
	 */
	public String correctName(MemberState member, String name, String reason) {
		PersonName corrected = PersonName.of(name);
		requireReason(reason);
		EncryptedPersonalData current = readableData(member.memberId());
		PersonalData before = open(current).orElseThrow(Members::unknown);
		if (before.name().equals(corrected.value())) {
			throw ApiException.of(Rule.NAME_UNCHANGED, "name", "this is the name already recorded");
		}
		EncryptedPersonalData data = this.vault.encrypt(member.memberId(),
				new PersonalData(before.residentId(), corrected));
		this.commands.sendAndWait(new CorrectMemberName(member.memberId(), data, reason, this.actors.current()));
		this.freshness.awaitOwnWrites();
		return corrected.value();
	}

	private void requireReason(String reason) {
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw ApiException.of(Rule.REASON_REQUIRED, "reason", "give the reason, 1 to 500 characters");
		}
	}

	/**
	 * The member's current personal data, still encrypted, if their key still opens it.
	 */
	private EncryptedPersonalData readableData(MemberId memberId) {
		Optional<EncryptedPersonalData> data = this.records.personalData(memberId);
		Optional<String> key = this.vault.currentKeyRef(memberId);
		if (data.isEmpty() || key.isEmpty() || !key.get().equals(data.get().keyRef()) || open(data.get()).isEmpty()) {
			throw ApiException.of(Rule.PERSONAL_DATA_ALREADY_ERASED, "memberId",
					"the person's personal data is erased; enroll them again with their resident ID and name");
		}
		return data.get();
	}

	private Optional<PersonalData> open(EncryptedPersonalData data) {
		try {
			return Optional.of(this.vault.decrypt(data));
		}
		catch (UnreadablePersonalDataException ex) {
			return Optional.empty();
		}
	}

	private Optional<String> currentName(MemberId memberId) {
		return personalData(memberId).map(PersonalData::name);
	}

	private RosterView roster(UnionId union) {
		return this.queries.query(new FindRoster(union), ResponseTypes.instanceOf(RosterView.class)).join();
	}

	/**
	 * The command putting a membership on hold (保留会籍): the one place it is made (the
	 * route and the demo's seeds).
	 */
	public static PutMembershipOnHold onHold(MemberId memberId, LocalDate effectiveDate, String reason, RecordedBy by) {
		return new PutMembershipOnHold(memberId, effectiveDate, reason, by);
	}

	/** The command ending a membership: the one place it is made. */
	public static TerminateMembership termination(MemberId memberId, LocalDate effectiveDate, TerminationReason reason,
			RecordedBy by) {
		return new TerminateMembership(memberId, effectiveDate, reason, by);
	}

}
