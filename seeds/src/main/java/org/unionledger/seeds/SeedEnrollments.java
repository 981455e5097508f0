package org.unionledger.seeds;

import java.time.LocalDate;
import java.util.List;

import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.ResidentId;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionId;

/**
 * The application's enrollment use case as the loader needs it: the keyed member id of a
 * resident ID, the encryption of personal data, and the enrollment command itself, all
 * made where every other enrollment (the HTTP form, imports, online applications) makes
 * them, or seeded members would not be found again and an enrollment rule would live in
 * two places. The loader only chooses what to enroll and when.
 */
public interface SeedEnrollments {

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
	 * through the union on the day, recorded as {@code by}.
	 */
	EnrollMember enrollment(MemberId memberId, EncryptedPersonalData personalData, UnionId unionId,
			LocalDate effectiveDate, EnrollmentChannel channel, RecordedBy by);

}
