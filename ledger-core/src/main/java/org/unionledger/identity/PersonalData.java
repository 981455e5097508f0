package org.unionledger.identity;

/**
 * A person's real-name data in clear text: only ever held in memory, encrypted with
 * {@link PersonalDataCipher} before it is stored.
 * <p>
 * A name entering the ledger comes as a checked {@link PersonName}
 * ({@link #PersonalData(ResidentId, PersonName)}); the constructor taking text is for
 * data read back from events, which is not checked again.
 *
 * @param residentId the validated resident ID
 * @param name the name as on the ID card
 */
public record PersonalData(ResidentId residentId, String name) {

	public PersonalData {
		if (residentId == null) {
			throw new IllegalArgumentException("personal data needs a resident ID");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("personal data needs a name");
		}
	}

	/** Personal data of a name checked where it entered. */
	public PersonalData(ResidentId residentId, PersonName name) {
		this(residentId, name.value());
	}

	/** Masks both the ID and the name (all but its first character). */
	@Override
	public String toString() {
		String maskedName = this.name.substring(0, this.name.offsetByCodePoints(0, 1))
				+ "*".repeat(this.name.codePointCount(0, this.name.length()) - 1);
		return "PersonalData[residentId=" + this.residentId.masked() + ", name=" + maskedName + "]";
	}

}
