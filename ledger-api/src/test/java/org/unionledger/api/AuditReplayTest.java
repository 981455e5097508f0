package org.unionledger.api;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.unionledger.api.audit.ReplayCli;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.api.config.KeyMaterial;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonalDataCipher;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.seeds.SeedLoader;
import org.unionledger.seeds.SeedPlan;
import org.unionledger.seeds.UnionSeed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's replay ({@link ReplayCli}, called as the command line calls it) against
 * the API on the seed data: for every seeded jurisdiction (province, cities, counties and
 * zones) and every seeded union, as of three dates and once as known at an earlier day,
 * every field of the replay's JSON equals the API's; a tampered event makes it refuse.
 */
class AuditReplayTest extends ApiTestSupport {

	private static final SeedPlan PLAN = SeedPlan.generate(20210501L, 100);

	/** The end of the previous statistical year (2026). */
	private static final String END_OF_PREVIOUS_YEAR = "2026-09-30";

	/** A day inside the current statistical year (2027), before today. */
	private static final String INSIDE_CURRENT_YEAR = "2026-10-31";

	/** The day before the seeds were recorded (they are recorded on the fixed today). */
	private static final String KNOWN_AT = TODAY.minusDays(1).toString();

	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	@Autowired
	CommandGateway commands;

	@Autowired
	EventStore eventStore;

	@Autowired
	MemberIdentities identities;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	ProjectionFreshness freshness;

	@Autowired
	MongoDatabase database;

	@Autowired
	MongoClient client;

	@Autowired
	KeyMaterial keys;

	@Autowired
	JurisdictionTable jurisdictions;

	@Autowired
	Clock clock;

	@Autowired
	CommandBatches batches;

	@BeforeEach
	void signIn() {
		this.http = this.http.withBasicAuth(TestUsers.SYSADMIN, TestUsers.PASSWORD);
	}

	/**
	 * Loads the seed plan (idempotent), waits for the read models and seals the store.
	 */
	private void seededAndSealed() {
		// In command batches, as the demo loads: the replay is the judge of that path
		// too.
		SeedLoader loader = TestSeeds.batchedLoader(this.commands, this.batches, this.engine, this.eventStore,
				this.identities, this.cipher);
		loader.load(PLAN);
		assertThat(this.freshness.awaitPosition(this.engine.headPosition(), Duration.ofSeconds(60))).isTrue();
		ResponseEntity<Map> sealed = this.http.postForEntity("/api/audit/seal", null, Map.class);
		assertThat(sealed.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void theReplayAnswersEveryFigureOfEverySeededJurisdictionAndUnionAsTheApiDoes() throws Exception {
		seededAndSealed();
		Set<String> codes = new LinkedHashSet<>();
		List<String> unions = new ArrayList<>();
		for (UnionSeed union : PLAN.unions()) {
			for (Jurisdiction unit : this.jurisdictions.path(union.jurisdictionCode())) {
				codes.add(unit.code().value());
			}
			unions.add(union.unionId().value());
		}
		assertThat(codes).contains("13", "1301", "1302", "1306");
		List<String[]> cases = new ArrayList<>();
		cases.add(new String[] { END_OF_PREVIOUS_YEAR, null });
		cases.add(new String[] { INSIDE_CURRENT_YEAR, null });
		cases.add(new String[] { null, null });
		cases.add(new String[] { END_OF_PREVIOUS_YEAR, KNOWN_AT });
		int answersCompared = 0;
		long fieldsCompared = 0;
		long nonZeroFigures = 0;
		for (String[] dates : cases) {
			List<String> args = new ArrayList<>(List.of("--format", "json"));
			codes.forEach((code) -> args.addAll(List.of("--jurisdiction", code)));
			unions.forEach((union) -> args.addAll(List.of("--union", union)));
			String query = "";
			if (dates[0] != null) {
				args.addAll(List.of("--as-of", dates[0]));
				query = "?asOf=" + dates[0];
			}
			if (dates[1] != null) {
				args.addAll(List.of("--known-at", dates[1]));
				query += (query.isEmpty() ? "?" : "&") + "knownAt=" + dates[1];
			}
			Run run = replay(args);
			assertThat(run.status).as(run.err).isZero();
			JsonNode output = JSON.readTree(run.out);
			assertThat(output.get("verified").asBoolean()).isTrue();
			assertThat(output.at("/verification/intact").asBoolean()).isTrue();
			assertThat(output.at("/replay/eventsRead").asLong()).isGreaterThan(PLAN.commandCount() / 2);
			assertThat(output.at("/replay/throughPosition").asLong()).isPositive()
				.isLessThanOrEqualTo(output.at("/verification/latestDigest/toPosition").asLong());
			assertThat(output.at("/replay/unsealedCommits").asLong()).isZero();
			Iterator<JsonNode> answers = output.get("statistics").elements();
			String parameters = query;
			List<String> paths = new ArrayList<>();
			codes.forEach((code) -> paths.add("/api/jurisdictions/" + code + "/statistics" + parameters));
			unions.forEach((union) -> paths.add("/api/unions/" + union + "/statistics" + parameters));
			for (String path : paths) {
				ResponseEntity<String> api = this.http.getForEntity(path, String.class);
				assertThat(api.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
				Map<String, String> expected = leaves(JSON.readTree(api.getBody()));
				Map<String, String> actual = leaves(answers.next());
				Map<String, String> differences = new TreeMap<>();
				for (String field : union(expected.keySet(), actual.keySet())) {
					if (!Objects.equals(expected.get(field), actual.get(field))) {
						differences.put(field, "API " + expected.get(field) + ", replay " + actual.get(field));
					}
				}
				assertThat(differences).as(path).isEmpty();
				answersCompared++;
				fieldsCompared += expected.size();
				nonZeroFigures += expected.keySet().stream().filter((key) -> key.startsWith("figures.")).count();
			}
			assertThat(answers.hasNext()).isFalse();
		}
		int subjects = codes.size() + unions.size();
		assertThat(answersCompared).isEqualTo(subjects * 4);
		assertThat(nonZeroFigures).as("figures of the seed data, not just zeros").isGreaterThan(1000);
		System.out.printf(
				"Replay = API: %d jurisdictions and %d unions x 3 dates (%s, %s, today %s) + as known at %s: "
						+ "%d answers, %d fields compared (%d non-zero figures)%n",
				codes.size(), unions.size(), END_OF_PREVIOUS_YEAR, INSIDE_CURRENT_YEAR, TODAY, KNOWN_AT,
				answersCompared, fieldsCompared, nonZeroFigures);
	}

	@Test
	void aSingleFigureIsPrintedAsTheApiCountsIt() throws Exception {
		seededAndSealed();
		Run run = replay(List.of("--jurisdiction", "1301", "--as-of", END_OF_PREVIOUS_YEAR, "--figure",
				"newEnrollments", "--format", "text"));
		assertThat(run.status).as(run.err).isZero();
		Map api = this.http.getForObject("/api/jurisdictions/1301/statistics?asOf=" + END_OF_PREVIOUS_YEAR, Map.class);
		long expected = ((Number) ((Map) api.get("flows")).get("newEnrollments")).longValue();
		assertThat(expected).isPositive();
		assertThat(run.out).contains("Verification  intact")
			.contains("== J:1301 ==")
			.containsPattern("(?m)^figure\\s+newEnrollments$")
			.containsPattern("(?m)^value\\s+" + expected + "$");
	}

	@Test
	void aTamperedEventMakesTheReplayRefuseAndNameTheFirstBadPosition() {
		seededAndSealed();
		MongoCollection<Document> events = this.database.getCollection("events");
		long position = -1;
		Document original = null;
		for (long p = 20; original == null && p <= this.engine.headPosition(); p++) {
			Document candidate = events.find(Filters.eq("_id", p)).first();
			if (candidate != null && "committed".equals(candidate.getString("state"))
					&& candidate.getList("events", Document.class).get(0).getString("payload").contains("2025-")) {
				original = candidate;
				position = p;
			}
		}
		assertThat(original).as("a committed event with a 2025 date").isNotNull();
		Document tampered = Document.parse(original.toJson());
		Document first = tampered.getList("events", Document.class).get(0);
		first.put("payload", first.getString("payload").replaceFirst("2025-", "2024-"));
		events.replaceOne(Filters.eq("_id", position), tampered);
		try {
			Run run = replay(List.of("--jurisdiction", "13"));
			assertThat(run.status).isEqualTo(1);
			assertThat(run.err).contains("REFUSED").contains("first bad position " + position + " (EDITED");
			assertThat(run.out).doesNotContain("== J:13 ==").contains("Verification  FAILED");

			Run anyway = replay(List.of("--jurisdiction", "13", "--unverified"));
			assertThat(anyway.status).isEqualTo(1);
			assertThat(anyway.out).contains("UNVERIFIED == J:13 ==")
				.contains("Warning       UNVERIFIED: the seal does not verify: first bad position " + position);
		}
		finally {
			events.replaceOne(Filters.eq("_id", position), original);
		}
		assertThat(replay(List.of("--jurisdiction", "13")).status).isZero();
	}

	@Test
	void commitsAfterTheSealedHeadAreNamedAndOnlyReplayedWhenAskedMarkedUnverified() throws Exception {
		seededAndSealed();
		ensureUnion("replay-unsealed-site", "130102");
		// Registered after the seal: not among the replayed events unless asked for.
		Run notReplayed = replay(List.of("--union", "replay-unsealed-site"));
		assertThat(notReplayed.status).isEqualTo(2);
		assertThat(notReplayed.err).contains("no union replay-unsealed-site was registered in the replayed events");
		JsonNode sealedOnly = JSON.readTree(replay(List.of("--jurisdiction", "1301", "--format", "json")).out);
		assertThat(sealedOnly.at("/replay/unsealedCommits").asLong()).isPositive();
		assertThat(sealedOnly.get("verified").asBoolean()).isTrue();
		assertThat(sealedOnly.get("warnings").get(0).asText()).contains("not sealed yet and not counted");

		Run included = replay(List.of("--union", "replay-unsealed-site", "--include-unsealed", "--format", "json"));
		assertThat(included.status).as(included.err).isZero();
		JsonNode withUnsealed = JSON.readTree(included.out);
		assertThat(withUnsealed.get("verified").asBoolean()).isFalse();
		assertThat(withUnsealed.at("/replay/eventsRead").asLong())
			.isGreaterThan(sealedOnly.at("/replay/eventsRead").asLong());
		assertThat(withUnsealed.at("/statistics/0/unionId").asText()).isEqualTo("replay-unsealed-site");
		assertThat(withUnsealed.get("warnings").get(0).asText()).startsWith("UNVERIFIED");
	}

	@Test
	void badArgumentsAreRefusedWithStatus2() {
		assertThat(replay(List.of()).status).isEqualTo(2);
		assertThat(replay(List.of("--jurisdiction", "9999")).err).contains("no jurisdiction 9999");
		assertThat(replay(List.of("--jurisdiction", "13", "--as-of", TODAY.plusDays(1).toString())).err)
			.contains("--as-of must not lie in the future");
		assertThat(replay(List.of("--jurisdiction", "13", "--figure", "nonsense")).err).contains("no figure nonsense");
		Run unknownUnion = replay(List.of("--union", "no-such-union-anywhere"));
		assertThat(unknownUnion.status).isEqualTo(2);
		assertThat(unknownUnion.err).contains("no union no-such-union-anywhere");
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new TreeSet<>(a);
		all.addAll(b);
		return all;
	}

	private record Run(int status, String out, String err) {
	}

	/** The command line's code path, pointed at the test's store with its seal key. */
	private Run replay(List<String> args) {
		List<String> all = new ArrayList<>(args);
		String configured = System.getProperty("ledger.test.mongo.uri", "");
		String uri = !configured.isBlank() ? configured
				: "mongodb://" + this.client.getClusterDescription().getClusterSettings().getHosts().get(0);
		all.addAll(List.of("--mongo-uri", uri, "--database", this.database.getName()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = ReplayCli.run(all.toArray(String[]::new),
				Map.of("LEDGER_KEYS_SEAL", Base64.getEncoder().encodeToString(this.keys.sealKey())), this.clock,
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** Every leaf of a JSON answer by its path; decimals with their scale. */
	private static Map<String, String> leaves(JsonNode node) {
		Map<String, String> leaves = new TreeMap<>();
		collect("", node, leaves);
		return leaves;
	}

	private static void collect(String path, JsonNode node, Map<String, String> leaves) {
		if (node.isObject()) {
			node.fields()
				.forEachRemaining((field) -> collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
						field.getValue(), leaves));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(path + "[" + i + "]", node.get(i), leaves);
			}
		}
		else {
			leaves.put(path, node.isBigDecimal() ? ((BigDecimal) node.decimalValue()).toPlainString() : node.asText());
		}
	}

}
