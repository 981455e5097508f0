package org.unionledger.api.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.unionledger.api.config.AxonConfiguration;
import org.unionledger.api.statistics.JurisdictionSubject;
import org.unionledger.api.statistics.StatisticsResponse;
import org.unionledger.eventstore.EventSeal;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.projections.consistency.ReferenceStatistics;
import org.unionledger.projections.consistency.ReferenceStatistics.TargetInForce;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.statistics.StatisticsQueryHandler;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.UnionId;

/**
 * The auditor's replay: verifies the event store's seal, then replays its events through
 * {@link ReferenceStatistics} (a brute-force count that shares no counting code with the
 * read models) and answers statistics in the API's shape. It reads the {@code events},
 * {@code seal_chain}, {@code seal_digests} and {@code seal_state} collections and the
 * {@code streams} copies the verification compares, all by {@code _id}; it never reads a
 * read model and never writes.
 */
public final class AuditReplay {

	private static final int WINDOW = 1000;

	private final EventSeal seal;

	private final MongoEventStorageEngine engine;

	private final StatisticalCalendar calendar;

	private final ReferenceStatistics reference;

	private final Set<UnionId> unions = new HashSet<>();

	private EventSeal.VerificationReport verification;

	/**
	 * @param database the store
	 * @param sealKey the key the ledger signs its digests with
	 * @param calendar the ledger's statistical calendar
	 * @param zone the ledger's zone (recorded days)
	 * @param clock for nothing but the seal's constructor: the replay seals nothing
	 */
	public AuditReplay(MongoDatabase database, byte[] sealKey, StatisticalCalendar calendar, ZoneId zone, Clock clock) {
		this.seal = new EventSeal(database, "", sealKey, clock);
		Serializer serializer = JacksonSerializer.builder().objectMapper(AxonConfiguration.messageMapper()).build();
		this.engine = MongoEventStorageEngine.builder()
			.database(database)
			.eventSerializer(serializer)
			.snapshotSerializer(serializer)
			.createIndexes(false)
			.build();
		this.calendar = calendar;
		this.reference = new ReferenceStatistics(calendar, zone);
	}

	/**
	 * Recomputes the hash chain and every signed digest (see {@link EventSeal#verify()}).
	 */
	public EventSeal.VerificationReport verify() {
		this.verification = this.seal.verify();
		return this.verification;
	}

	/**
	 * What the replay read.
	 *
	 * @param eventsRead committed events replayed
	 * @param commitsRead commit documents read (committed, aborted or burned)
	 * @param throughPosition the last global position replayed
	 * @param sealedUpTo the last position the seal covers
	 * @param unsealedCommits commit documents found after the sealed head
	 * @param unsealedIncluded whether those were replayed too (then unverified)
	 */
	public record Replayed(long eventsRead, long commitsRead, long throughPosition, long sealedUpTo,
			long unsealedCommits, boolean unsealedIncluded) {
	}

	/**
	 * Replays every committed event up to the sealed head (found by {@link #verify()}),
	 * and, when {@code includeUnsealed}, those after it as well.
	 */
	public Replayed replay(boolean includeUnsealed) {
		if (this.verification == null) {
			verify();
		}
		long sealedUpTo = this.verification.verifiedUpTo();
		long[] sealed = new long[3];
		long next = 1;
		while (next <= sealedUpTo) {
			next = read(next, Math.min(next + WINDOW - 1, sealedUpTo), sealed, true);
		}
		long[] unsealed = new long[3];
		while (true) {
			long[] window = new long[3];
			long after = read(next, next + WINDOW - 1, window, includeUnsealed);
			if (window[1] == 0) {
				break;
			}
			unsealed[0] += window[0];
			unsealed[1] += window[1];
			unsealed[2] = Math.max(unsealed[2], window[2]);
			next = after;
		}
		boolean moreReplayed = includeUnsealed && unsealed[0] > 0;
		return new Replayed(sealed[0] + (includeUnsealed ? unsealed[0] : 0),
				sealed[1] + (includeUnsealed ? unsealed[1] : 0), moreReplayed ? unsealed[2] : sealed[2], sealedUpTo,
				unsealed[1], includeUnsealed);
	}

	/**
	 * Reads the commits starting in {@code from..to} and counts them into {@code counts}
	 * (events, commit documents, last event position); adds their events to the reference
	 * when {@code replay}. Returns where the next range starts.
	 */
	private long read(long from, long to, long[] counts, boolean replay) {
		MongoEventStorageEngine.CommittedRange range = this.engine.readCommittedRange(from, to);
		counts[1] += range.commitDocuments();
		for (TrackedEventMessage<?> event : range.events()) {
			Object payload = event.getPayload();
			if (replay) {
				this.reference.add(payload);
				if (payload instanceof UnionRegistered registered) {
					this.unions.add(registered.placement().unionId());
				}
			}
			counts[0]++;
			counts[2] = Math.max(counts[2], event.trackingToken().position().orElse(0));
		}
		return range.nextPosition();
	}

	/** Whether a union was registered in the replayed events. */
	public boolean knows(UnionId union) {
		return this.unions.contains(union);
	}

	/**
	 * A jurisdiction's statistics as {@code GET /api/jurisdictions/{code}/statistics}
	 * answers them, from the replayed events.
	 */
	public StatisticsResponse jurisdiction(Jurisdiction jurisdiction, Integer year, LocalDate asOf, LocalDate knownAt,
			LocalDate today) {
		return StatisticsResponse.of(JurisdictionSubject.of(jurisdiction), view(
				ScopeKeys.jurisdiction(jurisdiction.code()), jurisdiction.code().value(), year, asOf, knownAt, today));
	}

	/**
	 * A union's statistics as {@code GET /api/unions/{unionId}/statistics} answers them,
	 * from the replayed events.
	 */
	public StatisticsResponse union(UnionId union, Integer year, LocalDate asOf, LocalDate knownAt, LocalDate today) {
		return StatisticsResponse.of(union, view(ScopeKeys.union(union), null, year, asOf, knownAt, today));
	}

	/**
	 * The view the statistics query would give: the year asked or that of {@code asOf}
	 * (default today), figures as of {@code asOf} capped at the year's last day, as known
	 * at the end of {@code knownAt}, the differences to what is known now, and the
	 * completion of each target of a jurisdiction.
	 */
	StatisticsView view(String scope, String jurisdictionCode, Integer year, LocalDate asOf, LocalDate knownAt,
			LocalDate today) {
		LocalDate day = (asOf != null) ? asOf : today;
		int statisticalYear = (year != null) ? year : this.calendar.yearOf(day);
		LocalDate first = this.calendar.firstDay(statisticalYear);
		LocalDate last = this.calendar.lastDay(statisticalYear);
		LocalDate cut = day.isAfter(last) ? last : day;
		Map<String, Long> figures = scopeOf(this.reference.figures(statisticalYear, cut, knownAt), scope);
		Map<String, Long> recordedLater = null;
		if (knownAt != null) {
			Map<String, Long> now = scopeOf(this.reference.figures(statisticalYear, cut, null), scope);
			recordedLater = new TreeMap<>();
			Set<String> names = new LinkedHashSet<>(now.keySet());
			names.addAll(figures.keySet());
			for (String name : names) {
				long difference = now.getOrDefault(name, 0L) - figures.getOrDefault(name, 0L);
				if (difference != 0) {
					recordedLater.put(name, difference);
				}
			}
		}
		List<StatisticsView.Completion> completion = new ArrayList<>();
		if (jurisdictionCode != null) {
			long newEnrollments = figures.getOrDefault(Figures.NEW, 0L);
			Map<TargetSource, TargetInForce> targets = this.reference.targetsInForce(jurisdictionCode, statisticalYear,
					cut, knownAt);
			for (TargetSource source : TargetSource.values()) {
				TargetInForce target = targets.get(source);
				Long value = (target != null) ? target.target() : null;
				completion
					.add(new StatisticsView.Completion(source, value, (target != null) ? target.effectiveDate() : null,
							newEnrollments, StatisticsQueryHandler.rate(newEnrollments, value)));
			}
		}
		return new StatisticsView(scope, statisticalYear, first, cut, knownAt, figures, recordedLater,
				List.copyOf(completion));
	}

	private static Map<String, Long> scopeOf(Map<String, Map<String, Long>> figures, String scope) {
		return new TreeMap<>(figures.getOrDefault(scope, Map.of()));
	}

}
