package org.unionledger.api.applications;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.support.RandomIds;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.Scopes;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Outcome;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonName;
import org.unionledger.identity.PersonalData;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.identity.ResidentId;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.MemberId;
import org.unionledger.online.ApplicationId;
import org.unionledger.online.ApplicationStatus;
import org.unionledger.online.Commands.ApproveApplication;
import org.unionledger.online.Commands.DeclineApplication;
import org.unionledger.online.Commands.SubmitApplication;
import org.unionledger.online.Events.ApplicationApproved;
import org.unionledger.online.Events.ApplicationDeclined;
import org.unionledger.online.Events.ApplicationSubmitted;
import org.unionledger.projections.applications.FindPendingApplications;
import org.unionledger.projections.applications.PendingApplications;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;

/**
 * Online enrollment. {@code POST /api/applications} is public (no sign-in, rate-limited
 * per address) and answers only with the application's id: it never tells whether the
 * person is a member somewhere. The chosen union's officers read, approve (the person is
 * then enrolled with channel ONLINE, recorded as the approving officer) or decline it.
 */
@RestController
public class ApplicationController {

	/** Who the public form's submissions are recorded as. */
	static final RecordedBy PUBLIC_FORM = new RecordedBy("public-application-form");

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final EventStore eventStore;

	private final UnionDirectory unions;

	private final MemberIdentities identities;

	private final PersonalDataVault vault;

	private final SecureRandom random;

	private final ProjectionFreshness freshness;

	private final Scopes scopes;

	private final Actors actors;

	private final Clock clock;

	public ApplicationController(CommandGateway commands, QueryGateway queries, EventStore eventStore,
			UnionDirectory unions, MemberIdentities identities, PersonalDataVault vault, SecureRandom random,
			ProjectionFreshness freshness, Scopes scopes, Actors actors, Clock clock) {
		this.commands = commands;
		this.queries = queries;
		this.eventStore = eventStore;
		this.unions = unions;
		this.identities = identities;
		this.vault = vault;
		this.random = random;
		this.freshness = freshness;
		this.scopes = scopes;
		this.actors = actors;
		this.clock = clock;
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
	public ResponseEntity<Map<String, Object>> apply(@Valid @RequestBody ApplicationRequest request) {
		LocalDate today = LocalDate.now(this.clock);
		ResidentId residentId = ResidentId.parse(request.residentId(), today);
		PersonName name = PersonName.of(request.name());
		UnionId unionId = Ids.requireUnion(request.unionId(), "unionId");
		UnionFacts union = this.unions.find(unionId)
			.orElseThrow(() -> ApiException.unknownReference(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
		if (!union.isOpenOn(today)) {
			throw ApiException.of(Rule.UNION_NOT_OPEN, "unionId", "the union does not take members now");
		}
		ApplicationId id = newId();
		MemberId memberId = this.identities.memberIdOf(residentId);
		this.commands.sendAndWait(new SubmitApplication(id, memberId,
				this.vault.encrypt(memberId, new PersonalData(residentId, name)), unionId, today, PUBLIC_FORM));
		this.freshness.awaitOwnWrites();
		return ResponseEntity.accepted()
			.location(URI.create("/api/applications/" + id.value()))
			.body(Map.of("applicationId", id.value(), "status", ApplicationStatus.PENDING));
	}

	@GetMapping("/api/applications/{applicationId}")
	public Map<String, Object> get(@PathVariable String applicationId) {
		Application application = requireReadable(applicationId);
		return application.view(this.vault);
	}

	@GetMapping("/api/unions/{unionId}/applications")
	public Map<String, Object> pending(@PathVariable String unionId) {
		UnionFacts union = Ids.union(unionId)
			.flatMap(this.unions::find)
			.orElseThrow(() -> ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
		if (!this.scopes.canReadMembersOf(union)) {
			throw ApiException.of(Rule.OUT_OF_SCOPE, null, "this union's applications lie outside your scope");
		}
		PendingApplications pending = this.queries
			.query(new FindPendingApplications(union.placement().unionId()),
					ResponseTypes.instanceOf(PendingApplications.class))
			.join();
		return Map.of("unionId", unionId, "pending",
				pending.applications()
					.stream()
					.map(e -> Map.of("applicationId", e.applicationId().value(), "submittedOn", e.submittedOn()))
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
	public Map<String, Object> approve(@PathVariable String applicationId,
			@Valid @RequestBody(required = false) ApprovalRequest request) {
		Application application = requireDecidable(applicationId);
		LocalDate effectiveDate = (request != null && request.effectiveDate() != null) ? request.effectiveDate()
				: LocalDate.now(this.clock);
		Ids.requireNotFuture(effectiveDate, this.clock, "effectiveDate");
		UnionFacts union = this.unions.find(application.unionId())
			.orElseThrow(() -> ApiException.unknownReference(Rule.UNION_UNKNOWN, "unionId",
					"the union is no longer registered"));
		if (!union.isOpenOn(effectiveDate)) {
			throw ApiException.of(Rule.UNION_NOT_OPEN, "effectiveDate", "the union is not open on that date");
		}
		RecordedBy officer = this.actors.current();
		this.commands
			.sendAndWait(new ApproveApplication(application.id(), application.unionId(), effectiveDate, officer));
		Outcome outcome = this.commands.sendAndWait(new EnrollMember(application.memberId(), application.personalData(),
				application.unionId(), effectiveDate, EnrollmentChannel.ONLINE, officer));
		this.freshness.awaitOwnWrites();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("applicationId", application.id().value());
		answer.put("status", ApplicationStatus.APPROVED);
		if (outcome.accepted()) {
			answer.put("enrollment", "ENROLLED");
			answer.put("memberId", application.memberId().value());
		}
		else {
			// The person is a member elsewhere: the refusal is recorded for supervisors;
			// the other union is not named.
			answer.put("enrollment", outcome.rejection());
		}
		return answer;
	}

	/**
	 * A decline.
	 *
	 * @param reason why, shown to supervisors
	 */
	public record DeclineRequest(@Schema(example = "申请人非本单位职工") @NotBlank @Size(max = 500) String reason) {
	}

	@PostMapping("/api/applications/{applicationId}/decline")
	public Map<String, Object> decline(@PathVariable String applicationId, @Valid @RequestBody DeclineRequest request) {
		Application application = requireDecidable(applicationId);
		this.commands.sendAndWait(new DeclineApplication(application.id(), application.unionId(), request.reason(),
				this.actors.current()));
		this.freshness.awaitOwnWrites();
		return Map.of("applicationId", application.id().value(), "status", ApplicationStatus.DECLINED);
	}

	private Application requireReadable(String applicationId) {
		Application application = find(applicationId);
		UnionFacts union = this.unions.find(application.unionId()).orElseThrow(ApplicationController::unknown);
		if (!this.scopes.canReadMembersOf(union)) {
			throw unknown();
		}
		return application;
	}

	private Application requireDecidable(String applicationId) {
		this.scopes.requireSomeUnionActor();
		Application application = find(applicationId);
		if (!this.scopes.canActFor(application.unionId())) {
			throw unknown();
		}
		if (application.status() != ApplicationStatus.PENDING) {
			throw ApiException.of(Rule.APPLICATION_NOT_PENDING, "applicationId", "the application was already decided");
		}
		return application;
	}

	private Application find(String applicationId) {
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
			else if (event instanceof ApplicationDeclined declined && application != null) {
				application = application.decided(ApplicationStatus.DECLINED, declined.recordedBy(), declined.reason());
			}
		}
		if (application == null) {
			throw unknown();
		}
		return application;
	}

	private static ApiException unknown() {
		return ApiException.of(Rule.APPLICATION_UNKNOWN, "applicationId", "no application with this id");
	}

	private ApplicationId newId() {
		return new ApplicationId(RandomIds.next("oa-", this.random));
	}

	/** An application as its stream tells it. */
	private record Application(ApplicationId id, UnionId unionId, MemberId memberId, EncryptedPersonalData personalData,
			LocalDate submittedOn, ApplicationStatus status, RecordedBy decidedBy, String reason) {

		Application decided(ApplicationStatus newStatus, RecordedBy by, String why) {
			return new Application(this.id, this.unionId, this.memberId, this.personalData, this.submittedOn, newStatus,
					by, why);
		}

		Map<String, Object> view(PersonalDataVault vault) {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("applicationId", this.id.value());
			view.put("unionId", this.unionId.value());
			view.put("status", this.status);
			view.put("submittedOn", this.submittedOn);
			try {
				PersonalData data = vault.decrypt(this.personalData);
				view.put("residentIdMasked", data.residentId().masked());
				String name = data.name();
				view.put("nameMasked", name.substring(0, name.offsetByCodePoints(0, 1))
						+ "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1)));
			}
			catch (RuntimeException ex) {
				view.put("residentIdMasked", "[unreadable]");
			}
			if (this.decidedBy != null) {
				view.put("decidedBy", this.decidedBy.value());
			}
			if (this.reason != null) {
				view.put("reason", this.reason);
			}
			return view;
		}

	}

}
