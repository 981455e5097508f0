package org.unionledger.seeds;

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
 * member id, so that commands of two loads compare equal; the enrollment command as the
 * core defines it (the application's is {@code Enrollments.enrollment}).
 */
final class TestEnrollments implements SeedEnrollments {

	private final MemberIdentities identities;

	TestEnrollments() {
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

}
