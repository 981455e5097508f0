import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * The tamper drill of issue 16, one case per run, against a running ledger: it writes to the
 * ledger's store the way an attacker with write access to the store would (through the
 * embedded server's MongoDB port, with the MongoDB Java driver; it never holds the ledger's
 * keys), then watches what the ledger says: figures, /actuator/health, the log's INTEGRITY
 * ALARM lines, POST /api/audit/seal, GET /api/audit/verification, the member's history, the
 * consistency check.
 *
 * <pre>
 * java -cp DRIVER_CLASSPATH TamperDrill.java CASE MONGO_URI HTTP_BASE LOG_FILE
 *   CASE: append | middle | edit | readmodel
 * </pre>
 * Lines starting "RESULT" are the figures bench/drills/tamper.sh collects.
 */
public class TamperDrill {

	static final String PASSWORD = System.getenv().getOrDefault("LEDGER_DEMO_PASSWORD", "demo");

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static String base;

	static Path log;

	static MongoDatabase db;

	static long t0;

	static Instant t0Instant;

	public static void main(String[] args) throws Exception {
		String which = args[0];
		base = args[2];
		log = Path.of(args[3]);
		try (MongoClient client = MongoClients.create(args[1])) {
			db = client.getDatabase("ledger");
			before();
			switch (which) {
				case "append" -> append();
				case "middle" -> middle();
				case "edit" -> edit();
				case "readmodel" -> readModel();
				default -> throw new IllegalArgumentException(which);
			}
		}
	}

	// ---------------------------------------------------------------- before tampering

	static void before() throws Exception {
		Resp seal = post("/api/audit/seal", "hebei-auditor", null);
		result("before.seal", seal.status + " " + seal.body);
		Resp verification = get("/api/audit/verification", "hebei-auditor");
		result("before.verification", verification.status + " intact=" + field(verification.body, "intact") + " "
				+ abbreviate(verification.body, 300));
		Resp health = get("/actuator/health", null);
		result("before.health", health.status + " " + health.body);
		result("before.health.integrity", get("/actuator/health/integrity", "sysadmin").status);
		result("before.alarms", alarms().size());
		if (!"true".equals(field(verification.body, "intact")) || health.status != 200) {
			throw new IllegalStateException("the ledger is not intact and UP before tampering");
		}
	}

	// ---------------------------------------------------------------- case 1

	/** A forged enrollment appended at the head: counter raised, events + streams inserted. */
	static void append() throws Exception {
		Document source = latestEnrollment();
		String unionId = unionOf(source);
		String county = countyOf(source);
		result("source", "position " + source.get("_id") + " member " + source.getString("aggregateId") + " union "
				+ unionId + " county " + county);
		Figures beforeFigures = figures(unionId, county);
		result("before.figures", beforeFigures);
		long position = reserve(1);
		String memberId = newMemberId();
		Document forged = forgedCopy(source, position, memberId, null);
		t0();
		db.getCollection("events").insertOne(forged);
		db.getCollection("streams").insertOne(streamCopy(forged));
		result("tampered", "position " + position + " member " + memberId + " (counter raised to " + position + ")");
		watch(unionId, county, beforeFigures, 15);
		// a legitimate write after the forgery: is it applied?
		Resp enroll = enroll(unionId);
		result("after.legitEnrollment", enroll.status + " " + abbreviate(enroll.body, 200) + " in " + enroll.millis
				+ " ms");
		result("after.figuresAfterLegitEnrollment", figures(unionId, county));
		afterChecks(memberId);
	}

	// ---------------------------------------------------------------- case 2

	/**
	 * A forged enrollment inserted in the middle. The demo store has no void (aborted or
	 * burned) position, so the drill makes one the way a crashed writer does: it raises the
	 * counter and writes nothing (the ledger's reader burns the position with a tombstone),
	 * a real enrollment follows through the API, the position is sealed as void; then the
	 * tombstone is replaced by a forged committed enrollment with its stream copy.
	 */
	static void middle() throws Exception {
		MongoCollection<Document> events = db.getCollection("events");
		long voids = events.countDocuments(Filters.ne("state", "committed"));
		result("voidPositionsInDemoStore", voids);
		Document source = latestEnrollment();
		String unionId = unionOf(source);
		String county = countyOf(source);
		long hole = reserve(1);
		long deadline = System.currentTimeMillis() + 30_000;
		Document tombstone;
		while ((tombstone = events.find(Filters.eq("_id", hole)).first()) == null
				&& System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		result("hole", "position " + hole + " became " + ((tombstone != null) ? tombstone.toJson() : "nothing"));
		Resp enroll = enroll(unionId);
		result("legitEnrollmentAfterHole", enroll.status + " " + abbreviate(enroll.body, 120));
		Resp seal = post("/api/audit/seal", "hebei-auditor", null);
		result("sealOverHole", seal.status + " " + seal.body);
		Figures beforeFigures = figures(unionId, county);
		result("before.figures", beforeFigures);
		String memberId = newMemberId();
		Document forged = forgedCopy(source, hole, memberId, null);
		t0();
		events.replaceOne(Filters.eq("_id", hole), forged);
		db.getCollection("streams").insertOne(streamCopy(forged));
		result("tampered", "position " + hole + " (sealed void) now holds a committed enrollment of " + memberId
				+ " with its stream copy; head " + headPosition());
		watch(unionId, county, beforeFigures, 15);
		afterChecks(memberId);
	}

	// ---------------------------------------------------------------- case 3

	/** A real enrollment edited in events and streams alike: another union, another date. */
	static void edit() throws Exception {
		// an enrollment that is its member's only commit, so that the member is still there
		Document source = null;
		for (Document d : db.getCollection("events")
			.find(Filters.and(Filters.eq("type", "Membership"), Filters.eq("firstSeq", 0)))
			.sort(Sorts.descending("_id"))) {
			if (d.getList("events", Document.class).get(0).getString("payloadType").endsWith("MemberEnrolled")
					&& db.getCollection("streams").find(Filters.eq("_id", d.getString("aggregateId") + ":1")).first() == null
					&& (long) d.get("_id", Number.class).longValue() < headPosition() / 2) {
				source = d;
				break;
			}
		}
		String memberId = source.getString("aggregateId");
		String unionId = unionOf(source);
		String county = countyOf(source);
		// the target union: one in another city, taken from another enrollment
		Document other = null;
		for (Document d : db.getCollection("events").find(Filters.eq("type", "Membership"))) {
			String payload = d.getList("events", Document.class).get(0).getString("payload");
			if (payload.contains("\"union\":{") && !payload.contains("\"jurisdictionCode\":\"" + county.substring(0, 4))
					&& d.getList("events", Document.class).get(0).getString("payloadType").endsWith("MemberEnrolled")) {
				other = d;
				break;
			}
		}
		String targetUnion = unionOf(other);
		String targetCounty = countyOf(other);
		result("source", "position " + source.get("_id") + " member " + memberId + " union " + unionId + " county "
				+ county + " -> union " + targetUnion + " county " + targetCounty);
		Figures fromBefore = figures(unionId, county);
		Figures toBefore = figures(targetUnion, targetCounty);
		result("before.figures.from", fromBefore);
		result("before.figures.to", toBefore);
		Resp history = get("/api/members/" + memberId + "/history", "sysadmin");
		result("before.history", history.status + " " + abbreviate(history.body, 400));
		String union = unionObject(source);
		String targetUnionObject = unionObject(other);
		// the edit keeps everything else: same position, events, identifiers, authenticator
		Document edited = Document.parse(source.toJson());
		edited.put("_id", source.get("_id"));
		Document first = edited.getList("events", Document.class).get(0);
		first.put("payload", first.getString("payload").replace(union, targetUnionObject)
			.replaceFirst("\"effectiveDate\":\"[0-9-]+\"", "\"effectiveDate\":\"2026-09-29\""));
		Document stream = db.getCollection("streams").find(Filters.eq("_id", memberId + ":0")).first();
		Document editedStream = Document.parse(stream.toJson());
		editedStream.put("events", edited.get("events"));
		result("source.events", source.getList("events", Document.class).size());
		t0();
		db.getCollection("events").replaceOne(Filters.eq("_id", source.get("_id")), edited);
		db.getCollection("streams").replaceOne(Filters.eq("_id", memberId + ":0"), editedStream);
		result("tampered", "position " + source.get("_id") + " and stream copy " + memberId
				+ ":0: union -> " + targetUnion + ", effectiveDate -> 2026-09-29");
		watch(unionId, county, fromBefore, 10);
		result("after.figures.to", figures(targetUnion, targetCounty));
		afterChecks(memberId);
	}

	// ---------------------------------------------------------------- case 4

	/** A read-model document edited: a union's activeMembers raised by 100. */
	static void readModel() throws Exception {
		Document source = latestEnrollment();
		String unionId = unionOf(source);
		String county = countyOf(source);
		Figures beforeFigures = figures(unionId, county);
		result("before.figures", beforeFigures);
		t0();
		db.getCollection("rm_summaries").updateOne(Filters.eq("_id", "U:" + unionId), Updates.inc("activeMembers", 100));
		result("tampered", "rm_summaries U:" + unionId + " activeMembers +100");
		result("after.figures.immediately", figures(unionId, county) + " at +" + since() + " ms");
		Resp check = post("/api/operations/consistency-check", "sysadmin", null);
		result("after.consistencyCheck", check.status + " in " + check.millis + " ms at +" + since() + " ms: "
				+ abbreviate(check.body, 700));
		result("after.health.afterOnDemandCheck", get("/actuator/health", null).status);
		// the scheduled check (tamper.sh starts this case with a cron of every minute)
		long deadline = System.currentTimeMillis() + 150_000;
		long downAt = -1;
		while (System.currentTimeMillis() < deadline) {
			if (get("/actuator/health", null).status != 200) {
				downAt = since();
				break;
			}
			Thread.sleep(500);
		}
		result("after.health.downAtMs", downAt);
		logLines();
		Resp health = get("/actuator/health/integrity", "sysadmin");
		result("after.health.integrity", health.status + " " + health.body);
		result("after.figures", figures(unionId, county));
	}

	// ---------------------------------------------------------------- after tampering

	/** Watches figures, health and the log for {@code seconds} after the tampering. */
	static void watch(String unionId, String county, Figures before, int seconds) throws Exception {
		long changedAt = -1;
		long downAt = -1;
		Figures last = before;
		long end = System.currentTimeMillis() + seconds * 1000L;
		while (System.currentTimeMillis() < end) {
			Figures now = figures(unionId, county);
			if (changedAt < 0 && !now.equals(before)) {
				changedAt = since();
				last = now;
			}
			if (downAt < 0 && get("/actuator/health", null).status != 200) {
				downAt = since();
			}
			Thread.sleep(250);
		}
		Figures after = figures(unionId, county);
		result("watch.seconds", seconds);
		result("watch.figuresChangedAtMs", changedAt + ((changedAt >= 0) ? " to " + last : ""));
		result("watch.figuresAfter", after);
		result("watch.healthDownAtMs", downAt);
		Resp health = get("/actuator/health/integrity", "sysadmin");
		result("watch.health.integrity", health.status + " " + abbreviate(health.body, 600));
		logLines();
	}

	static void afterChecks(String memberId) throws Exception {
		Resp history = get("/api/members/" + memberId + "/history", "sysadmin");
		result("after.history", history.status + " at +" + since() + " ms " + abbreviate(history.body, 400));
		Resp seal = post("/api/audit/seal", "hebei-auditor", null);
		result("after.seal", seal.status + " at +" + since() + " ms " + abbreviate(seal.body, 600));
		Resp verification = get("/api/audit/verification", "hebei-auditor");
		result("after.verification", verification.status + " in " + verification.millis + " ms intact="
				+ field(verification.body, "intact"));
		Matcher problems = Pattern.compile("\\{\"position\":\\d+,\"kind\":\"[A-Z_]+\",\"detail\":\"[^\"]*\"\\}")
			.matcher(verification.body);
		List<String> listed = new ArrayList<>();
		while (problems.find()) {
			if (!listed.contains(problems.group())) {
				listed.add(problems.group());
				result("after.verification.problem", problems.group());
			}
		}
		Resp health = get("/actuator/health/integrity", "sysadmin");
		result("after.health.integrity", health.status + " " + abbreviate(health.body, 600));
		result("after.processors", abbreviate(get("/api/operations/processors", "sysadmin").body, 600));
		logLines();
	}

	// ---------------------------------------------------------------- forging

	interface Edit {

		String apply(String payload);

	}

	/**
	 * A copy of a real commit at another position, for another member (new event id); the
	 * authenticator is copied as it is (the store does not hold the key to make a new one).
	 */
	static Document forgedCopy(Document source, long position, String memberId, Edit edit) {
		String oldMember = source.getString("aggregateId");
		Document event = new Document(source.getList("events", Document.class).get(0));
		String eventId = UUID.randomUUID().toString();
		String payload = event.getString("payload").replace(oldMember, memberId);
		if (edit != null) {
			payload = edit.apply(payload);
		}
		event.put("eventId", eventId);
		event.put("payload", payload);
		event.put("timestamp", Instant.now().toString());
		Document forged = new Document("_id", position).append("n", 1)
			.append("aggregateId", memberId)
			.append("type", source.getString("type"))
			.append("firstSeq", 0L)
			.append("lastSeq", 0L)
			.append("state", "committed")
			.append("writtenAt", System.currentTimeMillis())
			.append("eventIds", List.of(eventId))
			.append("events", List.of(event))
			.append("prev", "")
			.append("mac", source.getString("mac"));
		return forged;
	}

	static Document streamCopy(Document commit) {
		return new Document("_id", commit.getString("aggregateId") + ":" + commit.get("firstSeq"))
			.append("global", commit.get("_id"))
			.append("aggregateId", commit.getString("aggregateId"))
			.append("type", commit.getString("type"))
			.append("firstSeq", commit.get("firstSeq"))
			.append("lastSeq", commit.get("lastSeq"))
			.append("events", commit.get("events"))
			.append("prev", commit.get("prev"))
			.append("mac", commit.get("mac"));
	}

	/** Raises the global counter as a writer does; returns the first position taken. */
	static long reserve(int n) {
		Document before = db.getCollection("counters")
			.findOneAndUpdate(Filters.eq("_id", "global"), Updates.inc("value", (long) n),
					new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
		return before.get("value", Number.class).longValue() + 1;
	}

	static long headPosition() {
		return db.getCollection("counters").find(Filters.eq("_id", "global")).first().get("value", Number.class)
			.longValue();
	}

	static Document latestEnrollment() {
		for (Document d : db.getCollection("events")
			.find(Filters.and(Filters.eq("type", "Membership"), Filters.eq("firstSeq", 0)))
			.sort(Sorts.descending("_id"))) {
			if (d.getList("events", Document.class).get(0).getString("payloadType").endsWith("MemberEnrolled")) {
				return d;
			}
		}
		throw new IllegalStateException("no enrollment in the store");
	}

	static String payloadOf(Document commit) {
		return commit.getList("events", Document.class).get(0).getString("payload");
	}

	static String unionOf(Document commit) {
		return match(payloadOf(commit), "\"union\":\\{\"unionId\":\"([^\"]+)\"");
	}

	static String countyOf(Document commit) {
		return match(payloadOf(commit), "\"jurisdictionCode\":\"([0-9]+)\"");
	}

	static String unionObject(Document commit) {
		return match(payloadOf(commit), "(\"union\":\\{[^}]*\\})");
	}

	static String match(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		if (!m.find()) {
			throw new IllegalStateException(regex + " not in " + text);
		}
		return m.group(1);
	}

	static final SecureRandom RANDOM = new SecureRandom();

	static String newMemberId() {
		String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
		StringBuilder id = new StringBuilder("m-");
		for (int i = 0; i < 26; i++) {
			id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return id.toString();
	}

	/** A real enrollment through the API by the union's officer (a valid resident ID). */
	static Resp enroll(String unionId) throws Exception {
		StringBuilder id = new StringBuilder("130102199");
		for (int i = 0; i < 8; i++) {
			id.append(i == 0 ? 1 + RANDOM.nextInt(9) : RANDOM.nextInt(10));
		}
		// 130102 199x mmdd sss: month 01..09, day 01..28
		id.setCharAt(10, '0');
		id.setCharAt(11, (char) ('1' + RANDOM.nextInt(9)));
		id.setCharAt(12, '1');
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * weights[i];
		}
		id.append("10X98765432".charAt(sum % 11));
		String body = "{\"residentId\":\"" + id + "\",\"name\":\"演练会员\",\"unionId\":\"" + unionId
				+ "\",\"effectiveDate\":\"" + LocalDate.now().minusDays(1) + "\",\"channel\":\"ON_SITE\"}";
		return post("/api/members", "officer-" + unionId, body);
	}

	// ---------------------------------------------------------------- observing

	record Figures(String union, String county) {

		@Override
		public String toString() {
			return "union{" + union + "} county{" + county + "}";
		}

	}

	static Figures figures(String unionId, String county) throws Exception {
		return new Figures(summary("/api/unions/" + unionId + "/summary"),
				summary("/api/jurisdictions/" + county + "/summary"));
	}

	static String summary(String path) throws Exception {
		Resp r = get(path, "sysadmin");
		if (r.status != 200) {
			return "HTTP " + r.status;
		}
		return "activeMembers=" + field(r.body, "activeMembers") + " newEnrollments=" + field(r.body, "newEnrollments");
	}

	/** INTEGRITY ALARM lines (and the lines naming refusals) of the ledger's log. */
	static List<String> alarms() throws Exception {
		List<String> found = new ArrayList<>();
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			if (line.contains("INTEGRITY ALARM") || line.contains("Sealing stops") || line.contains("consistency check")
					|| line.contains("CommitAuthenticationException")) {
				found.add(line);
			}
		}
		return found;
	}

	static void logLines() throws Exception {
		List<String> seen = new ArrayList<>();
		for (String line : alarms()) {
			String key = line.replaceAll("^\\S+\\s+", "").replaceAll("\\d+ ms|\\d{4}-\\d\\d-\\d\\dT\\S+", "");
			if (seen.contains(key)) {
				continue;
			}
			seen.add(key);
			String at = line.substring(0, Math.min(24, line.length()));
			String delay;
			try {
				delay = (Instant.parse(at).toEpochMilli() - t0Instant.toEpochMilli()) + " ms after tampering";
			}
			catch (RuntimeException ex) {
				delay = "?";
			}
			result("log", "[" + delay + "] " + abbreviate(line.replaceAll("^.*? : ", ""), 400));
		}
	}

	static void t0() {
		t0 = System.nanoTime();
		t0Instant = Instant.now();
		result("t0", t0Instant);
	}

	static long since() {
		return (System.nanoTime() - t0) / 1_000_000;
	}

	record Resp(int status, String body, long millis) {
	}

	static Resp get(String path, String user) throws Exception {
		return send("GET", path, user, null);
	}

	static Resp post(String path, String user, String json) throws Exception {
		return send("POST", path, user, json);
	}

	static Resp send(String method, String path, String user, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		request.header("Content-Type", "application/json");
		request.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody());
		long start = System.nanoTime();
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Resp(response.statusCode(), response.body().replace('\n', ' '),
				(System.nanoTime() - start) / 1_000_000);
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}\\]]+)").matcher(json);
		return m.find() ? m.group(1).replace("\"", "") : null;
	}

	static String abbreviate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
	}

	static void result(String key, Object value) {
		System.out.println("RESULT " + key + ": " + value);
	}

}
