package org.unionledger.api.members;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.FederationFingerprints;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.UnreadablePersonalDataException;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.rosters.PersonTokens;
import org.unionledger.projections.support.ReadModelBatch;

/**
 * What the rosters keep of each member's personal data ({@link PersonTokens}): the name's
 * search token ({@link MemberIdentities#nameToken}) and, in a federation, the federation
 * fingerprint with the federation key's check value. Each event's data is opened with the
 * person's key, read through the running read-model batch (so a batch's dry run has the
 * keys of the whole batch read in one {@code _id $in} of {@value PersonalDataVault#KEYS};
 * nothing is written there). Data whose key was destroyed gives nothing.
 */
public class MemberTokens implements PersonTokens {

	private final PersonalDataVault vault;

	private final MemberIdentities identities;

	/** The federation's fingerprints, or {@code null} for a ledger in no federation. */
	private final FederationFingerprints fingerprints;

	/**
	 * Tokens of data opened lately: a batch's dry run opens each event's data to learn
	 * what the batch needs, and the run itself would open it again.
	 */
	private final Map<EncryptedPersonalData, Tokens> opened = Collections
		.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<EncryptedPersonalData, Tokens> eldest) {
				return size() > 4_096;
			}
		});

	public MemberTokens(PersonalDataVault vault, MemberIdentities identities, FederationFingerprints fingerprints) {
		this.vault = vault;
		this.identities = identities;
		this.fingerprints = fingerprints;
	}

	/** A person's fingerprint as the rosters keep it: with the key's check value. */
	private static String kept(FederationFingerprints fingerprints, PersonFingerprint person) {
		return fingerprints.keyCheck() + ":" + person.value();
	}

	/**
	 * The fingerprint a roster kept
	 * ({@link org.unionledger.projections.rosters.RosterView.Entry#person}), if it was
	 * made under the federation's current key.
	 */
	public static Optional<PersonFingerprint> fingerprintKept(String kept, FederationFingerprints fingerprints) {
		String check = fingerprints.keyCheck() + ":";
		return (kept != null && kept.startsWith(check))
				? Optional.of(new PersonFingerprint(kept.substring(check.length()))) : Optional.empty();
	}

	@Override
	public Tokens tokensOf(MemberId member, EncryptedPersonalData data) {
		Tokens tokens = this.opened.get(data);
		if (tokens != null) {
			return tokens;
		}
		Document key = ReadModelBatch.current().document(PersonalDataVault.KEYS, member.value());
		PersonalData person;
		try {
			person = this.vault.decrypt(data, key.containsKey("keyRef") ? key : null);
		}
		catch (UnreadablePersonalDataException ex) {
			// erased (or, in a batch's dry run, its key not read yet)
			return Tokens.NONE;
		}
		tokens = new Tokens(this.identities.nameToken(person.name()), (this.fingerprints != null)
				? kept(this.fingerprints, this.fingerprints.fingerprintOf(person.residentId())) : null);
		this.opened.put(data, tokens);
		return tokens;
	}

}
