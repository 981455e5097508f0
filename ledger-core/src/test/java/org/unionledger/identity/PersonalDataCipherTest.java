package org.unionledger.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

	private static final byte[] KEY_1 = filled(1);

	private static final byte[] KEY_2 = filled(2);

	private static final PersonalData PERSON = new PersonalData(
			ResidentId.parse("13010219900107123X", LocalDate.of(2026, 6, 15)), "张三");

	private final SecureRandom random = new SecureRandom();

	@Test
	void decryptGivesBackWhatWasEncrypted() {
		PersonalDataCipher cipher = new PersonalDataCipher("k1", KEY_1);

		EncryptedPersonalData encrypted = cipher.encrypt(PERSON, this.random);

		assertThat(encrypted.keyRef()).isEqualTo("k1");
		assertThat(cipher.decrypt(encrypted)).isEqualTo(PERSON);
	}

	@Test
	void ciphertextHidesTheDataAndDiffersEachTime() {
		PersonalDataCipher cipher = new PersonalDataCipher("k1", KEY_1);

		EncryptedPersonalData first = cipher.encrypt(PERSON, this.random);
		EncryptedPersonalData second = cipher.encrypt(PERSON, this.random);

		assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
		String decoded = new String(Base64.getDecoder().decode(first.ciphertext()), StandardCharsets.UTF_8);
		assertThat(decoded).doesNotContain("13010219900107123X").doesNotContain("张三");
		// 12-byte IV + plaintext + 16-byte tag
		assertThat(Base64.getDecoder().decode(first.ciphertext()).length).isGreaterThan(12 + 16 + 18);
	}

	@Test
	void alteredCiphertextIsDetected() {
		PersonalDataCipher cipher = new PersonalDataCipher("k1", KEY_1);
		byte[] bytes = Base64.getDecoder().decode(cipher.encrypt(PERSON, this.random).ciphertext());
		bytes[20] ^= 0x01;

		assertThatExceptionOfType(UnreadablePersonalDataException.class)
			.isThrownBy(
					() -> cipher.decrypt(new EncryptedPersonalData("k1", Base64.getEncoder().encodeToString(bytes))))
			.withMessageContaining("authentication");
	}

	@Test
	void ciphertextCannotBeRelabelledWithAnotherKeyRef() {
		PersonalDataCipher both = new PersonalDataCipher("k1", Map.of("k1", KEY_1, "k2", KEY_1.clone()));
		EncryptedPersonalData encrypted = both.encrypt(PERSON, this.random);

		assertThatExceptionOfType(UnreadablePersonalDataException.class)
			.isThrownBy(() -> both.decrypt(new EncryptedPersonalData("k2", encrypted.ciphertext())));
	}

	@Test
	void theWrongKeyCannotDecrypt() {
		EncryptedPersonalData encrypted = new PersonalDataCipher("k1", KEY_1).encrypt(PERSON, this.random);

		assertThatExceptionOfType(UnreadablePersonalDataException.class)
			.isThrownBy(() -> new PersonalDataCipher("k1", KEY_2).decrypt(encrypted));
	}

	@Test
	void anUnknownKeyRefIsReportedClearly() {
		EncryptedPersonalData encrypted = new PersonalDataCipher("k1", KEY_1).encrypt(PERSON, this.random);

		assertThatExceptionOfType(UnreadablePersonalDataException.class)
			.isThrownBy(() -> new PersonalDataCipher("k2", KEY_2).decrypt(encrypted))
			.withMessageContaining("no key 'k1'");
	}

	@Test
	void afterRotationNewDataUsesTheCurrentKeyAndOldDataStaysReadable() {
		EncryptedPersonalData old = new PersonalDataCipher("k1", KEY_1).encrypt(PERSON, this.random);
		PersonalDataCipher rotated = new PersonalDataCipher("k2", Map.of("k1", KEY_1, "k2", KEY_2));

		EncryptedPersonalData fresh = rotated.encrypt(PERSON, this.random);

		assertThat(fresh.keyRef()).isEqualTo("k2");
		assertThat(rotated.decrypt(fresh)).isEqualTo(PERSON);
		assertThat(rotated.decrypt(old)).isEqualTo(PERSON);
		assertThatExceptionOfType(UnreadablePersonalDataException.class)
			.isThrownBy(() -> new PersonalDataCipher("k1", KEY_1).decrypt(fresh));
	}

	@Test
	void keysMustBe32BytesAndTheCurrentKeyMustBeKnown() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataCipher("k1", new byte[16]));
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataCipher("k3", Map.of("k1", KEY_1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataCipher(" ", KEY_1));
	}

	@Test
	void toStringShowsNeitherKeysNorData() {
		PersonalDataCipher cipher = new PersonalDataCipher("k1", KEY_1);

		assertThat(cipher.toString()).contains("k1").doesNotContain(Arrays.toString(KEY_1));
		assertThat(PERSON.toString()).isEqualTo("PersonalData[residentId=1301**********123X, name=张*]");
	}

	private static byte[] filled(int value) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) value);
		return key;
	}

}
