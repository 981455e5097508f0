package org.unionledger.api.personaldata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.unionledger.eventstore.MongoDuplicateKeyResolver;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.PersonalDataCipher;
import org.unionledger.identity.UnreadablePersonalDataException;
import org.unionledger.membership.MemberId;

/**
 * One data key per person, so that a person's name and ID can be erased everywhere by
 * destroying one key (crypto-shredding) while every event, figure and hash stays as it
 * is.
 * <p>
 * Keys live in {@code person_keys}, keyed by member id, wrapped (AES-GCM) with the
 * configured master key; the key reference in each event names the member and the key's
 * generation ({@code pk:<memberId>:<random>}), so a person who enrolls again after an
 * erasure gets a new key and the erased data stays unreadable. Data encrypted before
 * per-person keys existed names the master key and is opened with it. Backups of
 * {@code person_keys} must be kept apart from backups of the events (and expire), or an
 * erased key survives in them.
 */
public class PersonalDataVault {

	/** Most keys of one {@code _id $in} read. */
	static final int KEYS_PER_READ = 256;

	private static final String PREFIX = "pk:";

	private final MongoCollection<Document> keys;

	private final PersonalDataCipher masterCipher;

	private final byte[] masterKey;

	private final SecureRandom random;

	private final Clock clock;

	public PersonalDataVault(MongoDatabase database, PersonalDataCipher masterCipher, byte[] masterKey,
			SecureRandom random, Clock clock) {
		this.keys = database.getCollection(KEYS);
		this.masterCipher = masterCipher;
		this.masterKey = masterKey.clone();
		this.random = random;
		this.clock = clock;
	}

	/** Encrypts a person's data with their own key, creating it on first use. */
	public EncryptedPersonalData encrypt(MemberId memberId, PersonalData data) {
		Document key = currentKey(memberId).orElseGet(() -> createKey(memberId));
		return cipherFor(key).encrypt(data, this.random);
	}

	/**
	 * Encrypts many people's data, each with their own key, reading the keys in one
	 * {@code _id $in} (at most {@value #KEYS_PER_READ} a read) and creating the missing
	 * ones in one unordered insert; a key another request created meanwhile is read and
	 * used, as in {@link #encrypt}.
	 * @return the encrypted data, by member
	 */
	public Map<MemberId, EncryptedPersonalData> encryptAll(Map<MemberId, PersonalData> people) {
		Map<String, Document> keys = new HashMap<>();
		List<String> ids = people.keySet().stream().map(MemberId::value).distinct().toList();
		for (int from = 0; from < ids.size(); from += KEYS_PER_READ) {
			readKeys(ids.subList(from, Math.min(ids.size(), from + KEYS_PER_READ)), keys);
		}
		List<Document> created = new ArrayList<>();
		for (String id : ids) {
			if (!keys.containsKey(id)) {
				Document key = newKey(new MemberId(id));
				created.add(key);
				keys.put(id, key);
			}
		}
		if (!created.isEmpty()) {
			try {
				this.keys.insertMany(created, new InsertManyOptions().ordered(false));
			}
			catch (MongoBulkWriteException ex) {
				List<String> lost = new ArrayList<>();
				for (BulkWriteError error : ex.getWriteErrors()) {
					if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
						throw ex;
					}
					lost.add(created.get(error.getIndex()).getString("_id"));
				}
				// Another request created these people's keys first: use those.
				lost.forEach(keys::remove);
				readKeys(lost, keys);
				if (!keys.keySet().containsAll(lost)) {
					throw ex;
				}
			}
		}
		Map<MemberId, EncryptedPersonalData> encrypted = new LinkedHashMap<>();
		people.forEach((memberId, data) -> encrypted.put(memberId,
				cipherFor(keys.get(memberId.value())).encrypt(data, this.random)));
		return encrypted;
	}

	private void readKeys(List<String> ids, Map<String, Document> into) {
		for (Document key : this.keys.find(Filters.in("_id", ids)).batchSize(Math.max(2, ids.size()))) {
			into.put(key.getString("_id"), key);
		}
	}

	/**
	 * Opens encrypted data.
	 * @throws UnreadablePersonalDataException when its key was destroyed or does not fit
	 */
	public PersonalData decrypt(EncryptedPersonalData data) {
		if (!data.keyRef().startsWith(PREFIX)) {
			return this.masterCipher.decrypt(data);
		}
		String memberId = data.keyRef().substring(PREFIX.length(), data.keyRef().lastIndexOf(':'));
		return decrypt(data, currentKey(new MemberId(memberId)).orElse(null));
	}

	/** The collection holding the people's keys, one document per member id. */
	public static final String KEYS = "person_keys";

	/**
	 * Opens encrypted data with its person's key document as already read (a read-model
	 * batch reads the keys of a whole batch of events in one {@code _id $in}, by member
	 * id), instead of reading it again.
	 * @param personKey the key document of the member the data's key names, or
	 * {@code null} when there is none
	 * @throws UnreadablePersonalDataException when the key was destroyed or is not the
	 * one the data names
	 */
	public PersonalData decrypt(EncryptedPersonalData data, Document personKey) {
		if (!data.keyRef().startsWith(PREFIX)) {
			return this.masterCipher.decrypt(data);
		}
		if (personKey == null || !data.keyRef().equals(personKey.getString("keyRef"))) {
			throw new UnreadablePersonalDataException("the key of this personal data was destroyed");
		}
		return cipherFor(personKey).decrypt(data);
	}

	/**
	 * Destroys the person's current key; returns its reference, or empty when there was
	 * none.
	 */
	public Optional<String> destroyKey(MemberId memberId) {
		Document removed = this.keys.findOneAndDelete(Filters.eq("_id", memberId.value()));
		return Optional.ofNullable(removed).map(d -> d.getString("keyRef"));
	}

	/** The reference of the person's current key, if they have one. */
	public Optional<String> currentKeyRef(MemberId memberId) {
		return currentKey(memberId).map(d -> d.getString("keyRef"));
	}

	private Optional<Document> currentKey(MemberId memberId) {
		return Optional.ofNullable(this.keys.find(Filters.eq("_id", memberId.value())).first());
	}

	private Document createKey(MemberId memberId) {
		Document key = newKey(memberId);
		try {
			this.keys.insertOne(key);
			return key;
		}
		catch (MongoException ex) {
			if (!MongoDuplicateKeyResolver.isDuplicateKey(ex)) {
				throw ex;
			}
			// Another request created the person's key first: use that one.
			return currentKey(memberId).orElseThrow(() -> ex);
		}
	}

	private Document newKey(MemberId memberId) {
		byte[] dataKey = new byte[32];
		this.random.nextBytes(dataKey);
		byte[] generation = new byte[6];
		this.random.nextBytes(generation);
		String keyRef = PREFIX + memberId.value() + ":"
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(generation);
		Document key = new Document("_id", memberId.value()).append("keyRef", keyRef)
			.append("wrapped", wrap(dataKey, keyRef))
			.append("createdAt", this.clock.millis());
		return key;
	}

	private PersonalDataCipher cipherFor(Document key) {
		String keyRef = key.getString("keyRef");
		return new PersonalDataCipher(keyRef, unwrap(key.getString("wrapped"), keyRef));
	}

	private String wrap(byte[] dataKey, String keyRef) {
		try {
			byte[] iv = new byte[12];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(this.masterKey, "AES"), new GCMParameterSpec(128, iv));
			cipher.updateAAD(keyRef.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(dataKey);
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot wrap a data key", ex);
		}
	}

	private byte[] unwrap(String wrapped, String keyRef) {
		try {
			byte[] in = Base64.getDecoder().decode(wrapped);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(this.masterKey, "AES"),
					new GCMParameterSpec(128, in, 0, 12));
			cipher.updateAAD(keyRef.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return cipher.doFinal(in, 12, in.length - 12);
		}
		catch (GeneralSecurityException ex) {
			throw new UnreadablePersonalDataException("a person's data key cannot be unwrapped with the master key");
		}
	}

}
