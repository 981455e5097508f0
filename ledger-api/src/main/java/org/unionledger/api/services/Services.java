package org.unionledger.api.services;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.annualreports.Backdating;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.RecordedBy;
import org.unionledger.membership.MemberDirectory;
import org.unionledger.membership.MemberId;
import org.unionledger.service.Campaign;
import org.unionledger.service.Commands.RecordServiceDelivered;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;

/**
 * Recording a service delivered by a union (rights protection, training, the seasonal
 * campaigns...), to a member or to a worker who is not one.
 */
@Service
public class Services {

	private final CommandGateway commands;

	private final OpenUnions unions;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Clock clock;

	private final Backdating backdating;

	public Services(CommandGateway commands, OpenUnions unions, ProjectionFreshness freshness, Actors actors,
			Clock clock, Backdating backdating) {
		this.backdating = backdating;
		this.commands = commands;
		this.unions = unions;
		this.freshness = freshness;
		this.actors = actors;
		this.clock = clock;
	}

	/**
	 * Records the service as the signed-in user.
	 * @param memberId the member served, {@code null} for a non-member
	 * @param personTimes person-times, {@code null} for 1
	 * @param confirmBackdating whether to go ahead when the day lies in a statistical
	 * year whose report is signed (otherwise 409 {@code BACKDATED_INTO_SIGNED_YEAR}
	 * listing the reports it would flag)
	 * @return the new service's id
	 */
	public ServiceId record(UnionId unionId, String memberId, ServiceType type, Campaign campaign,
			LocalDate deliveredOn, Integer personTimes, BigDecimal amountYuan, boolean confirmBackdating) {
		Ids.requireNotFuture(deliveredOn, this.clock, "deliveredOn");
		UnionFacts union = OpenUnions.requireOpen(this.unions.find(unionId), deliveredOn, "unionId");
		this.backdating.requireConfirmed(union.placementOn(deliveredOn).jurisdictionCode(), deliveredOn,
				confirmBackdating, "deliveredOn");
		// Whether the union holds or serves the member on the day is the aggregate's
		// guard;
		// a malformed id gets the same answer as an unknown one.
		MemberId member = null;
		if (memberId != null) {
			member = Ids.member(memberId).orElseThrow(() -> MemberDirectory.unknownMember("memberId"));
		}
		ServiceId serviceId = new ServiceId("s-" + UUID.randomUUID());
		this.commands.sendAndWait(delivery(serviceId, unionId, member, type, campaign, deliveredOn,
				(personTimes != null) ? personTimes : 1, amountYuan, this.actors.current()));
		this.freshness.awaitOwnWrites();
		return serviceId;
	}

	/**
	 * The command recording a service delivered: the one place it is made (the route and
	 * the demo's seeds).
	 * @param memberId the member served, or {@code null} for a service to non-members
	 */
	public static RecordServiceDelivered delivery(ServiceId serviceId, UnionId unionId, MemberId memberId,
			ServiceType type, Campaign campaign, LocalDate deliveredOn, int personTimes, BigDecimal amountYuan,
			RecordedBy by) {
		return new RecordServiceDelivered(serviceId, unionId, memberId, type, campaign, deliveredOn, personTimes,
				amountYuan, by);
	}

}
