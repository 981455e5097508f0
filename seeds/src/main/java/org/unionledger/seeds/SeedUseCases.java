package org.unionledger.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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
 * The application's use cases as the loader needs them: the keyed member id of a resident
 * ID, the encryption of personal data, and each command of the plan, made where the
 * application makes them for every other edge (the HTTP routes, imports, online
 * applications), so that a seeded member is found again and no use case is written twice.
 * The loader only chooses what happens when; it constructs no command itself.
 */
public interface SeedUseCases {

	MemberId memberIdOf(ResidentId residentId);

	EncryptedPersonalData encrypt(PersonalData personalData);

	/**
	 * Encrypts several people's data, in order; one at a time unless the application does
	 * it together.
	 */
	default List<EncryptedPersonalData> encryptAll(List<PersonalData> people) {
		return people.stream().map(this::encrypt).toList();
	}

	/**
	 * The command enrolling the person ({@code personalData} as {@link #encrypt} gave it)
	 * through the union on the day.
	 */
	EnrollMember enrollment(MemberId memberId, EncryptedPersonalData personalData, UnionId unionId,
			LocalDate effectiveDate, EnrollmentChannel channel, RecordedBy by);

	IssueTransferCredential credential(MemberId memberId, CredentialCode code, UnionId issuingUnionId,
			UnionId toUnionId, LocalDate issuedOn, int validityDays, RecordedBy by);

	AcceptTransfer acceptance(MemberId memberId, CredentialCode code, UnionId receivingUnionId, LocalDate effectiveDate,
			RecordedBy by);

	PutMembershipOnHold onHold(MemberId memberId, LocalDate effectiveDate, String reason, RecordedBy by);

	TerminateMembership termination(MemberId memberId, LocalDate effectiveDate, TerminationReason reason,
			RecordedBy by);

	/**
	 * @param memberId the member served, or {@code null}
	 */
	RecordServiceDelivered delivery(ServiceId serviceId, UnionId unionId, MemberId memberId, ServiceType type,
			Campaign campaign, LocalDate deliveredOn, int personTimes, BigDecimal amountYuan, RecordedBy by);

	RegisterUnion registration(UnionId unionId, String name, UnionType type, Sector sector,
			JurisdictionCode jurisdictionCode, LocalDate establishedOn, RecordedBy by);

	DissolveUnion dissolution(UnionId unionId, LocalDate effectiveDate, String reason, RecordedBy by);

	SetEnrollmentTarget target(JurisdictionCode jurisdictionCode, int statisticalYear, TargetSource source, long target,
			LocalDate effectiveDate, RecordedBy by);

}
