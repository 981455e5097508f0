package org.unionledger.api.services;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.Scopes;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.membership.MemberDirectory;
import org.unionledger.membership.MemberId;
import org.unionledger.service.Campaign;
import org.unionledger.service.Commands.RecordServiceDelivered;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionId;

/** Recording services delivered to members and non-members. */
@RestController
@RequestMapping("/api/services")
public class ServiceController {

	private final CommandGateway commands;

	private final UnionDirectory unions;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Clock clock;

	private final Scopes scopes;

	public ServiceController(CommandGateway commands, UnionDirectory unions, ProjectionFreshness freshness,
			Actors actors, Clock clock, Scopes scopes) {
		this.scopes = scopes;
		this.commands = commands;
		this.unions = unions;
		this.freshness = freshness;
		this.actors = actors;
		this.clock = clock;
	}

	/**
	 * A delivered service.
	 *
	 * @param unionId the union that delivered it
	 * @param memberId the member served, or absent for a non-member
	 * @param type the kind of service
	 * @param campaign the seasonal campaign, optional
	 * @param deliveredOn the day
	 * @param personTimes person-times served (default 1)
	 * @param amountYuan money spent, yuan with at most 2 decimals
	 */
	public record ServiceRequest(
			@Schema(example = "sjz-chang-an-construction-01") @NotBlank @Size(max = 64) String unionId,
			@Schema(example = "m-oz4njx4bwlschfqh6vct6fq3c4") @Size(max = 64) String memberId,
			@Schema(example = "SEASONAL_CARE") @NotNull ServiceType type,
			@Schema(example = "SUMMER_COOLING") Campaign campaign,
			@Schema(example = "2026-03-01") @NotNull LocalDate deliveredOn,
			@Schema(example = "40") @Min(1) @Max(100000) Integer personTimes,
			@Schema(example = "2000.50") @NotNull @DecimalMin("0.00") @DecimalMax("100000000.00") @Digits(integer = 9,
					fraction = 2) BigDecimal amountYuan) {
	}

	@PostMapping
	public ResponseEntity<Map<String, String>> record(@Valid @RequestBody ServiceRequest request) {
		UnionId unionId = Ids.requireUnion(request.unionId(), "unionId");
		this.scopes.requireUnionActor(unionId);
		Ids.requireNotFuture(request.deliveredOn(), this.clock, "deliveredOn");
		var union = this.unions.find(unionId)
			.orElseThrow(() -> ApiException.unknownReference(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
		if (!union.isOpenOn(request.deliveredOn())) {
			throw ApiException.of(Rule.UNION_NOT_OPEN, "unionId",
					"the union was not established yet or already dissolved on that date");
		}
		// Whether the union holds or serves the member on the day is the aggregate's
		// guard;
		// a malformed id gets the same answer as an unknown one.
		MemberId memberId = null;
		if (request.memberId() != null) {
			memberId = Ids.member(request.memberId()).orElseThrow(() -> MemberDirectory.unknownMember("memberId"));
		}
		ServiceId serviceId = new ServiceId("s-" + UUID.randomUUID());
		int personTimes = (request.personTimes() != null) ? request.personTimes() : 1;
		this.commands.sendAndWait(new RecordServiceDelivered(serviceId, unionId, memberId, request.type(),
				request.campaign(), request.deliveredOn(), personTimes, request.amountYuan(), this.actors.current()));
		this.freshness.awaitOwnWrites();
		return ResponseEntity.created(URI.create("/api/services/" + serviceId.value()))
			.body(Map.of("serviceId", serviceId.value()));
	}

}
