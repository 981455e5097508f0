package org.unionledger.api.applications;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.Enrollments;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.api.support.RandomIds;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.Outcome;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.PersonalData;
import org.unionledger.membership.MemberId;
import org.unionledger.applications.ApplicationId;
import org.unionledger.applications.ApplicationStatus;
import org.unionledger.applications.Commands.ApproveApplication;
import org.unionledger.applications.Commands.DeclineApplication;
import org.unionledger.applications.Commands.SubmitApplication;
import org.unionledger.applications.Commands.WithdrawApproval;
import org.unionledger.online.Events.ApplicationApprovalWithdrawn;
import org.unionledger.online.Events.ApplicationApproved;
import org.unionledger.online.Events.ApplicationDeclined;
import org.unionledger.online.Events.ApplicationSubmitted;
import org.unionledger.projections.applications.FindPendingApplications;
import org.unionledger.projections.applications.PendingApplications;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.common.Rule;

/**
 * Online enrollment (互联网+入会): a worker applies through the public form, an officer of the
 * chosen union approves (the person is then enrolled with channel ONLINE) or declines.
 * <p>
 * <b>Approval is two commands on two aggregates</b> ({@link ApproveApplication} on the
 * application, {@link org.unionledger.membership.Commands.EnrollMember} on the person),
 * and the store commits each aggregate on its own, so it runs as a small process with a
 * compensation: when the enrollment fails (its command throws: a broken rule, the store
 * unavailable), the approval is withdrawn ({@link WithdrawApproval}, recorded as
 * {@link ApplicationApprovalWithdrawn}), the application is pending again and the
 * enrollment's failure is answered. A refused enrollment (the person is a member
 * elsewhere) is not a failure: it is recorded by the membership and the approval stands,
 * as before.
 */
@Service
public class Applications {

	/** Who the public form's submissions are recorded as. */
	static final RecordedBy PUBLIC_FORM = new RecordedBy("public-application-form");

	/**
	 * The reason recorded when an approval is withdrawn because its enrollment failed.
	 */
	static final String ENROLLMENT_FAILED = "the enrollment could not be recorded; the approval was withdrawn";

	private static final Logger log = LoggerFactory.getLogger(Applications.class);

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final EventStore eventStore;

	private final OpenUnions unions;

	private final Enrollments enrollments;

	private final PersonalDataVault vault;

	private final SecureRandom random;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Clock clock;

	public Applications(CommandGateway commands, QueryGateway queries, EventStore eventStore, OpenUnions unions,
			Enrollments enrollments, PersonalDataVault vault, SecureRandom random, ProjectionFreshness freshness,
			Actors actors, Clock clock) {
		this.commands = commands;
		this.queries = queries;
		this.eventStore = eventStore;
		this.unions = unions;
		this.enrollments = enrollments;
		this.vault = vault;
		this.random = random;
		this.freshness = freshness;
		this.actors = actors;
		this.clock = clock;
	}

	/**
	 * Files an application from the public form, the personal data encrypted as for an
	 * enrollment.
	 * @return the new application's id
	 * @throws ApiException 422 for a bad ID, name or union, or a union not open today
	 */
	public ApplicationId submit(String residentId, String name, String unionId) {
		LocalDate today = LocalDate.now(this.clock);
		PersonalData person = this.enrollments.person(residentId, name);
		UnionId union = Ids.requireUnion(unionId, "unionId");
		UnionFacts facts = this.unions.find(union)
			.orElseThrow(() -> ApiException.unknownReference(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
		if (!facts.isOpenOn(today)) {
			throw ApiException.of(Rule.UNION_NOT_OPEN, "unionId", "the union does not take members now");
		}
		ApplicationId id = new ApplicationId(RandomIds.next("oa-", this.random));
		MemberId memberId = this.enrollments.memberIdOf(person.residentId());
		this.commands.sendAndWait(new SubmitApplication(id, memberId, this.enrollments.encrypt(memberId, person), union,
				today, PUBLIC_FORM));
		this.freshness.awaitOwnWrites();
		return id;
	}

	/**
	 * An application as its stream tells it.
	 *
	 * @param id its id
	 * @param unionId the union applied to
	 * @param memberId the applicant's member id
	 * @param personalData the applicant's data, encrypted
	 * @param submittedOn the day of the application
	 * @param status pending, approved or declined
	 * @param decidedBy who decided, when decided
	 * @param reason why it was declined, when declined
	 */
	public record Application(ApplicationId id, UnionId unionId, MemberId memberId, EncryptedPersonalData personalData,
			LocalDate submittedOn, ApplicationStatus status, RecordedBy decidedBy, String reason) {

		Application decided(ApplicationStatus newStatus, RecordedBy by, String why) {
			return new Application(this.id, this.unionId, this.memberId, this.personalData, this.submittedOn, newStatus,
					by, why);
		}

	}

	/** The application, or 404 {@code APPLICATION_UNKNOWN}. */
	public Application find(String applicationId) {
		if (applicationId == null || !applicationId.matches("oa-[a-z2-7]{26}")) {
			throw unknown();
		}
		Application application = null;
		DomainEventStream stream = this.eventStore.readEvents(applicationId);
		while (stream.hasNext()) {
			DomainEventMessage<?> message = stream.next();
			Object event = message.getPayload();
			if (event instanceof ApplicationSubmitted submitted) {
				application = new Application(submitted.applicationId(), submitted.union().unionId(),
						submitted.memberId(), submitted.personalData(), submitted.submittedOn(),
						ApplicationStatus.PENDING, null, null);
			}
			else if (event instanceof ApplicationApproved approved && application != null) {
				application = application.decided(ApplicationStatus.APPROVED, approved.recordedBy(), null);
			}
			else if (event instanceof ApplicationApprovalWithdrawn && application != null) {
				application = application.decided(ApplicationStatus.PENDING, null, null);
			}
			else if (event instanceof ApplicationDeclined declined && application != null) {
				application = application.decided(ApplicationStatus.DECLINED, declined.recordedBy(), declined.reason());
			}
		}
		if (application == null) {
			throw unknown();
		}
		return application;
	}

	/** The union's facts, if it is registered and its id well formed. */
	public Optional<UnionFacts> union(String unionId) {
		return Ids.union(unionId).flatMap(this.unions::find);
	}

	/** The union's pending applications. */
	public PendingApplications pending(UnionId unionId) {
		return this.queries
			.query(new FindPendingApplications(unionId), ResponseTypes.instanceOf(PendingApplications.class))
			.join();
	}

	/** Applications per page of an inbox when none is asked for. */
	public static final int DEFAULT_PAGE_SIZE = 20;

	/** The most applications a page of an inbox holds. */
	public static final int MAX_PAGE_SIZE = 100;

	/**
	 * A page of the pending applications to these unions, oldest first, each applicant
	 * masked: one {@code _id} read per union for the lists, then one stream read per
	 * application on the page.
	 * @throws ApiException 422 {@code PAGE_OUT_OF_RANGE} for a negative page,
	 * {@code PAGE_SIZE_OUT_OF_RANGE} for a size outside 1..{@value #MAX_PAGE_SIZE}
	 */
	public ApplicationInbox inbox(List<UnionFacts> unions, int page, int size) {
		if (page < 0 || page > 1_000_000) {
			throw ApiException.of(Rule.PAGE_OUT_OF_RANGE, "page", "page is 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ApiException.of(Rule.PAGE_SIZE_OUT_OF_RANGE, "size", "size is 1 to " + MAX_PAGE_SIZE);
		}
		Map<String, String> names = new HashMap<>();
		List<PendingApplications.Entry> pending = new ArrayList<>();
		Map<String, UnionId> unionOf = new HashMap<>();
		for (UnionFacts union : unions) {
			UnionId id = union.placement().unionId();
			names.put(id.value(), union.name());
			for (PendingApplications.Entry entry : pending(id).applications()) {
				pending.add(entry);
				unionOf.put(entry.applicationId().value(), id);
			}
		}
		pending.sort(Comparator.comparing(PendingApplications.Entry::submittedOn)
			.thenComparing((e) -> e.applicationId().value()));
		long from = (long) page * size;
		List<ApplicationInbox.Entry> entries = new ArrayList<>();
		for (long i = from; i < Math.min(pending.size(), from + size); i++) {
			PendingApplications.Entry entry = pending.get((int) i);
			ApplicationView view = view(find(entry.applicationId().value()));
			String unionId = unionOf.get(entry.applicationId().value()).value();
			entries.add(new ApplicationInbox.Entry(view.applicationId(), unionId, names.get(unionId),
					entry.submittedOn(), view.residentIdMasked(), view.nameMasked()));
		}
		return new ApplicationInbox(pending.size(), page, size, entries);
	}

	/**
	 * The application for its union's officers: the applicant masked, the decision.
	 */
	public ApplicationView view(Application application) {
		String residentIdMasked;
		String nameMasked = null;
		try {
			PersonalData data = this.vault.decrypt(application.personalData());
			residentIdMasked = data.residentId().masked();
			String name = data.name();
			nameMasked = name.substring(0, name.offsetByCodePoints(0, 1))
					+ "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
		}
		catch (RuntimeException ex) {
			residentIdMasked = "[unreadable]";
		}
		return new ApplicationView(application.id().value(), application.unionId().value(), application.status(),
				application.submittedOn(), residentIdMasked, nameMasked,
				(application.decidedBy() != null) ? application.decidedBy().value() : null, application.reason());
	}

	/**
	 * An approval's result.
	 *
	 * @param applicationId the application, now approved
	 * @param memberId the applicant's member id
	 * @param enrollment the enrollment's outcome: accepted, or refused because the person
	 * is a member elsewhere (recorded for supervisors)
	 */
	public record Approval(ApplicationId applicationId, MemberId memberId, Outcome enrollment) {
	}

	/**
	 * Approves a pending application as the signed-in officer and enrolls the applicant;
	 * when the enrollment fails the approval is withdrawn (see the class comment) and the
	 * enrollment's failure thrown.
	 * @param effectiveDate the day the membership begins; today when {@code null}
	 * @throws ApiException 409 when not pending, 422 for a future date or a union not
	 * open on it
	 */
	public Approval approve(Application application, LocalDate effectiveDate) {
		requirePending(application);
		LocalDate day = (effectiveDate != null) ? effectiveDate : LocalDate.now(this.clock);
		Ids.requireNotFuture(day, this.clock, "effectiveDate");
		UnionFacts union = this.unions.find(application.unionId())
			.orElseThrow(() -> ApiException.unknownReference(Rule.UNION_UNKNOWN, "unionId",
					"the union is no longer registered"));
		if (!union.isOpenOn(day)) {
			throw ApiException.of(Rule.UNION_NOT_OPEN, "effectiveDate", "the union is not open on that date");
		}
		RecordedBy officer = this.actors.current();
		this.commands.sendAndWait(new ApproveApplication(application.id(), application.unionId(), day, officer));
		Outcome outcome;
		try {
			outcome = this.enrollments.enrollApplicant(application.memberId(), application.personalData(),
					application.unionId(), day, officer);
		}
		catch (RuntimeException failure) {
			withdraw(application, officer, failure);
			throw failure;
		}
		finally {
			this.freshness.awaitOwnWrites();
		}
		return new Approval(application.id(), application.memberId(), outcome);
	}

	/** The compensation: the approval is withdrawn, the application pending again. */
	private void withdraw(Application application, RecordedBy officer, RuntimeException failure) {
		try {
			this.commands
				.sendAndWait(new WithdrawApproval(application.id(), application.unionId(), ENROLLMENT_FAILED, officer));
			log.warn("Application {}: the enrollment failed ({}); the approval was withdrawn", application.id().value(),
					failure.getClass().getSimpleName());
		}
		catch (RuntimeException ex) {
			// The application stays approved without a membership: say so loudly, with
			// the id an operator needs to withdraw or repeat it.
			log.error("Application {}: the enrollment failed ({}) and withdrawing the approval failed too",
					application.id().value(), failure.getClass().getSimpleName(), ex);
			failure.addSuppressed(ex);
		}
	}

	/** Declines a pending application as the signed-in officer. */
	public void decline(Application application, String reason) {
		requirePending(application);
		this.commands.sendAndWait(
				new DeclineApplication(application.id(), application.unionId(), reason, this.actors.current()));
		this.freshness.awaitOwnWrites();
	}

	private static void requirePending(Application application) {
		if (application.status() != ApplicationStatus.PENDING) {
			throw ApiException.of(Rule.APPLICATION_NOT_PENDING, "applicationId", "the application was already decided");
		}
	}

	static ApiException unknown() {
		return ApiException.of(Rule.APPLICATION_UNKNOWN, "applicationId", "no application with this id");
	}

}
