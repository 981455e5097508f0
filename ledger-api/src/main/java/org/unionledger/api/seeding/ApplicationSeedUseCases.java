package org.unionledger.api.seeding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.unionledger.api.members.Enrollments;
import org.unionledger.api.members.MemberWork;
import org.unionledger.api.members.Transfers;
import org.unionledger.api.services.Services;
import org.unionledger.api.statistics.Targets;
import org.unionledger.api.unions.Unions;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.ResidentId;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.Commands.AcceptTransfer;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.Commands.IssueTransferCredential;
import org.unionledger.membership.Commands.PutMembershipOnHold;
import org.unionledger.membership.Commands.TerminateMembership;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.TerminationReason;
import org.unionledger.seeds.SeedUseCases;
import org.unionledger.service.Campaign;
import org.unionledger.service.Commands.RecordServiceDelivered;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.targets.Commands.SetEnrollmentTarget;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.Commands.DissolveUnion;
import org.unionledger.union.Commands.RegisterUnion;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionType;

/**
 * The demo's seeds make each command as every other edge does: through
 * {@link Enrollments} (member ids, encryption, the enrollment) and the other application
 * services ({@link Transfers}, {@link MemberWork}, {@link Services}, {@link Unions},
 * {@link Targets}), which also send them for the HTTP routes.
 */
public final class ApplicationSeedUseCases implements SeedUseCases {

	private final Function<ResidentId, MemberId> memberIds;

	private final Function<List<PersonalData>, List<EncryptedPersonalData>> encryption;

	/**
	 * @param memberIds the keyed member id of a resident ID
	 * @param encryption people's data encrypted, in order
	 */
	public ApplicationSeedUseCases(Function<ResidentId, MemberId> memberIds,
			Function<List<PersonalData>, List<EncryptedPersonalData>> encryption) {
		this.memberIds = memberIds;
		this.encryption = encryption;
	}

	/** With the application's member ids and per-person keys, as every enrollment. */
	public static ApplicationSeedUseCases of(Enrollments enrollments) {
		return new ApplicationSeedUseCases(enrollments::memberIdOf, enrollments::encryptAll);
	}

	@Override
	public MemberId memberIdOf(ResidentId residentId) {
		return this.memberIds.apply(residentId);
	}

	@Override
	public EncryptedPersonalData encrypt(PersonalData personalData) {
		return this.encryption.apply(List.of(personalData)).get(0);
	}

	@Override
	public List<EncryptedPersonalData> encryptAll(List<PersonalData> people) {
		return this.encryption.apply(people);
	}

	@Override
	public EnrollMember enrollment(MemberId memberId, EncryptedPersonalData personalData, UnionId unionId,
			LocalDate effectiveDate, EnrollmentChannel channel, RecordedBy by) {
		return Enrollments.enrollment(memberId, personalData, unionId, effectiveDate, channel, by);
	}

	@Override
	public IssueTransferCredential credential(MemberId memberId, CredentialCode code, UnionId issuingUnionId,
			UnionId toUnionId, LocalDate issuedOn, int validityDays, RecordedBy by) {
		return Transfers.credential(memberId, code, issuingUnionId, toUnionId, issuedOn, validityDays, by);
	}

	@Override
	public AcceptTransfer acceptance(MemberId memberId, CredentialCode code, UnionId receivingUnionId,
			LocalDate effectiveDate, RecordedBy by) {
		return Transfers.acceptance(memberId, code, receivingUnionId, effectiveDate, by);
	}

	@Override
	public PutMembershipOnHold onHold(MemberId memberId, LocalDate effectiveDate, String reason, RecordedBy by) {
		return MemberWork.onHold(memberId, effectiveDate, reason, by);
	}

	@Override
	public TerminateMembership termination(MemberId memberId, LocalDate effectiveDate, TerminationReason reason,
			RecordedBy by) {
		return MemberWork.termination(memberId, effectiveDate, reason, by);
	}

	@Override
	public RecordServiceDelivered delivery(ServiceId serviceId, UnionId unionId, MemberId memberId, ServiceType type,
			Campaign campaign, LocalDate deliveredOn, int personTimes, BigDecimal amountYuan, RecordedBy by) {
		return Services.delivery(serviceId, unionId, memberId, type, campaign, deliveredOn, personTimes, amountYuan,
				by);
	}

	@Override
	public RegisterUnion registration(UnionId unionId, String name, UnionType type, Sector sector,
			JurisdictionCode jurisdictionCode, LocalDate establishedOn, RecordedBy by) {
		return Unions.registration(unionId, name, type, sector, jurisdictionCode, establishedOn, by);
	}

	@Override
	public DissolveUnion dissolution(UnionId unionId, LocalDate effectiveDate, String reason, RecordedBy by) {
		return Unions.dissolution(unionId, effectiveDate, reason, by);
	}

	@Override
	public SetEnrollmentTarget target(JurisdictionCode jurisdictionCode, int statisticalYear, TargetSource source,
			long target, LocalDate effectiveDate, RecordedBy by) {
		return Targets.target(jurisdictionCode, statisticalYear, source, target, effectiveDate, by);
	}

}
