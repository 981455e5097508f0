package org.unionledger.api.members;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.annualreports.Backdating;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.Outcome;
import org.unionledger.common.RecordedBy;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonName;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.ResidentId;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionId;

/**
 * Enrollment, written once for every edge: the HTTP form, CSV imports (in command
 * batches), approved online applications and the demo data. Here the resident ID is
 * normalised, the member id derived (keyed fingerprint), the personal data encrypted with
 * the person's own key, the {@link EnrollMember} built and its outcome read.
 * <p>
 * A refused enrollment (the person holds a membership already) is recorded by the
 * aggregate as an event; the HTTP form answers it with a 409, an import reports the row,
 * an approval reports it in its answer.
 */
@Service
public class Enrollments {

	private final CommandGateway commands;

	private final CommandBatches batches;

	private final OpenUnions unions;

	private final MemberIdentities identities;

	private final PersonalDataVault vault;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Clock clock;

	private final Backdating backdating;

	public Enrollments(CommandGateway commands, CommandBatches batches, OpenUnions unions, MemberIdentities identities,
			PersonalDataVault vault, ProjectionFreshness freshness, Actors actors, Clock clock, Backdating backdating) {
		this.backdating = backdating;
		this.commands = commands;
		this.batches = batches;
		this.unions = unions;
		this.identities = identities;
		this.vault = vault;
		this.freshness = freshness;
		this.actors = actors;
		this.clock = clock;
	}

	/**
	 * Enrolls a person as the signed-in user and waits until the read models show it.
	 * @param residentId the ID as written (18 digits or a 15-digit legacy number)
	 * @param name the name as on the ID card
	 * @param unionId the enrolling union, open on the day
	 * @param effectiveDate the day, not in the future
	 * @param channel how the enrollment arrived
	 * @return the new member's id
	 * @throws ApiException 422 for a bad ID, name, union or date; 409 with the refusal's
	 * reason when the person holds a membership already (the attempt is recorded)
	 */
	public MemberId enroll(String residentId, String name, String unionId, LocalDate effectiveDate,
			EnrollmentChannel channel) {
		return enroll(residentId, name, unionId, effectiveDate, channel, false);
	}

	/**
	 * As {@link #enroll(String, String, String, LocalDate, EnrollmentChannel)}; an
	 * effective date in a statistical year whose report is signed needs
	 * {@code confirmBackdating} ({@link Backdating}).
	 * @throws ApiException also 409 {@code BACKDATED_INTO_SIGNED_YEAR} listing the
	 * reports it would flag, when not confirmed (nothing is sent)
	 */
	public MemberId enroll(String residentId, String name, String unionId, LocalDate effectiveDate,
			EnrollmentChannel channel, boolean confirmBackdating) {
		PersonalData person = person(residentId, name);
		UnionId union = this.unions.requireOpen(unionId, effectiveDate, "unionId");
		Ids.requireNotFuture(effectiveDate, this.clock, "effectiveDate");
		this.unions.find(union)
			.ifPresent((facts) -> this.backdating.requireConfirmed(facts.placementOn(effectiveDate).jurisdictionCode(),
					effectiveDate, confirmBackdating, "effectiveDate"));
		MemberId memberId = memberIdOf(person.residentId());
		Outcome outcome = this.commands.sendAndWait(
				enrollment(memberId, encrypt(memberId, person), union, effectiveDate, channel, this.actors.current()));
		this.freshness.awaitOwnWrites();
		if (!outcome.accepted()) {
			throw ApiException.of(outcome.rule(), "residentId", refusal(outcome.rejection()));
		}
		return memberId;
	}

	/**
	 * Enrolls the applicant of an approved online application, with channel ONLINE,
	 * recorded as the approving officer. The personal data was encrypted when the
	 * application was submitted.
	 * @return the outcome: accepted, or refused because the person holds a membership
	 * @throws RuntimeException when the command could not be handled (nothing stored)
	 */
	public Outcome enrollApplicant(MemberId memberId, EncryptedPersonalData personalData, UnionId unionId,
			LocalDate effectiveDate, RecordedBy officer) {
		return this.commands
			.sendAndWait(enrollment(memberId, personalData, unionId, effectiveDate, EnrollmentChannel.ONLINE, officer));
	}

	/**
	 * One enrollment of a bulk path (an import's row), already parsed.
	 *
	 * @param memberId the person's member id ({@link #memberIdOf})
	 * @param person their resident ID and name, encrypted on the way
	 * @param unionId the enrolling union
	 * @param effectiveDate the day
	 * @param channel how it arrived
	 */
	public record BulkEnrollment(MemberId memberId, PersonalData person, UnionId unionId, LocalDate effectiveDate,
			EnrollmentChannel channel) {
	}

	/**
	 * What became of one enrollment of a batch.
	 *
	 * @param sent whether it was sent (else the caller found it applied before)
	 * @param outcome the outcome when sent and handled
	 * @param failure what the command threw, when sent and it failed
	 */
	public record Enrolled(boolean sent, Outcome outcome, Throwable failure) {

		static final Enrolled NOT_SENT = new Enrolled(false, null, null);

	}

	/**
	 * Sends the enrollments as one command batch ({@link CommandBatches}): the members'
	 * streams are read together when the batch opens, their personal data encrypted
	 * together, every command handled by the same aggregate as a single enrollment, the
	 * events stored as group commits.
	 * @param appliedBefore asked for each enrollment (by index) inside the batch, while
	 * the members' streams are in memory: {@code true} leaves it unsent
	 * @return each enrollment's result, in order
	 * @throws CommandBatches.BatchFailedException when the store took nothing of the
	 * batch; the caller may {@linkplain #enrollAlone send them one by one}
	 */
	public List<Enrolled> enrollBatch(List<BulkEnrollment> enrollments, RecordedBy by, IntPredicate appliedBefore) {
		Enrolled[] results = new Enrolled[enrollments.size()];
		Map<Integer, CommandBatches.Pending> pending = new HashMap<>();
		try (CommandBatches.Batch batch = this.batches
			.open(enrollments.stream().map((e) -> e.memberId().value()).toList())) {
			Map<MemberId, PersonalData> people = new HashMap<>();
			List<Integer> fresh = new ArrayList<>();
			for (int i = 0; i < enrollments.size(); i++) {
				if (appliedBefore.test(i)) {
					results[i] = Enrolled.NOT_SENT;
					continue;
				}
				people.put(enrollments.get(i).memberId(), enrollments.get(i).person());
				fresh.add(i);
			}
			Map<MemberId, EncryptedPersonalData> encrypted = this.vault.encryptAll(people);
			for (int i : fresh) {
				BulkEnrollment enrollment = enrollments.get(i);
				pending.put(i, batch.send(command(enrollment, encrypted.get(enrollment.memberId()), by)));
			}
			batch.commit();
		}
		pending.forEach(
				(i, sent) -> results[i] = new Enrolled(true, (Outcome) sent.result().value(), sent.result().failure()));
		return List.of(results);
	}

	/**
	 * One enrollment of a bulk path on its own (a batch the store failed to take is
	 * retried so, row by row).
	 * @throws RuntimeException when the command failed
	 */
	public Outcome enrollAlone(BulkEnrollment enrollment, RecordedBy by) {
		return this.commands.sendAndWait(command(enrollment, encrypt(enrollment.memberId(), enrollment.person()), by));
	}

	private static EnrollMember command(BulkEnrollment enrollment, EncryptedPersonalData data, RecordedBy by) {
		return enrollment(enrollment.memberId(), data, enrollment.unionId(), enrollment.effectiveDate(),
				enrollment.channel(), by);
	}

	/**
	 * The command enrolling a person: the one place it is made, for every edge (the form,
	 * imports, online applications, a re-enrollment, the demo data; a test checks that no
	 * other class of the application makes one).
	 * @param personalData the person's data encrypted with their own key
	 * ({@link #encrypt})
	 */
	public static EnrollMember enrollment(MemberId memberId, EncryptedPersonalData personalData, UnionId unionId,
			LocalDate effectiveDate, EnrollmentChannel channel, RecordedBy by) {
		return new EnrollMember(memberId, personalData, unionId, effectiveDate, channel, by);
	}

	/**
	 * The person's resident ID (normalised to 18 digits, judged against today) and name.
	 * @throws org.unionledger.common.DomainRuleViolation for a malformed ID or name
	 */
	public PersonalData person(String residentId, String name) {
		ResidentId id = ResidentId.parse(residentId, LocalDate.now(this.clock));
		return new PersonalData(id, PersonName.of(name));
	}

	/** The member id of a resident ID: the ledger's keyed fingerprint of it. */
	public MemberId memberIdOf(ResidentId residentId) {
		return this.identities.memberIdOf(residentId);
	}

	/** The person's data encrypted with their own key. */
	public EncryptedPersonalData encrypt(MemberId memberId, PersonalData person) {
		return this.vault.encrypt(memberId, person);
	}

	/**
	 * Several people's data encrypted, in order, distinct members' keys fetched or made
	 * together. One person may appear twice (two spellings of one ID): each entry is
	 * encrypted.
	 */
	public List<EncryptedPersonalData> encryptAll(List<PersonalData> people) {
		Map<MemberId, PersonalData> firsts = new HashMap<>();
		for (PersonalData data : people) {
			firsts.putIfAbsent(memberIdOf(data.residentId()), data);
		}
		Map<MemberId, EncryptedPersonalData> encrypted = this.vault.encryptAll(firsts);
		List<EncryptedPersonalData> all = new ArrayList<>(people.size());
		for (PersonalData data : people) {
			MemberId memberId = memberIdOf(data.residentId());
			all.add((firsts.get(memberId) == data) ? encrypted.get(memberId) : this.vault.encrypt(memberId, data));
		}
		return all;
	}

	/** Why an enrollment was refused, as the form and an import's report say it. */
	public static String refusal(String rejection) {
		return "this person already has a membership (" + rejection + "); the attempt was recorded for supervisors";
	}

}
