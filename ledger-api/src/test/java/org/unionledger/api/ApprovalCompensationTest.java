package org.unionledger.api;

import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.unionledger.api.applications.RateLimiter;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.online.Events.ApplicationApprovalWithdrawn;
import org.unionledger.online.Events.ApplicationApproved;
import org.unionledger.online.Events.ApplicationSubmitted;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An approval is two commands on two aggregates. When the second (the enrollment) fails,
 * the approval is withdrawn and recorded: the application is pending again, nobody is
 * enrolled, and the officer can approve it again once the ledger works.
 */
class ApprovalCompensationTest extends ApiTestSupport {

	@Autowired
	RateLimiter limiter;

	@Autowired
	CommandBus commandBus;

	@Autowired
	EventStore eventStore;

	@BeforeEach
	void fresh() {
		this.limiter.reset();
		ensureUnion("os-sjz-a", "130102");
	}

	@Test
	void whenTheEnrollmentFailsTheApprovalIsWithdrawnAndTheApplicationCanBeApprovedAgain() {
		ResponseEntity<Map> submitted = this.http.postForEntity("/api/applications",
				Map.of("residentId", residentId(), "name", "补偿申请人", "unionId", "os-sjz-a"), Map.class);
		String id = (String) submitted.getBody().get("applicationId");
		String memberId = ((ApplicationSubmitted) events(id).get(0)).memberId().value();

		ResponseEntity<Map> failed;
		Registration failure = this.commandBus.registerHandlerInterceptor(failEnrollmentOf(memberId));
		try {
			failed = as(TestUsers.SJZ_OFFICER).postForEntity("/api/applications/" + id + "/approval",
					Map.of("effectiveDate", TODAY.toString()), Map.class);
		}
		finally {
			failure.cancel();
		}

		assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(failed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(events(id)).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("ApplicationSubmitted", "ApplicationApproved", "ApplicationApprovalWithdrawn");
		assertThat(((ApplicationApprovalWithdrawn) events(id).get(2)).recordedBy().value())
			.isEqualTo(TestUsers.SJZ_OFFICER);
		assertThat(events(memberId)).isEmpty();
		assertThat(as(TestUsers.SJZ_OFFICER).getForObject("/api/applications/" + id, Map.class))
			.containsEntry("status", "PENDING")
			.doesNotContainKey("decidedBy");
		assertThat(as(TestUsers.SJZ_OFFICER).getForObject("/api/unions/os-sjz-a/applications", Map.class)
			.get("pending")
			.toString()).contains(id);

		ResponseEntity<Map> approved = as(TestUsers.SJZ_OFFICER).postForEntity("/api/applications/" + id + "/approval",
				Map.of("effectiveDate", TODAY.toString()), Map.class);

		assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(approved.getBody()).containsEntry("status", "APPROVED")
			.containsEntry("enrollment", "ENROLLED")
			.containsEntry("memberId", memberId);
		assertThat(events(id)).last().isInstanceOf(ApplicationApproved.class);
		assertThat(events(memberId)).singleElement()
			.isInstanceOfSatisfying(org.unionledger.membership.Events.MemberEnrolled.class,
					(enrolled) -> assertThat(enrolled.channel().name()).isEqualTo("ONLINE"));
		assertThat(as(TestUsers.SJZ_OFFICER).getForObject("/api/unions/os-sjz-a/applications", Map.class)
			.get("pending")
			.toString()).doesNotContain(id);
	}

	/**
	 * Fails the enrollment of this member inside its unit of work, as a broken store
	 * would.
	 */
	private static MessageHandlerInterceptor<CommandMessage<?>> failEnrollmentOf(String memberId) {
		return (unitOfWork, chain) -> {
			if (unitOfWork.getMessage().getPayload() instanceof EnrollMember enroll
					&& enroll.memberId().value().equals(memberId)) {
				throw new IllegalStateException("the enrollment failed (drill)");
			}
			return chain.proceed();
		};
	}

	private List<Object> events(String aggregateId) {
		return this.eventStore.readEvents(aggregateId).asStream().map((event) -> (Object) event.getPayload()).toList();
	}

}
