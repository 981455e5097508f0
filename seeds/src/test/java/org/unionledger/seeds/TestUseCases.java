package org.unionledger.seeds;

import java.math.BigDecimal;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.Commands.AcceptTransfer;
import org.unionledger.membership.Commands.IssueTransferCredential;
import org.unionledger.membership.Commands.PutMembershipOnHold;
import org.unionledger.membership.Commands.TerminateMembership;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.TerminationReason;
import org.unionledger.service.Campaign;
import org.unionledger.service.Commands.RecordServiceDelivered;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.targets.Commands.SetEnrollmentTarget;
import org.unionledger.targets.TargetId;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.Commands.DissolveUnion;
import org.unionledger.union.Commands.RegisterUnion;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.ResidentId;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionId;

/**
 * Member ids from a fixed HMAC key; "encryption" that is deterministic and names only the
 * member id, so that commands of two loads compare equal; the commands as the core
 * defines them (the application makes them in its services).
 */
final class TestUseCases implements SeedUseCases {

	private final MemberIdentities identities;

	TestUseCases() {
		byte[] key = new byte[MemberIdentities.MIN_KEY_BYTES];
		Arrays.fill(key, (byte) 7);
		System.arraycopy("seed-test-key".getBytes(StandardCharsets.US_ASCII), 0, key, 0, 13);
		this.identities = new MemberIdentities(key);
	}

	@Override
	public MemberId memberIdOf(ResidentId residentId) {
		return this.identities.memberIdOf(residentId);
	}

	@Override
	public EncryptedPersonalData encrypt(PersonalData personalData) {
		return new EncryptedPersonalData("test", "sealed-" + memberIdOf(personalData.residentId()).value());
	}

	@Override
	public EnrollMember enrollment(MemberId memberId, EncryptedPersonalData personalData, UnionId unionId,
			LocalDate effectiveDate, EnrollmentChannel channel, RecordedBy by) {
		return new EnrollMember(memberId, personalData, unionId, effectiveDate, channel, by);
	}

	@Override
	public IssueTransferCredential credential(MemberId memberId, CredentialCode code, UnionId issuingUnionId,
			UnionId toUnionId, LocalDate issuedOn, int validityDays, RecordedBy by) {
		return new IssueTransferCredential(memberId, code, issuingUnionId, toUnionId, issuedOn, validityDays, by);
	}

	@Override
	public AcceptTransfer acceptance(MemberId memberId, CredentialCode code, UnionId receivingUnionId,
			LocalDate effectiveDate, RecordedBy by) {
		return new AcceptTransfer(memberId, code, receivingUnionId, effectiveDate, by);
	}

	@Override
	public PutMembershipOnHold onHold(MemberId memberId, LocalDate effectiveDate, String reason, RecordedBy by) {
		return new PutMembershipOnHold(memberId, effectiveDate, reason, by);
	}

	@Override
	public TerminateMembership termination(MemberId memberId, LocalDate effectiveDate, TerminationReason reason,
			RecordedBy by) {
		return new TerminateMembership(memberId, effectiveDate, reason, by);
	}

	@Override
	public RecordServiceDelivered delivery(ServiceId serviceId, UnionId unionId, MemberId memberId, ServiceType type,
			Campaign campaign, LocalDate deliveredOn, int personTimes, BigDecimal amountYuan, RecordedBy by) {
		return new RecordServiceDelivered(serviceId, unionId, memberId, type, campaign, deliveredOn, personTimes,
				amountYuan, by);
	}

	@Override
	public RegisterUnion registration(UnionId unionId, String name, UnionType type, Sector sector,
			JurisdictionCode jurisdictionCode, LocalDate establishedOn, RecordedBy by) {
		return new RegisterUnion(unionId, name, type, sector, jurisdictionCode, establishedOn, by);
	}

	@Override
	public DissolveUnion dissolution(UnionId unionId, LocalDate effectiveDate, String reason, RecordedBy by) {
		return new DissolveUnion(unionId, effectiveDate, reason, by);
	}

	@Override
	public SetEnrollmentTarget target(JurisdictionCode jurisdictionCode, int statisticalYear, TargetSource source,
			long target, LocalDate effectiveDate, RecordedBy by) {
		return new SetEnrollmentTarget(TargetId.of(jurisdictionCode, statisticalYear), jurisdictionCode,
				statisticalYear, source, target, effectiveDate, by);
	}

}
