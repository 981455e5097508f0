package org.unionledger.api.members;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.UnreadablePersonalDataException;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.rosters.NameTokens;
import org.unionledger.projections.support.ReadModelBatch;

/**
 * The rosters' name tokens ({@link MemberIdentities#nameToken}): each event's personal
 * data opened with the person's key, read through the running read-model batch (so a
 * batch's dry run has the keys of the whole batch read in one {@code _id $in} of
 * {@value PersonalDataVault#KEYS}; nothing is written there). Data whose key was
 * destroyed gives no token.
 */
public class MemberNameTokens implements NameTokens {

	private final PersonalDataVault vault;

	private final MemberIdentities identities;

	/**
	 * Tokens of data opened lately: a batch's dry run opens each event's data to learn
	 * what the batch needs, and the run itself would open it again.
	 */
	private final Map<EncryptedPersonalData, String> opened = Collections
		.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<EncryptedPersonalData, String> eldest) {
				return size() > 4_096;
			}
		});

	public MemberNameTokens(PersonalDataVault vault, MemberIdentities identities) {
		this.vault = vault;
		this.identities = identities;
	}

	@Override
	public String tokenOf(MemberId member, EncryptedPersonalData data) {
		String token = this.opened.get(data);
		if (token != null) {
			return token;
		}
		Document key = ReadModelBatch.current().document(PersonalDataVault.KEYS, member.value());
		try {
			token = this.identities.nameToken(this.vault.decrypt(data, key.containsKey("keyRef") ? key : null).name());
		}
		catch (UnreadablePersonalDataException ex) {
			// erased (or, in a batch's dry run, its key not read yet)
			return null;
		}
		this.opened.put(data, token);
		return token;
	}

}
