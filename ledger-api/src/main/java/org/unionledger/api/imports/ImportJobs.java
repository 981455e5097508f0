package org.unionledger.api.imports;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.unionledger.api.annualreports.Backdating;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.support.RandomIds;
import org.unionledger.api.imports.EnrollmentCsv.Row;
import org.unionledger.api.members.Enrollments;
import org.unionledger.api.members.Enrollments.BulkEnrollment;
import org.unionledger.api.members.Enrollments.Enrolled;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.problems.Violations;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.api.security.LedgerUser;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.support.Ids;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Rule;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.common.Outcome;
import org.unionledger.identity.PersonName;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.ResidentId;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipState;
import org.unionledger.membership.MembershipState.EnrollmentAttempt;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;

/**
 * Runs imports as background jobs, one job at a time, its rows on a few threads.
 * <p>
 * <b>Rows.</b> Each row is checked on its own (ID, name, union, scope, date, channel)
 * and, if sound, sent as an {@code EnrollMember} with the importing user as recorder. A
 * bad row is reported with its line, field and rule and never stops the others. A person
 * on two rows of one file is enrolled from the first; later rows are
 * {@link Rule#DUPLICATE_IN_FILE}.
 * <p>
 * <b>Batches.</b> Rows go to the ledger in batches ({@code ledger.imports.batch-size},
 * default 256) through {@link Enrollments#enrollBatch} and so {@link CommandBatches}: the
 * batch's member streams are read in one {@code _id $in}, their keys in another, every
 * row's command runs through the same aggregate as a single enrollment would (refusals
 * recorded as events the same way), and the batch's events are stored as group commits. A
 * row whose person another request changed meanwhile is sent again on its own. A batch
 * the store failed to take is retried row by row, each row's stream telling whether it
 * was stored.
 * <p>
 * <b>Importing again writes nothing new.</b> A row's identity is (member id, union,
 * effective date, channel); the member's own event stream, one {@code _id} read, tells
 * whether that row was applied before: an enrollment or re-enrollment at that union on
 * that date means the row is already in the ledger (counted as {@code alreadyPresent});
 * an {@code EnrollmentRejected} for that union, date and channel means the domain refused
 * it before (the person was a member elsewhere), and the row is reported rejected again
 * with the recorded reason, without recording the refusal a second time. Nothing but the
 * job document is written.
 * <p>
 * <b>Jobs</b> are documents in {@code imports} keyed by {@code _id}: status, counts,
 * rejected rows (the first {@value #MAX_REJECTIONS}), encoding, who and when. Progress is
 * written every {@value #PROGRESS_EVERY} rows. A job still running when the ledger stops
 * is marked {@code INTERRUPTED} at the next start; importing the file again completes it.
 * A job is kept for {@code ledger.imports.retention} (30 days) after it was started:
 * older jobs read as unknown, and a scheduled scan
 * ({@code ledger.imports.purge-interval}, hourly) deletes them.
 */
@Component
public class ImportJobs implements DisposableBean {

	static final String COLLECTION = "imports";

	static final int MAX_REJECTIONS = 10_000;

	static final int PROGRESS_EVERY = 1_000;

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final MongoCollection<Document> jobs;

	private final Enrollments enrollments;

	private final EventStore eventStore;

	private final SecureRandom random;

	private final OpenUnions unions;

	private final ProjectionFreshness freshness;

	private final Clock clock;

	private final ExecutorService runner;

	private final int batchSize;

	private final java.time.Duration retention;

	private final Backdating backdating;

	public ImportJobs(MongoDatabase database, Enrollments enrollments, EventStore eventStore, SecureRandom random,
			OpenUnions unions, ProjectionFreshness freshness, Clock clock, ImportProperties properties,
			Backdating backdating) {
		this.backdating = backdating;
		this.jobs = database.getCollection(COLLECTION);
		this.enrollments = enrollments;
		this.eventStore = eventStore;
		this.random = random;
		this.unions = unions;
		this.freshness = freshness;
		this.clock = clock;
		this.runner = Executors.newSingleThreadExecutor(daemon("import-job"));
		this.batchSize = properties.batchSize();
		this.retention = properties.retention();
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger number = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Jobs left running by a stopped ledger are marked interrupted (a scan, at start).
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void markInterrupted() {
		this.jobs.updateMany(Filters.eq("status", "RUNNING"), Updates.set("status", "INTERRUPTED"));
	}

	/**
	 * Decodes and parses the file, stores the job and starts it.
	 * @param confirmBackdating whether rows dated in a statistical year whose report is
	 * signed are enrolled (otherwise each is rejected as
	 * {@link Rule#BACKDATED_INTO_SIGNED_YEAR}, naming the reports it would flag)
	 * @return the new job's document
	 */
	public Document submit(byte[] file, LedgerUser user, boolean confirmBackdating) {
		CsvText text = CsvText.decode(file);
		List<Row> rows = EnrollmentCsv.parse(text.text());
		String id = newId();
		Document job = new Document("_id", id).append("status", "RUNNING")
			.append("createdBy", user.name())
			.append("createdAt", Date.from(this.clock.instant()))
			.append("encoding", text.encoding())
			.append("rows", rows.size())
			.append("confirmBackdating", confirmBackdating)
			.append("done", 0)
			.append("accepted", 0)
			.append("alreadyPresent", 0)
			.append("rejected", 0)
			.append("rejections", List.of());
		this.jobs.insertOne(job);
		log.info("Import {} by {}: {} rows ({})", id, user.name(), rows.size(), text.encoding());
		this.runner.submit(() -> run(id, rows, user, confirmBackdating));
		return job;
	}

	/** The job, unless it is unknown or past its retention. */
	public Optional<Document> find(String id) {
		Date cutoff = retentionCutoff();
		return Optional.ofNullable(this.jobs.find(Filters.eq("_id", id)).first())
			.filter((job) -> job.getDate("createdAt") != null && !job.getDate("createdAt").before(cutoff));
	}

	/** Deletes the finished jobs started longer ago than the retention. */
	@Scheduled(fixedDelayString = "${ledger.imports.purge-interval:1h}",
			initialDelayString = "${ledger.imports.purge-interval:1h}")
	public void purgeExpired() {
		long deleted = this.jobs
			.deleteMany(Filters.and(Filters.ne("status", "RUNNING"), Filters.lt("createdAt", retentionCutoff())))
			.getDeletedCount();
		if (deleted > 0) {
			log.info("Imports: {} jobs older than {} deleted", deleted, this.retention);
		}
	}

	private Date retentionCutoff() {
		return Date.from(this.clock.instant().minus(this.retention));
	}

	private String newId() {
		return RandomIds.next("imp-", this.random);
	}

	private void run(String id, List<Row> rows, LedgerUser user, boolean confirmBackdating) {
		long started = System.nanoTime();
		Progress progress = new Progress(id, rows.size());
		try {
			LocalDate today = LocalDate.now(this.clock);
			Map<MemberId, Integer> firstLine = new HashMap<>();
			Checks checks = new Checks(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), confirmBackdating);
			List<Candidate> batch = new ArrayList<>(this.batchSize);
			for (Row row : rows) {
				Candidate candidate = parse(row, today);
				if (candidate.rejection() == null) {
					Integer first = firstLine.putIfAbsent(candidate.memberId(), row.line());
					if (first != null) {
						candidate = Candidate.rejected(row, "residentId", Rule.DUPLICATE_IN_FILE,
								"the same person is on line " + first + " of this file");
					}
				}
				batch.add(candidate);
				if (batch.size() == this.batchSize) {
					applyBatch(batch, user, checks).forEach(progress::record);
					batch.clear();
				}
			}
			applyBatch(batch, user, checks).forEach(progress::record);
			this.freshness.awaitOwnWrites();
			progress.finish("DONE", System.nanoTime() - started);
		}
		catch (Exception ex) {
			log.error("Import {} failed", id, ex);
			progress.finish("FAILED", System.nanoTime() - started);
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** A row with what could be read from it alone. */
	private record Candidate(Row row, ResidentId residentId, PersonName name, MemberId memberId, LocalDate date,
			EnrollmentChannel channel, RowResult rejection) {

		static Candidate rejected(Row row, String field, Rule rule, String message) {
			return new Candidate(row, null, null, null, null, null,
					RowResult.rejected(row.line(), field, rule, message));
		}

	}

	private Candidate parse(Row row, LocalDate today) {
		ResidentId residentId;
		try {
			residentId = ResidentId.parse(row.residentId(), today);
		}
		catch (DomainRuleViolation ex) {
			return Candidate.rejected(row, ex.field(), ex.rule(), ex.getMessage());
		}
		PersonName name;
		try {
			name = PersonName.of(row.name());
		}
		catch (DomainRuleViolation ex) {
			return Candidate.rejected(row, ex.field(), ex.rule(), ex.getMessage());
		}
		if (Ids.union(row.unionId()).isEmpty()) {
			return Candidate.rejected(row, "unionId", Rule.UNION_ID_FORMAT,
					"unionId must be 2-64 lower-case letters, digits or hyphens");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(row.effectiveDate());
		}
		catch (DateTimeParseException ex) {
			return Candidate.rejected(row, "effectiveDate", Rule.INVALID_VALUE, "effectiveDate must be yyyy-MM-dd");
		}
		if (date.isAfter(today)) {
			return Candidate.rejected(row, "effectiveDate", Rule.EFFECTIVE_DATE_IN_FUTURE,
					"effectiveDate must not be in the future");
		}
		EnrollmentChannel channel = EnrollmentChannel.IMPORT;
		if (!row.channel().isEmpty()) {
			try {
				channel = EnrollmentChannel.valueOf(row.channel().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return Candidate.rejected(row, "channel", Rule.INVALID_VALUE,
						"channel must be ON_SITE, ONLINE or IMPORT (or empty)");
			}
		}
		return new Candidate(row, residentId, name, this.enrollments.memberIdOf(residentId), date, channel, null);
	}

	/**
	 * The rows' outcomes, in order: rows refused by their own content, scope or union are
	 * answered at once, the others are checked against their streams and sent as one
	 * command batch.
	 */
	private List<RowResult> applyBatch(List<Candidate> candidates, LedgerUser user, Checks checks) {
		RowResult[] results = new RowResult[candidates.size()];
		List<Integer> toSend = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			results[i] = precheck(candidates.get(i), user, checks.unions());
			if (results[i] == null) {
				toSend.add(i);
			}
		}
		if (!toSend.isEmpty()) {
			try {
				sendBatch(candidates, toSend, user, results, checks);
			}
			catch (CommandBatches.BatchFailedException ex) {
				log.warn("An import batch of {} rows failed as a whole ({}); its rows are applied one by one",
						toSend.size(), ex.getMessage());
				for (int i : toSend) {
					results[i] = applyAlone(candidates.get(i), user, checks);
				}
			}
		}
		return List.of(results);
	}

	private void sendBatch(List<Candidate> candidates, List<Integer> toSend, LedgerUser user, RowResult[] results,
			Checks checks) {
		List<BulkEnrollment> enrollments = toSend.stream().map((i) -> enrollment(candidates.get(i))).toList();
		// Asked inside the batch, served from its streams: no round trip.
		List<Enrolled> enrolled = this.enrollments.enrollBatch(enrollments, user.recordedBy(),
				(k) -> (results[toSend.get(k)] = notToSend(candidates.get(toSend.get(k)), enrollments.get(k).unionId(),
						checks)) != null);
		for (int k = 0; k < toSend.size(); k++) {
			if (enrolled.get(k).sent()) {
				results[toSend.get(k)] = outcome(candidates.get(toSend.get(k)).row(), enrolled.get(k).outcome(),
						enrolled.get(k).failure());
			}
		}
	}

	/** The row on its own, as before batches: its stream, its key, its command. */
	private RowResult applyAlone(Candidate candidate, LedgerUser user, Checks checks) {
		RowResult earlier = notToSend(candidate, new UnionId(candidate.row().unionId()), checks);
		if (earlier != null) {
			return earlier;
		}
		try {
			return outcome(candidate.row(), this.enrollments.enrollAlone(enrollment(candidate), user.recordedBy()),
					null);
		}
		catch (RuntimeException ex) {
			return outcome(candidate.row(), null, ex);
		}
	}

	private static BulkEnrollment enrollment(Candidate candidate) {
		return new BulkEnrollment(candidate.memberId(), new PersonalData(candidate.residentId(), candidate.name()),
				new UnionId(candidate.row().unionId()), candidate.date(), candidate.channel());
	}

	private static RowResult outcome(Row row, Outcome outcome, Throwable failure) {
		if (failure == null) {
			return outcome.accepted() ? RowResult.accepted(row.line()) : RowResult.rejected(row.line(), "residentId",
					outcome.rule(), Enrollments.refusal(outcome.rejection()));
		}
		DomainRuleViolation violation = Violations.of(failure);
		if (violation != null) {
			return RowResult.rejected(row.line(), violation.field(), violation.rule(), violation.getMessage());
		}
		log.warn("Import row on line {} failed: {}", row.line(), failure.getClass().getSimpleName());
		return RowResult.rejected(row.line(), null, Rule.ROW_FAILED, "the ledger could not enroll this row; retry");
	}

	/**
	 * Rejects the row for its own content, the importer's scope or its union, else null.
	 */
	private RowResult precheck(Candidate candidate, LedgerUser user, Map<UnionId, Optional<UnionFacts>> unionCache) {
		if (candidate.rejection() != null) {
			return candidate.rejection();
		}
		Row row = candidate.row();
		UnionId unionId = new UnionId(row.unionId());
		if (!AccessScopes.actsFor(user, unionId)) {
			return RowResult.rejected(row.line(), "unionId", Rule.OUT_OF_SCOPE,
					"the importing user does not act for this union");
		}
		try {
			OpenUnions.requireOpen(unionCache.computeIfAbsent(unionId, this.unions::find), candidate.date(), "unionId");
		}
		catch (ApiException ex) {
			return RowResult.rejected(row.line(), ex.field(), ex.rule(), ex.getMessage());
		}
		return null;
	}

	/**
	 * Why the row is not sent: it was applied before ({@link #earlierOutcome}), or it
	 * would be backdated into a year whose report is signed and the import was not
	 * confirmed for that; else null.
	 */
	private RowResult notToSend(Candidate candidate, UnionId unionId, Checks checks) {
		RowResult earlier = earlierOutcome(candidate, unionId);
		if (earlier != null || checks.confirmBackdating()) {
			return earlier;
		}
		Optional<UnionFacts> union = checks.unions().computeIfAbsent(unionId, this.unions::find);
		if (union.isEmpty()) {
			return null;
		}
		JurisdictionCode county = union.get().placementOn(candidate.date()).jurisdictionCode();
		List<Backdating.FlaggedReport> flagged = checks.flagged()
			.computeIfAbsent(county.value() + "|" + this.backdating.statisticalYearOf(candidate.date()),
					(key) -> this.backdating.reportsFlaggedBy(county, candidate.date()));
		if (flagged.isEmpty()) {
			return null;
		}
		return RowResult.rejected(candidate.row().line(), "effectiveDate", Rule.BACKDATED_INTO_SIGNED_YEAR,
				Backdating.refusal("effectiveDate", candidate.date(), flagged)
						+ ": import the file again with confirmBackdating=true to enroll it");
	}

	/**
	 * What a job checks rows against, kept for the whole file: the unions, the signed
	 * reports a backdated row would flag (by county and statistical year), and whether
	 * backdating was confirmed.
	 */
	private record Checks(Map<UnionId, Optional<UnionFacts>> unions,
			Map<String, List<Backdating.FlaggedReport>> flagged, boolean confirmBackdating) {
	}

	/**
	 * What the member's stream says of this row, if it was applied before: the latest
	 * enrollment attempt at the row's union on its date (a refused one also by channel),
	 * as {@link MembershipState} folds them.
	 */
	private RowResult earlierOutcome(Candidate candidate, UnionId unionId) {
		DomainEventStream stream = this.eventStore.readEvents(candidate.memberId().value());
		MembershipState state = MembershipState.NONE;
		while (stream.hasNext()) {
			state = state.next(stream.next().getPayload());
		}
		RowResult found = null;
		for (EnrollmentAttempt attempt : state.enrollments()) {
			if (!attempt.union().unionId().equals(unionId) || !attempt.effectiveDate().equals(candidate.date())) {
				continue;
			}
			if (attempt.rejection() == null) {
				found = RowResult.present(candidate.row().line());
			}
			else if (attempt.channel() == candidate.channel()) {
				found = RowResult.rejected(candidate.row().line(), "residentId", attempt.rejection().rule(),
						"this person already had a membership (" + attempt.rejection().name()
								+ "); the attempt was recorded for supervisors before");
			}
		}
		return found;
	}

	/**
	 * The outcome of one row.
	 *
	 * @param line its line
	 * @param outcome accepted, already present or rejected
	 * @param field the field at fault, when rejected
	 * @param rule the rule, when rejected
	 * @param message why, when rejected
	 */
	record RowResult(int line, String outcome, String field, String rule, String message) {

		static RowResult accepted(int line) {
			return new RowResult(line, "ACCEPTED", null, null, null);
		}

		static RowResult present(int line) {
			return new RowResult(line, "PRESENT", null, null, null);
		}

		static RowResult rejected(int line, String field, Rule rule, String message) {
			return new RowResult(line, "REJECTED", field, rule.name(), message);
		}

	}

	/** Counts of a running job, written to its document now and then. */
	private final class Progress {

		private final String id;

		private final int rows;

		private final AtomicInteger done = new AtomicInteger();

		private final AtomicInteger accepted = new AtomicInteger();

		private final AtomicInteger present = new AtomicInteger();

		private final AtomicInteger rejected = new AtomicInteger();

		private final List<RowResult> rejections = new ArrayList<>();

		Progress(String id, int rows) {
			this.id = id;
			this.rows = rows;
		}

		void record(RowResult result) {
			switch (result.outcome()) {
				case "ACCEPTED" -> this.accepted.incrementAndGet();
				case "PRESENT" -> this.present.incrementAndGet();
				default -> {
					this.rejected.incrementAndGet();
					synchronized (this.rejections) {
						if (this.rejections.size() < MAX_REJECTIONS) {
							this.rejections.add(result);
						}
					}
				}
			}
			int finished = this.done.incrementAndGet();
			if (finished % PROGRESS_EVERY == 0 && finished < this.rows) {
				write(null, 0);
			}
		}

		void finish(String status, long nanos) {
			write(status, nanos);
			log.info("Import {} {}: {} rows, {} accepted, {} already present, {} rejected, {} ms", this.id, status,
					this.rows, this.accepted.get(), this.present.get(), this.rejected.get(), nanos / 1_000_000);
		}

		private synchronized void write(String status, long nanos) {
			List<Document> list;
			synchronized (this.rejections) {
				list = this.rejections.stream()
					.sorted(Comparator.comparingInt(RowResult::line))
					.map(r -> new Document("line", r.line()).append("field", r.field())
						.append("rule", r.rule())
						.append("message", r.message()))
					.toList();
			}
			List<org.bson.conversions.Bson> updates = new ArrayList<>(List.of(Updates.set("done", this.done.get()),
					Updates.set("accepted", this.accepted.get()), Updates.set("alreadyPresent", this.present.get()),
					Updates.set("rejected", this.rejected.get()), Updates.set("rejections", list),
					Updates.set("rejectionsTruncated", this.rejected.get() > list.size())));
			if (status != null) {
				updates.add(Updates.set("status", status));
				updates.add(Updates.set("finishedAt", Date.from(ImportJobs.this.clock.instant())));
				updates.add(Updates.set("durationMillis", nanos / 1_000_000));
			}
			ImportJobs.this.jobs.updateOne(Filters.eq("_id", this.id), Updates.combine(updates));
		}

	}

	@Override
	public void destroy() {
		this.runner.shutdownNow();
	}

}
