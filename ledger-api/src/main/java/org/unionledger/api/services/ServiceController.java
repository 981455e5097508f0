package org.unionledger.api.services;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.support.Ids;
import org.unionledger.service.Campaign;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.union.UnionId;

/** Recording services delivered to members and non-members. */
@RestController
@RequestMapping("/api/services")
public class ServiceController {

	private final Services services;

	private final AccessScopes scopes;

	public ServiceController(Services services, AccessScopes scopes) {
		this.services = services;
		this.scopes = scopes;
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
	 * @param confirmBackdating {@code true} to go ahead when the day lies in a
	 * statistical year whose report is signed (the refusal lists the reports it flags)
	 */
	public record ServiceRequest(
			@Schema(example = "sjz-chang-an-construction-01") @NotBlank @Size(max = 64) String unionId,
			@Schema(example = "m-oz4njx4bwlschfqh6vct6fq3c4") @Size(max = 64) String memberId,
			@Schema(example = "SEASONAL_CARE") @NotNull ServiceType type,
			@Schema(example = "SUMMER_COOLING") Campaign campaign,
			@Schema(example = "2026-03-01") @NotNull LocalDate deliveredOn,
			@Schema(example = "40") @Min(1) @Max(100000) Integer personTimes,
			@Schema(example = "2000.50") @NotNull @DecimalMin("0.00") @DecimalMax("100000000.00") @Digits(integer = 9,
					fraction = 2) BigDecimal amountYuan,
			@Schema(description = "true to go ahead when the day lies in a statistical year whose report is signed",
					example = "false") Boolean confirmBackdating) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public ResponseEntity<RecordedService> record(@Valid @RequestBody ServiceRequest request) {
		UnionId unionId = Ids.requireUnion(request.unionId(), "unionId");
		this.scopes.requireUnionActor(unionId);
		ServiceId serviceId = this.services.record(unionId, request.memberId(), request.type(), request.campaign(),
				request.deliveredOn(), request.personTimes(), request.amountYuan(),
				Boolean.TRUE.equals(request.confirmBackdating()));
		return ResponseEntity.created(URI.create("/api/services/" + serviceId.value()))
			.body(new RecordedService(serviceId.value()));
	}

}
