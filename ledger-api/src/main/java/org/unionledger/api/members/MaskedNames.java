package org.unionledger.api.members;

import org.springframework.stereotype.Component;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.identity.UnreadablePersonalDataException;
import org.unionledger.membership.MemberId;

/**
 * A member's name as those without disclosure rights read it ({@code 张**}: the first
 * character, the rest starred, as in member histories), decrypted from the member's own
 * stream when asked and never stored: read models hold no names.
 */
@Component
public class MaskedNames {

	/** Shown for a person whose data key was destroyed (erased). */
	static final String ERASED = "[erased]";

	private final MemberRecords records;

	private final PersonalDataVault vault;

	public MaskedNames(MemberRecords records, PersonalDataVault vault) {
		this.records = records;
		this.vault = vault;
	}

	/**
	 * The member's masked name, {@code [erased]} once erased, or {@code null} unknown.
	 */
	public String of(MemberId member) {
		return this.records.personalData(member).map((data) -> {
			try {
				return MemberRecords.maskName(this.vault.decrypt(data).name());
			}
			catch (UnreadablePersonalDataException ex) {
				return ERASED;
			}
		}).orElse(null);
	}

}
