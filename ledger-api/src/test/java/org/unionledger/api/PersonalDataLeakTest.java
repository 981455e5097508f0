package org.unionledger.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.unionledger.identity.ResidentId;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.seeds.MemberSeed;
import org.unionledger.seeds.MemberStep;
import org.unionledger.seeds.SeedPlan;
import org.unionledger.seeds.UnionSeed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No clear resident ID or name anywhere but in memory: the test scans every document of
 * every collection of the store (events, snapshots, read models, tokens, idempotency
 * records, import jobs) and the whole log of this test run for every seeded member's ID
 * (as written and normalised) and name, for the people this test enrols through every
 * path, and for any number shaped like the synthetic IDs the tests use.
 */
class PersonalDataLeakTest extends ApiTestSupport {

	/** 15- or 18-character numbers with the synthetic address codes 1398xx/1399xx. */
	private static final Pattern SYNTHETIC_ID = Pattern
		.compile("(?<![0-9])139[89](?:[0-9]{11}|[0-9]{13}[0-9Xx])(?![0-9])");

	/**
	 * A hex digest (the seal chain's hashes, signatures): its decimal runs are chance,
	 * and one in a few thousand runs holds fifteen digits starting 1398 or 1399. Such
	 * words are left out of the shape scan only; the scan for the seeded IDs themselves
	 * still reads them.
	 */
	private static final Pattern HEX_DIGEST = Pattern
		.compile("(?<![0-9A-Za-z])(?=[0-9]*[a-f])[0-9a-f]{40,}(?![0-9A-Za-z])");

	@Autowired
	MongoDatabase database;

	@Test
	void noClearIdOrNameInAnyCollectionOrInTheLog() throws IOException {
		Set<String> secrets = new LinkedHashSet<>();
		Set<String> names = new LinkedHashSet<>();
		SeedPlan plan = SeedPlan.generate(20210501L, 100);
		for (MemberSeed member : plan.members()) {
			secrets.add(member.residentIdAsWritten());
			secrets.add(ResidentId.parse(member.residentIdAsWritten(), SeedPlan.WINDOW_END).value());
			names.add(member.name());
			for (MemberStep step : member.steps()) {
				if (step instanceof MemberStep.DuplicateEnrollment duplicate) {
					secrets.add(duplicate.residentIdAsWritten());
				}
			}
		}
		ensureUnion("os-sjz-a", "130102");
		for (String name : List.of("诸葛明月", "司马青云")) {
			String residentId = residentId();
			String member = enroll(TestUsers.SJZ_OFFICER, residentId, name, "os-sjz-a");
			as(TestUsers.SJZ_SUPERVISOR).getForEntity("/api/members/" + member + "/personal-data?purpose=leak test",
					Map.class);
			ResponseEntity<Map> duplicate = as(TestUsers.SJZ_OFFICER).postForEntity("/api/members",
					Map.of("residentId", residentId.toLowerCase(), "name", name, "unionId", "os-sjz-a", "effectiveDate",
							TODAY.toString(), "channel", "ONLINE"),
					Map.class);
			assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			String mistyped = residentId.substring(0, 17) + (residentId.charAt(17) == '0' ? '1' : '0');
			as(TestUsers.SJZ_OFFICER).postForEntity("/api/members", Map.of("residentId", mistyped, "name", name,
					"unionId", "os-sjz-a", "effectiveDate", TODAY.toString(), "channel", "ON_SITE"), Map.class);
			secrets.add(residentId);
			secrets.add(mistyped);
			names.add(name);
		}
		secrets.addAll(LeakScan.extraSecrets());
		names.addAll(LeakScan.extraNames());

		Set<String> harmless = new LinkedHashSet<>();
		plan.unions().stream().map(UnionSeed::name).forEach(harmless::add);
		JurisdictionTable.bundled().all().stream().map(Jurisdiction::name).forEach(harmless::add);

		List<String> findings = new ArrayList<>();
		int documents = 0;
		boolean sawCiphertext = false;
		for (String collection : this.database.listCollectionNames()) {
			for (Document document : this.database.getCollection(collection).find()) {
				documents++;
				StringBuilder text = new StringBuilder();
				strings(document, text);
				sawCiphertext |= text.indexOf("ciphertext") >= 0;
				scan(collection + "/" + document.get("_id"), text.toString(), secrets, names, harmless, findings);
			}
		}
		assertThat(documents).as("the store holds the seed data").isGreaterThan(300);
		assertThat(sawCiphertext).as("event payloads are read as text (encrypted personal data seen)").isTrue();
		Path log = Path.of("target/ledger-test.log");
		assertThat(log).exists();
		String logText = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(logText).contains("Seed plan 20210501 loaded");
		scan("log", logText, secrets, names, harmless, findings);

		assertThat(findings).as("clear personal data found").isEmpty();
	}

	@Test
	void aDigestWithADecimalRunIsNotIdShapedButAnIdBesideItIs() {
		String digest = "a7" + "139812345678901" + "f00d".repeat(12);
		List<String> findings = new ArrayList<>();
		scan("digest", "chainHash\n" + digest + "\n", Set.of(), Set.of(), Set.of(), findings);
		assertThat(findings).isEmpty();
		scan("id", "chainHash\n" + digest + "\nid 139812345678901234\n", Set.of(), Set.of(), Set.of(), findings);
		assertThat(findings).containsExactly("id: an ID-shaped number at " + ("chainHash\n#\nid ".length()));
		findings.clear();
		scan("old", "139812850101123 13981219850101123x", Set.of(), Set.of(), Set.of(), findings);
		assertThat(findings).hasSize(2);
	}

	private static void scan(String where, String text, Set<String> secrets, Set<String> names, Set<String> harmless,
			List<String> findings) {
		for (String secret : secrets) {
			if (text.contains(secret)) {
				findings.add(where + ": a resident ID");
			}
		}
		Matcher shaped = SYNTHETIC_ID.matcher(HEX_DIGEST.matcher(text).replaceAll("#"));
		while (shaped.find()) {
			findings.add(where + ": an ID-shaped number at " + shaped.start());
		}
		if (names.stream().noneMatch(text::contains)) {
			return;
		}
		// A short name can be part of a union's or a place's name: look again without
		// them.
		String cleaned = text;
		for (String phrase : harmless) {
			cleaned = cleaned.replace(phrase, "");
		}
		for (String name : names) {
			if (cleaned.contains(name)) {
				findings.add(where + ": a name");
			}
		}
	}

	private static void strings(Object value, StringBuilder out) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> {
				out.append(k).append('\n');
				strings(v, out);
			});
		}
		else if (value instanceof Iterable<?> items) {
			items.forEach(item -> strings(item, out));
		}
		else if (value instanceof Binary binary) {
			out.append(new String(binary.getData(), StandardCharsets.UTF_8)).append('\n');
		}
		else if (value instanceof byte[] bytes) {
			out.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
		}
		else if (value != null) {
			out.append(value).append('\n');
		}
	}

}
