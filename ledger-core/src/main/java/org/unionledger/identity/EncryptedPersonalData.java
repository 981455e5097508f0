package org.unionledger.identity;

/**
 * A person's name and resident ID as ciphertext (AES-GCM). Events carry only this, never
 * the clear text. {@code keyRef} names the key that can open it, so that destroying that
 * key makes the data unreadable everywhere (crypto-shredding) while the event stays.
 *
 * @param keyRef which key encrypted it
 * @param ciphertext Base64 of IV and ciphertext
 */
public record EncryptedPersonalData(String keyRef, String ciphertext) {

	public EncryptedPersonalData {
		if (keyRef == null || keyRef.isBlank() || ciphertext == null || ciphertext.isBlank()) {
			throw new IllegalArgumentException("encrypted personal data needs a key reference and ciphertext");
		}
	}

}
