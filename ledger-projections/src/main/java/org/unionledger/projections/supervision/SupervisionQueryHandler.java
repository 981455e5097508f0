package org.unionledger.projections.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.unionledger.statistics.StatisticalCalendar;

/**
 * Lists findings with {@code _id} reads: the scope's lists, then the documents in them.
 * Findings raised by one event are stored as they were raised; bursts before the deadline
 * and credentials that expired unused are evaluated here, from the counts and credential
 * fates the projection keeps, against the rules and the clock, so that they are the same
 * whatever order the events came in and however much time has passed. A supervisor's
 * decision on such a finding is kept under its id and shown on it.
 */
public class SupervisionQueryHandler {

	private static final String BURST_PREFIX = FindingKind.BURST_BEFORE_DEADLINE.name() + ":";

	private static final String CREDENTIAL_PREFIX = FindingKind.CREDENTIAL_EXPIRED_UNUSED.name() + ":";

	private final MongoCollection<Document> findings;

	private final MongoCollection<Document> lists;

	private final MongoCollection<Document> bursts;

	private final MongoCollection<Document> credentials;

	private final StatisticalCalendar calendar;

	private final SupervisionRules rules;

	private final Clock clock;

	public SupervisionQueryHandler(MongoDatabase database, StatisticalCalendar calendar, SupervisionRules rules,
			Clock clock) {
		this.findings = database.getCollection(SupervisionProjection.FINDINGS);
		this.lists = database.getCollection(SupervisionProjection.LISTS);
		this.bursts = database.getCollection(SupervisionProjection.BURST_COUNTS);
		this.credentials = database.getCollection(SupervisionProjection.CREDENTIAL_TRACE);
		this.calendar = calendar;
		this.rules = rules;
		this.clock = clock;
	}

	@QueryHandler
	public Optional<Finding> handle(FindFinding query) {
		String id = query.findingId();
		if (id.startsWith(BURST_PREFIX)) {
			return burst(id);
		}
		if (id.startsWith(CREDENTIAL_PREFIX)) {
			return expiredCredential(id);
		}
		return Optional.ofNullable(byId(this.findings, id))
			.filter((d) -> d.getString("kind") != null)
			.map(Finding::from);
	}

	@QueryHandler
	public List<Finding> handle(FindFindings query) {
		String scope = query.scope();
		int year = query.statisticalYear();
		List<Finding> result = new ArrayList<>();
		for (Document document : byIds(this.findings, listed(scope + "|" + year))) {
			Finding finding = Finding.from(document);
			if (query.kind() == null || finding.kind() == query.kind()) {
				result.add(finding);
			}
		}
		if (query.kind() == null || query.kind() == FindingKind.BURST_BEFORE_DEADLINE) {
			List<String> keys = new ArrayList<>();
			for (String union : listed(SupervisionProjection.BURST_LIST + scope + "|" + year)) {
				keys.add(SupervisionProjection.burstKey(union, year));
			}
			result.addAll(decided(bursts(byIds(this.bursts, keys))));
		}
		if (query.kind() == null || query.kind() == FindingKind.CREDENTIAL_EXPIRED_UNUSED) {
			List<Finding> expired = new ArrayList<>();
			LocalDate today = LocalDate.now(this.clock.withZone(this.rules.zone()));
			for (Document credential : byIds(this.credentials,
					listed(SupervisionProjection.CREDENTIAL_LIST + scope + "|" + year))) {
				expiredUnused(credential, today).ifPresent(expired::add);
			}
			result.addAll(decided(expired));
		}
		result.sort(Comparator.comparingLong(Finding::position).thenComparing(Finding::id));
		return result;
	}

	// Bursts before the deadline

	private Optional<Finding> burst(String id) {
		String[] parts = id.split(":");
		int separator = parts[1].lastIndexOf('_');
		if (parts.length != 3 || separator < 0 || !parts[2].equals(String.valueOf(this.rules.burstWindowDays()))) {
			return Optional.empty();
		}
		int year;
		try {
			year = Integer.parseInt(parts[1].substring(separator + 1));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		Document counts = byId(this.bursts, SupervisionProjection.burstKey(parts[1].substring(0, separator), year));
		return (counts != null) ? decided(bursts(List.of(counts))).stream().findFirst() : Optional.empty();
	}

	/**
	 * The burst rule. Let {@code D} be the year's last day, {@code N} the window,
	 * {@code w} the union's new enrollments effective in {@code D-N+1..D}, and {@code r}
	 * those effective from the year's first day to {@code D-N}, a span of {@code R} days.
	 * The baseline predicts {@code r·N/R} for the window; a burst is {@code w ≥ minimum}
	 * and {@code w > factor · r·N/R} (compared exactly, as {@code w·R > factor·r·N}). A
	 * year still before its window has {@code w = 0}.
	 */
	private List<Finding> bursts(List<Document> countsPerUnion) {
		List<Finding> found = new ArrayList<>();
		int window = this.rules.burstWindowDays();
		for (Document counts : countsPerUnion) {
			int year = counts.getInteger("statisticalYear", 0);
			LocalDate first = this.calendar.firstDay(year);
			LocalDate deadline = this.calendar.lastDay(year);
			LocalDate windowStart = deadline.minusDays(window - 1);
			long restDays = Math.max(0, ChronoUnit.DAYS.between(first, windowStart));
			long inWindow = 0;
			long rest = 0;
			long position = 0;
			String recordedOn = null;
			Document days = counts.get(SupervisionEntries.BurstDay.DAYS, Document.class);
			for (Map.Entry<String, Object> day : (days != null) ? days.entrySet()
					: List.<Map.Entry<String, Object>>of()) {
				SupervisionEntries.BurstDay count = SupervisionEntries.BurstDay.of((Document) day.getValue());
				long n = count.enrollments();
				if (day.getKey().compareTo(windowStart.toString()) >= 0) {
					inWindow += n;
					position = Math.max(position, count.lastPosition());
					String recorded = count.recordedOn();
					recordedOn = (recordedOn == null || recorded.compareTo(recordedOn) > 0) ? recorded : recordedOn;
				}
				else {
					rest += n;
				}
			}
			BigDecimal expected = (restDays > 0)
					? BigDecimal.valueOf(rest * window).divide(BigDecimal.valueOf(restDays), 2, RoundingMode.HALF_EVEN)
					: BigDecimal.ZERO;
			boolean burst = inWindow >= this.rules.burstMinEnrollments() && BigDecimal.valueOf(inWindow * restDays)
				.compareTo(this.rules.burstFactor().multiply(BigDecimal.valueOf(rest * window))) > 0;
			if (!burst) {
				continue;
			}
			String unionId = counts.getString("unionId");
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("windowStart", windowStart.toString());
			detail.put("deadline", deadline.toString());
			detail.put("windowDays", window);
			detail.put("windowEnrollments", inWindow);
			detail.put("restOfYearEnrollments", rest);
			detail.put("restOfYearDays", restDays);
			detail.put("expectedInWindow", expected.toPlainString());
			detail.put("factor", this.rules.burstFactor().toPlainString());
			detail.put("minimum", this.rules.burstMinEnrollments());
			found.add(new Finding(FindingKind.BURST_BEFORE_DEADLINE.name() + ":" + unionId + "_" + year + ":" + window,
					FindingKind.BURST_BEFORE_DEADLINE, unionId, counts.getString("jurisdictionCode"), year, null,
					deadline, LocalDate.parse(recordedOn), position, Map.copyOf(detail), "OPEN", null, null, null,
					null));
		}
		return found;
	}

	// Credentials that expired unused

	private Optional<Finding> expiredCredential(String id) {
		String[] parts = id.split(":");
		if (parts.length != 3) {
			return Optional.empty();
		}
		Document key;
		try {
			key = byId(this.credentials,
					SupervisionProjection.credentialFindingKey(parts[1], Long.parseLong(parts[2])));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		Document credential = (key != null) ? byId(this.credentials, key.getString("code")) : null;
		if (credential == null) {
			return Optional.empty();
		}
		return expiredUnused(credential, LocalDate.now(this.clock.withZone(this.rules.zone())))
			.map((finding) -> decided(List.of(finding)).get(0));
	}

	/**
	 * A credential still outstanding (neither accepted nor cancelled) on or after its
	 * {@code expiresOn}, the first day it is no longer valid, as the membership judges
	 * it.
	 */
	private Optional<Finding> expiredUnused(Document credential, LocalDate today) {
		if (!"ISSUED".equals(credential.getString("status")) || credential.getString("expiresOn") == null) {
			return Optional.empty();
		}
		LocalDate expiresOn = LocalDate.parse(credential.getString("expiresOn"));
		if (today.isBefore(expiresOn)) {
			return Optional.empty();
		}
		String memberId = credential.getString("memberId");
		long position = ((Number) credential.get("position")).longValue();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("issuedOn", credential.getString("issuedOn"));
		detail.put("expiresOn", expiresOn.toString());
		if (credential.getString("toUnionId") != null) {
			detail.put("toUnionId", credential.getString("toUnionId"));
		}
		detail.put("daysExpired", ChronoUnit.DAYS.between(expiresOn, today));
		detail.put("refusedPresentations", ((Number) credential.getOrDefault("refusals", 0L)).longValue());
		if (credential.getString("lastRefusalReason") != null) {
			detail.put("lastRefusalReason", credential.getString("lastRefusalReason"));
		}
		return Optional.of(new Finding(FindingKind.CREDENTIAL_EXPIRED_UNUSED.name() + ":" + memberId + ":" + position,
				FindingKind.CREDENTIAL_EXPIRED_UNUSED, credential.getString("unionId"),
				credential.getString("jurisdictionCode"), this.calendar.yearOf(expiresOn), memberId, expiresOn,
				LocalDate.parse(credential.getString("recordedOn")), position, Map.copyOf(detail), "OPEN", null, null,
				null, null));
	}

	/** The findings with the decisions recorded under their ids. */
	private List<Finding> decided(List<Finding> evaluated) {
		if (evaluated.isEmpty()) {
			return evaluated;
		}
		Map<String, Document> decisions = new LinkedHashMap<>();
		for (Document decision : byIds(this.findings, evaluated.stream().map(Finding::id).toList())) {
			decisions.put(decision.getString("_id"), decision);
		}
		List<Finding> result = new ArrayList<>();
		for (Finding f : evaluated) {
			Document decision = decisions.get(f.id());
			result.add((decision == null || decision.getString("status") == null) ? f
					: new Finding(f.id(), f.kind(), f.unionId(), f.jurisdictionCode(), f.statisticalYear(),
							f.memberId(), f.effectiveDate(), f.recordedOn(), f.position(), f.detail(),
							decision.getString("status"), decision.getString("decisionReason"),
							decision.getString("decidedBy"), decision.getString("correctedBy"),
							decision.getString("correctionReason")));
		}
		return result;
	}

	/** The ids of a list, from its chunks in window order (see the projection). */
	private List<String> listed(String key) {
		Document head = byId(this.lists, key);
		if (head == null || !(head.get("w") instanceof List<?> windows)) {
			return List.of();
		}
		List<Long> ordered = new ArrayList<>();
		windows.forEach((window) -> ordered.add(((Number) window).longValue()));
		ordered.sort(null);
		List<String> chunkIds = ordered.stream().map((window) -> SupervisionProjection.listChunk(key, window)).toList();
		Map<String, Document> chunks = new java.util.HashMap<>();
		byIds(this.lists, chunkIds).forEach((chunk) -> chunks.put(chunk.getString("_id"), chunk));
		java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
		for (String chunkId : chunkIds) {
			Document chunk = chunks.get(chunkId);
			if (chunk != null && chunk.getList("ids", String.class) != null) {
				ids.addAll(chunk.getList("ids", String.class));
			}
		}
		return new ArrayList<>(ids);
	}

	private static Document byId(MongoCollection<Document> collection, String id) {
		return collection.find(Filters.eq("_id", id)).first();
	}

	private static List<Document> byIds(MongoCollection<Document> collection, List<String> ids) {
		List<Document> documents = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 1000) {
			for (Document document : collection
				.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 1000))))) {
				documents.add(document);
			}
		}
		return documents;
	}

}
