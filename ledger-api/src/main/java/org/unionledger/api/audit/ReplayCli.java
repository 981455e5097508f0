package org.unionledger.api.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import org.unionledger.api.config.DivisionTables;
import org.unionledger.api.support.Ids;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.api.statistics.StatisticsResponse;
import org.unionledger.eventstore.EventSeal;
import org.unionledger.eventstore.MongoStores;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.UnionId;

/**
 * The auditor's replay on the command line: reads the event store only (never a read
 * model, never the web server or the processors), verifies its seal, replays the events
 * and prints statistics as the API answers them.
 *
 * <pre>
 * ./ledger replay --jurisdiction 1301 [--jurisdiction 13 --union sjz-…] [--year 2026]
 *     [--as-of 2026-09-30] [--known-at 2026-10-15] [--figure newEnrollments] [--format text|json]
 *     [--data-dir data | --mongo-uri mongodb://…] [--unverified] [--include-unsealed]
 * </pre>
 *
 * The store is the embedded H2 file {@code <data-dir>/ledger.mv.db}, opened read-only
 * (the ledger must be stopped: a running one holds the file's lock), or a MongoDB at
 * {@code --mongo-uri} / {@code LEDGER_MONGO_URI}. The seal key is
 * {@code LEDGER_KEYS_SEAL} (Base64) or the {@code seal} entry of
 * {@code <data-dir>/ledger-keys.properties}. Exit status: 0 figures printed; 1 the seal
 * does not verify (figures are printed only with {@code --unverified}, marked UNVERIFIED)
 * or the store cannot be read; 2 a bad argument.
 */
public final class ReplayCli {

	static final int OK = 0;

	static final int REFUSED = 1;

	static final int USAGE = 2;

	private static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);

	private static final String USAGE_TEXT = """
			usage: replay (--jurisdiction CODE | --union ID)... [--year YYYY] [--as-of YYYY-MM-DD]
			              [--known-at YYYY-MM-DD] [--figure NAME] [--format text|json]
			              [--data-dir DIR | --mongo-uri URI] [--database NAME] [--keys-file FILE]
			              [--zone ZONE] [--statistical-year-start --MM-DD] [--unverified] [--include-unsealed]""";

	// A command-line tool: it runs without the Spring context, so it builds its own
	// mapper.
	private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.setSerializationInclusion(JsonInclude.Include.NON_NULL)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_LONG_FOR_INTS);

	private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {
	};

	private ReplayCli() {
	}

	/** What was asked. */
	private static final class Request {

		final List<String> jurisdictions = new ArrayList<>();

		final List<String> unions = new ArrayList<>();

		/** {@code LEDGER_DIVISION_TABLES}: the editions besides the bundled one. */
		String divisionTables;

		Integer year;

		LocalDate asOf;

		LocalDate knownAt;

		String figure;

		boolean json;

		boolean unverified;

		boolean includeUnsealed;

		Path dataDir;

		String mongoUri;

		String database;

		Path keysFile;

		ZoneId zone;

		MonthDay yearStart;

	}

	/** A bad argument, with the message to print. */
	private static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}

	}

	/**
	 * Runs the replay.
	 * @param args the arguments after {@code replay}
	 * @param environment {@code LEDGER_*} variables: store, zone, calendar, seal key
	 * @param clock the clock "today" is read from (the system clock; fixed in tests)
	 * @return the exit status
	 */
	public static int run(String[] args, Map<String, String> environment, Clock clock, PrintStream out,
			PrintStream err) {
		Request request;
		try {
			request = parse(args, environment);
		}
		catch (UsageException ex) {
			err.println("replay: " + ex.getMessage());
			err.println(USAGE_TEXT);
			return USAGE;
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), request.zone);
		StatisticalCalendar calendar = new StatisticalCalendar(request.yearStart);
		JurisdictionTable table;
		try {
			table = DivisionTables.load(request.divisionTables);
		}
		catch (RuntimeException ex) {
			err.println("replay: " + ex.getMessage());
			return USAGE;
		}
		List<Jurisdiction> jurisdictions = new ArrayList<>();
		try {
			checkDates(request, calendar, today);
			for (String code : request.jurisdictions) {
				jurisdictions.add(jurisdiction(table, code));
			}
			if (request.figure != null && !Figures.isKnown(request.figure)) {
				throw new UsageException("no figure " + request.figure
						+ "; figures are named as in the statistics' figures section, e.g. newEnrollments.sector.CONSTRUCTION");
			}
		}
		catch (UsageException ex) {
			err.println("replay: " + ex.getMessage());
			return USAGE;
		}
		byte[] sealKey;
		try {
			sealKey = sealKey(request.keysFile, request.dataDir, environment);
		}
		catch (IllegalStateException ex) {
			err.println("replay: " + ex.getMessage());
			return REFUSED;
		}
		try (ReadOnlyStore store = ReadOnlyStore.open(request)) {
			return replay(request, store, sealKey, calendar, jurisdictions, today, clock, out, err);
		}
		catch (EmbeddedMongoServer.StoreLockedException ex) {
			err.println("replay: " + ex.getMessage() + ". The embedded store can be read by one process at a time: "
					+ "run the replay against a stopped ledger's data folder, or against the MongoDB a ledger "
					+ "runs on (--mongo-uri).");
			return REFUSED;
		}
		catch (IllegalArgumentException | MongoException ex) {
			err.println("replay: cannot read the store: " + ex.getMessage());
			return REFUSED;
		}
	}

	private static int replay(Request request, ReadOnlyStore store, byte[] sealKey, StatisticalCalendar calendar,
			List<Jurisdiction> jurisdictions, LocalDate today, Clock clock, PrintStream out, PrintStream err) {
		AuditReplay replay = new AuditReplay(store.client.getDatabase(store.databaseName), sealKey, calendar,
				request.zone, clock);
		EventSeal.VerificationReport verification = replay.verify();
		String refusal = null;
		if (!verification.intact()) {
			EventSeal.Problem first = verification.firstProblem();
			refusal = "the seal does not verify: first bad position " + first.position() + " (" + first.kind() + ": "
					+ first.detail() + ")" + ((verification.problems().size() > 1)
							? "; " + verification.problems().size() + " problems in all" : "");
		}
		else if (verification.latestDigest() == null) {
			refusal = "nothing is sealed yet: there is no signed digest to verify against";
		}
		if (refusal != null && !request.unverified) {
			err.println("replay: REFUSED, " + refusal
					+ ". No figures are printed; --unverified prints them anyway, marked UNVERIFIED.");
			if (!request.json) {
				printVerification(store, verification, out);
			}
			else {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("store", store.description);
				body.put("verified", false);
				body.put("refused", refusal);
				body.put("verification", verification);
				out.println(json(body));
			}
			return REFUSED;
		}
		AuditReplay.Replayed replayed = replay.replay(request.includeUnsealed);
		List<Map<String, Object>> answers = new ArrayList<>();
		for (Jurisdiction jurisdiction : jurisdictions) {
			answers.add(tree(replay.jurisdiction(jurisdiction, request.year, request.asOf, request.knownAt, today)));
		}
		for (String value : request.unions) {
			Optional<UnionId> union = Ids.union(value).filter(replay::knows);
			if (union.isEmpty()) {
				err.println("replay: no union " + value + " was registered in the replayed events");
				return USAGE;
			}
			answers.add(tree(replay.union(union.get(), request.year, request.asOf, request.knownAt, today)));
		}
		if (request.figure != null) {
			answers.replaceAll((answer) -> figureOnly(answer, request.figure));
		}
		List<String> warnings = new ArrayList<>();
		if (refusal != null) {
			warnings.add("UNVERIFIED: " + refusal);
		}
		if (replayed.unsealedCommits() > 0) {
			warnings.add(replayed.unsealedIncluded()
					? "UNVERIFIED: " + replayed.unsealedCommits()
							+ " commits after the sealed head are included; the seal does not cover them"
					: replayed.unsealedCommits() + " commits after the sealed head (position " + replayed.sealedUpTo()
							+ ") are not sealed yet and not counted");
		}
		if (request.json) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("store", store.description);
			body.put("verified", refusal == null && !(replayed.unsealedIncluded() && replayed.unsealedCommits() > 0));
			if (!warnings.isEmpty()) {
				body.put("warnings", warnings);
			}
			body.put("verification", verification);
			body.put("replay", replayed);
			body.put("statistics", answers);
			out.println(json(body));
		}
		else {
			printVerification(store, verification, out);
			out.printf("Replay        %d events read (%d commit documents), through position %d; sealed head %d%n",
					replayed.eventsRead(), replayed.commitsRead(), replayed.throughPosition(), replayed.sealedUpTo());
			for (String warning : warnings) {
				out.println("Warning       " + warning);
			}
			String mark = (refusal != null) ? "UNVERIFIED " : "";
			for (Map<String, Object> answer : answers) {
				out.println();
				out.println(mark + "== " + answer.get("scope") + " ==");
				List<String[]> lines = new ArrayList<>();
				flatten("", answer, lines);
				int width = lines.stream().mapToInt((line) -> line[0].length()).max().orElse(0);
				for (String[] line : lines) {
					out.println(line[0] + " ".repeat(width - line[0].length() + 2) + line[1]);
				}
			}
		}
		return (refusal != null) ? REFUSED : OK;
	}

	private static Map<String, Object> figureOnly(Map<String, Object> answer, String figure) {
		Map<String, Object> only = new LinkedHashMap<>();
		for (String key : new String[] { "scope", "code", "unionId", "name", "statisticalYear", "from", "asOf",
				"knownAt" }) {
			if (answer.get(key) != null) {
				only.put(key, answer.get(key));
			}
		}
		@SuppressWarnings("unchecked")
		Map<String, Long> figures = (Map<String, Long>) answer.get("figures");
		only.put("figure", figure);
		only.put("value", figures.getOrDefault(figure, 0L));
		if (answer.get("recordedAfterKnownAt") instanceof Map<?, ?> later) {
			only.put("recordedAfterKnownAt", (later.get(figure) != null) ? later.get(figure) : 0L);
		}
		return only;
	}

	private static void printVerification(ReadOnlyStore store, EventSeal.VerificationReport verification,
			PrintStream out) {
		out.println("Store         " + store.description);
		out.printf("Verification  %s: positions 1..%d, %d commits, %d events, %d signed digests checked%n",
				verification.intact() ? "intact" : "FAILED", verification.verifiedUpTo(), verification.commitsChecked(),
				verification.eventsChecked(), verification.digestsChecked());
		if (!verification.intact()) {
			for (EventSeal.Problem problem : verification.problems()) {
				out.printf("Problem       position %d %s: %s%n", problem.position(), problem.kind(), problem.detail());
			}
		}
		EventSeal.Digest digest = verification.latestDigest();
		if (digest != null) {
			out.printf("Digest        #%d, positions %d..%d (%d commits), sealed %s%n", digest.number(),
					digest.fromPosition(), digest.toPosition(), digest.commits(),
					Instant.ofEpochMilli(digest.sealedAt()));
			out.println("  chain head  " + digest.chainHead());
			out.println("  Merkle root " + digest.merkleRoot());
			out.println("  signature   " + digest.signature() + " (HMAC-SHA256)");
		}
	}

	/** Maps as dotted paths, lists as [index], leaves as text; nulls left out. */
	private static void flatten(String path, Object value, List<String[]> lines) {
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				flatten(path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey(), entry.getValue(),
						lines);
			}
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(path + "[" + i + "]", list.get(i), lines);
			}
		}
		else if (value != null) {
			lines.add(new String[] { path,
					(value instanceof BigDecimal decimal) ? decimal.toPlainString() : String.valueOf(value) });
		}
	}

	/**
	 * An answer as nested maps for the text and figure-only views: absent fields left
	 * out, amounts kept as written (BigDecimal), dates as ISO text.
	 */
	private static Map<String, Object> tree(StatisticsResponse answer) {
		return JSON.convertValue(answer, TREE);
	}

	private static String json(Object body) {
		try {
			return JSON.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write JSON", ex);
		}
	}

	private static Request parse(String[] args, Map<String, String> environment) {
		Request request = new Request();
		request.dataDir = Path.of(environment.getOrDefault("LEDGER_DATA_DIR", "data"));
		request.divisionTables = environment.get("LEDGER_DIVISION_TABLES");
		request.mongoUri = blankToNull(environment.get("LEDGER_MONGO_URI"));
		request.database = environment.getOrDefault("LEDGER_MONGO_DATABASE", "ledger");
		String zone = environment.getOrDefault("LEDGER_ZONE", "Asia/Shanghai");
		String yearStart = environment.getOrDefault("LEDGER_STATISTICAL_YEAR_START", "--10-01");
		String format = "text";
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			switch (option) {
				case "--unverified" -> request.unverified = true;
				case "--include-unsealed" -> request.includeUnsealed = true;
				case "--help", "-h" -> throw new UsageException("the statistics of the API, replayed from the events");
				default -> {
					if (!option.startsWith("--") || i + 1 >= args.length) {
						throw new UsageException("unexpected argument " + option);
					}
					String value = args[++i];
					switch (option) {
						case "--jurisdiction" -> request.jurisdictions.addAll(List.of(value.split(",")));
						case "--union" -> request.unions.addAll(List.of(value.split(",")));
						case "--year" -> request.year = year(value);
						case "--as-of" -> request.asOf = date(value, "--as-of");
						case "--known-at" -> request.knownAt = date(value, "--known-at");
						case "--figure" -> request.figure = value.replace(':', '.');
						case "--format" -> format = value.toLowerCase(Locale.ROOT);
						case "--data-dir" -> request.dataDir = Path.of(value);
						case "--mongo-uri" -> request.mongoUri = blankToNull(value);
						case "--database" -> request.database = value;
						case "--keys-file" -> request.keysFile = Path.of(value);
						case "--zone" -> zone = value;
						case "--statistical-year-start" -> yearStart = value;
						default -> throw new UsageException("unknown option " + option);
					}
				}
			}
		}
		if (request.jurisdictions.isEmpty() && request.unions.isEmpty()) {
			throw new UsageException("name at least one --jurisdiction or --union");
		}
		if (!format.equals("text") && !format.equals("json")) {
			throw new UsageException("--format is text or json");
		}
		request.json = format.equals("json");
		try {
			request.zone = ZoneId.of(zone);
			request.yearStart = MonthDay.parse(yearStart);
		}
		catch (DateTimeException ex) {
			throw new UsageException("bad zone or statistical year start: " + ex.getMessage());
		}
		return request;
	}

	private static void checkDates(Request request, StatisticalCalendar calendar, LocalDate today) {
		checkDate(request.asOf, "--as-of", today);
		checkDate(request.knownAt, "--known-at", today);
		int current = calendar.yearOf(today);
		if (request.year != null && (request.year < 1950 || request.year > current + 1)) {
			throw new UsageException("--year must lie between 1950 and " + (current + 1));
		}
	}

	private static void checkDate(LocalDate date, String option, LocalDate today) {
		if (date != null && date.isAfter(today)) {
			throw new UsageException(option + " must not lie in the future (today is " + today + ")");
		}
		if (date != null && date.isBefore(EARLIEST)) {
			throw new UsageException(option + " must not lie before " + EARLIEST);
		}
	}

	private static Jurisdiction jurisdiction(JurisdictionTable table, String code) {
		if (!code.matches("\\d{2}|\\d{4}|\\d{6}")) {
			throw new UsageException("a jurisdiction code has 2, 4 or 6 digits: " + code);
		}
		return table.find(JurisdictionCode.of(code))
			.orElseThrow(() -> new UsageException("no jurisdiction " + code + " in table " + table.version()));
	}

	private static Integer year(String value) {
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--year is a year such as 2026");
		}
	}

	private static LocalDate date(String value, String option) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeException ex) {
			throw new UsageException(option + " is a date such as 2026-09-30");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/**
	 * {@code LEDGER_KEYS_SEAL}, or the {@code seal} entry of the key file
	 * ({@code keysFile}, default {@code <dataDir>/ledger-keys.properties}); read only.
	 * @throws IllegalStateException with the message to print when there is none
	 */
	static byte[] sealKey(Path keysFile, Path dataDir, Map<String, String> environment) {
		String base64 = blankToNull(environment.get("LEDGER_KEYS_SEAL"));
		String source = "LEDGER_KEYS_SEAL";
		if (base64 == null) {
			Path file = (keysFile != null) ? keysFile : dataDir.resolve("ledger-keys.properties");
			source = file.toString();
			if (!Files.isRegularFile(file)) {
				throw new IllegalStateException("no seal key: set LEDGER_KEYS_SEAL (Base64, as ledger.keys.seal) "
						+ "or point --keys-file at the ledger's key file (not found: " + file + ")");
			}
			Properties keys = new Properties();
			try (InputStream in = Files.newInputStream(file)) {
				keys.load(in);
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot read the key file " + file + ": " + ex.getMessage());
			}
			base64 = blankToNull(keys.getProperty("seal"));
			if (base64 == null) {
				throw new IllegalStateException("the key file " + file + " holds no seal key");
			}
		}
		try {
			byte[] key = Base64.getDecoder().decode(base64);
			if (key.length < 32) {
				throw new IllegalStateException("the seal key from " + source + " is shorter than 32 bytes");
			}
			return key;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("the seal key from " + source + " is not Base64");
		}
	}

	/** The store, opened for reading only. */
	private static final class ReadOnlyStore implements AutoCloseable {

		final EmbeddedMongoServer server;

		final MongoClient client;

		final String databaseName;

		final String description;

		private ReadOnlyStore(EmbeddedMongoServer server, MongoClient client, String databaseName, String description) {
			this.server = server;
			this.client = client;
			this.databaseName = databaseName;
			this.description = description;
		}

		static ReadOnlyStore open(Request request) {
			if (request.mongoUri != null) {
				String uri = request.mongoUri;
				String database = MongoStores.databaseName(uri, request.database);
				return new ReadOnlyStore(null, MongoStores.openClient(uri), database,
						"MongoDB at " + new ConnectionString(uri).getHosts() + ", database " + database);
			}
			Path file = request.dataDir.toAbsolutePath().resolve("ledger.mv.db");
			EmbeddedMongoServer server = EmbeddedMongoServer.h2FileReadOnly(file, 0);
			try {
				return new ReadOnlyStore(server, MongoStores.openClient(server.connectionString()), request.database,
						"embedded store, H2 file " + file + ", opened read-only");
			}
			catch (RuntimeException ex) {
				server.close();
				throw ex;
			}
		}

		@Override
		public void close() {
			this.client.close();
			if (this.server != null) {
				this.server.close();
			}
		}

	}

}
