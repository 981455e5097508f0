package org.unionledger.api.members;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.MemberRecords.MemberState;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.Rule;
import org.unionledger.disclosure.Commands.RecordDisclosure;
import org.unionledger.disclosure.DisclosureLogId;
import org.unionledger.identity.PersonalData;
import org.unionledger.membership.Commands.AssignServingUnion;
import org.unionledger.membership.Commands.EndServingAssignment;
import org.unionledger.membership.Commands.ErasePersonalData;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;

/**
 * What is done to an enrolled member besides enrollment and transfer: finding them (an
 * unknown and an unreadable member look the same), serving assignments of dispatched
 * workers, erasure of personal data and the recorded disclosure of it.
 */
@Service
public class Members {

	private final CommandGateway commands;

	private final MemberRecords records;

	private final OpenUnions unions;

	private final PersonalDataVault vault;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Clock clock;

	public Members(CommandGateway commands, MemberRecords records, OpenUnions unions, PersonalDataVault vault,
			ProjectionFreshness freshness, Actors actors, Clock clock) {
		this.commands = commands;
		this.records = records;
		this.unions = unions;
		this.vault = vault;
		this.freshness = freshness;
		this.actors = actors;
		this.clock = clock;
	}

	/** The member as their stream tells now, or 404 {@code MEMBER_UNKNOWN}. */
	public MemberState require(String memberId) {
		return Ids.member(memberId).flatMap(this.records::current).orElseThrow(Members::unknown);
	}

	/**
	 * The member if the reader may see the union holding the membership now; otherwise
	 * the member is unknown to them (404), so that no one learns who is a member
	 * elsewhere.
	 */
	public MemberState require(String memberId, Predicate<UnionFacts> mayRead) {
		MemberState member = require(memberId);
		UnionFacts union = this.unions.find(member.unionId()).orElseThrow(Members::unknown);
		if (!mayRead.test(union)) {
			throw unknown();
		}
		return member;
	}

	/** The member's events for auditors, credential codes shown as the reader may see. */
	public List<MemberHistory.Entry> history(MemberState member, CredentialCodeVisibility codes) {
		return this.records.history(member.memberId(), codes);
	}

	/**
	 * A host employer's union starts serving the member, whose membership stays where it
	 * is.
	 * @return the serving union
	 */
	public UnionId assignServingUnion(MemberState member, String servingUnionId, LocalDate effectiveDate) {
		Ids.requireNotFuture(effectiveDate, this.clock, "effectiveDate");
		UnionId serving = this.unions.requireOpen(servingUnionId, effectiveDate, "servingUnionId");
		this.commands
			.sendAndWait(new AssignServingUnion(member.memberId(), serving, effectiveDate, this.actors.current()));
		this.freshness.awaitOwnWrites();
		return serving;
	}

	/** The current serving assignment ends. */
	public void endServingAssignment(MemberState member, LocalDate effectiveDate) {
		Ids.requireNotFuture(effectiveDate, this.clock, "effectiveDate");
		this.commands.sendAndWait(new EndServingAssignment(member.memberId(), effectiveDate, this.actors.current()));
		this.freshness.awaitOwnWrites();
	}

	/**
	 * Erases the person's name and resident ID everywhere by destroying their data key,
	 * after recording the erasure.
	 * @return the reference of the destroyed key
	 * @throws ApiException 409 when the data is erased already
	 */
	public String erase(MemberState member, String legalBasis) {
		String keyRef = this.vault.currentKeyRef(member.memberId())
			.orElseThrow(() -> ApiException.of(Rule.PERSONAL_DATA_ALREADY_ERASED, "memberId",
					"the person's personal data is already erased"));
		this.commands.sendAndWait(new ErasePersonalData(member.memberId(), legalBasis, this.actors.current()));
		this.vault.destroyKey(member.memberId());
		this.freshness.awaitOwnWrites();
		return keyRef;
	}

	/**
	 * The person's resident ID and name, the read recorded in their disclosure log with
	 * the reader and the purpose.
	 */
	public PersonalData disclose(MemberState member, String purpose) {
		PersonalData data = this.vault.decrypt(this.records.personalData(member.memberId())
			.orElseThrow(() -> new IllegalStateException("a member's stream starts with an enrollment")));
		this.commands.sendAndWait(new RecordDisclosure(DisclosureLogId.of(member.memberId()), member.memberId(),
				purpose, this.actors.current()));
		return data;
	}

	public static ApiException unknown() {
		return ApiException.of(Rule.MEMBER_UNKNOWN, "memberId", "no member with this id");
	}

}
