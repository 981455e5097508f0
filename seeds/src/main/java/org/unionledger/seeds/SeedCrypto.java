package org.unionledger.seeds;

import java.security.SecureRandom;
import java.util.Objects;

import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.PersonalDataCipher;
import org.unionledger.identity.ResidentId;
import org.unionledger.membership.MemberId;

/**
 * The ledger's keys as the loader needs them: the keyed member id of a resident ID and
 * the encryption of personal data for the enrollment command. Both must be the ones the
 * application itself uses, or seeded members would not be found again.
 */
public interface SeedCrypto {

	MemberId memberIdOf(ResidentId residentId);

	EncryptedPersonalData encrypt(PersonalData personalData);

	/**
	 * Encrypts several people's data, in order; one at a time unless the application does
	 * it together.
	 */
	default java.util.List<EncryptedPersonalData> encryptAll(java.util.List<PersonalData> people) {
		return people.stream().map(this::encrypt).toList();
	}

	/** The usual implementation, with the application's key material. */
	static SeedCrypto of(MemberIdentities identities, PersonalDataCipher cipher, SecureRandom random) {
		Objects.requireNonNull(identities, "identities");
		Objects.requireNonNull(cipher, "cipher");
		Objects.requireNonNull(random, "random");
		return new SeedCrypto() {

			@Override
			public MemberId memberIdOf(ResidentId residentId) {
				return identities.memberIdOf(residentId);
			}

			@Override
			public EncryptedPersonalData encrypt(PersonalData personalData) {
				return cipher.encrypt(personalData, random);
			}

		};
	}

}
