package org.unionledger.projections.unionlists;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionledger.common.RecordedBy;
import org.unionledger.eventstore.MongoTestDatabase;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.projections.support.MongoReadModelStore;
import org.unionledger.projections.support.ReadModelTransactionManager;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionMoved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.Events.UnionRenamed;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

import static org.assertj.core.api.Assertions.assertThat;

/** The unions of each county, each event handled twice. */
class UnionListProjectionTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final RecordedBy CLERK = new RecordedBy("clerk");

	private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");

	private UnionListProjection projection;

	private UnionListQueryHandler queries;

	private ReadModelTransactionManager transactions;

	@BeforeEach
	void startStore() {
		mongo.clear();
		MongoDatabase database = mongo.database();
		this.projection = new UnionListProjection(database);
		this.queries = new UnionListQueryHandler(new MongoReadModelStore(database));
		this.transactions = new ReadModelTransactionManager(database);
	}

	@Test
	void unionsAreListedUnderTheirCountyWithTheirDissolution() {
		UnionPlacement site = new UnionPlacement(new UnionId("sjz-site"), JurisdictionCode.of("130102"),
				UnionType.PROJECT_SITE, Sector.CONSTRUCTION);
		UnionPlacement express = new UnionPlacement(new UnionId("bd-express"), JurisdictionCode.of("130602"),
				UnionType.ENTERPRISE, Sector.LOGISTICS);
		twice(() -> this.projection.on(new UnionRegistered(site, "长安区工地工会", LocalDate.of(2024, 1, 1), AT, CLERK),
				new GlobalSequenceTrackingToken(1)));
		twice(() -> this.projection.on(new UnionRegistered(express, "保定快递工会", LocalDate.of(2025, 6, 1), AT, CLERK),
				new GlobalSequenceTrackingToken(2)));
		twice(() -> this.projection.on(
				new UnionDissolved(site, "project finished", LocalDate.of(2026, 2, 1), AT, CLERK),
				new GlobalSequenceTrackingToken(3)));
		UnionListView both = this.queries
			.handle(new FindUnionsIn(List.of(JurisdictionCode.of("130602"), JurisdictionCode.of("130102"))));
		assertThat(both.unions()).containsExactly(
				new UnionListView.Entry("sjz-site", "长安区工地工会", "130102", "PROJECT_SITE", "CONSTRUCTION",
						LocalDate.of(2024, 1, 1), LocalDate.of(2026, 2, 1), List.of()),
				new UnionListView.Entry("bd-express", "保定快递工会", "130602", "ENTERPRISE", "LOGISTICS",
						LocalDate.of(2025, 6, 1), null, List.of()));
		assertThat(this.queries.handle(new FindUnionsIn(List.of(JurisdictionCode.of("130104")))).unions()).isEmpty();
	}

	@Test
	void aRenamedUnionIsListedUnderItsNewNameWithItsFormerNames() {
		UnionPlacement express = new UnionPlacement(new UnionId("bd-express"), JurisdictionCode.of("130602"),
				UnionType.ENTERPRISE, Sector.LOGISTICS);
		twice(() -> this.projection.on(new UnionRegistered(express, "保定快递工会", LocalDate.of(2025, 6, 1), AT, CLERK),
				new GlobalSequenceTrackingToken(1)));
		twice(() -> this.projection.on(
				new UnionRenamed(express, "保定快递物流工会", "保定快递工会", null, LocalDate.of(2026, 1, 1), AT, CLERK),
				new GlobalSequenceTrackingToken(2)));
		twice(() -> this.projection.on(
				new UnionRenamed(express, "保定市快递物流业联合工会", "保定快递物流工会", "merged", LocalDate.of(2026, 2, 1), AT, CLERK),
				new GlobalSequenceTrackingToken(3)));
		assertThat(this.queries.handle(new FindUnionsIn(List.of(JurisdictionCode.of("130602")))).unions())
			.containsExactly(new UnionListView.Entry("bd-express", "保定市快递物流业联合工会", "130602", "ENTERPRISE", "LOGISTICS",
					LocalDate.of(2025, 6, 1), null, List.of("保定快递工会", "保定快递物流工会")));
	}

	@Test
	void aUnionThatMovesIsListedUnderItsNewCountyWithWhenAndWhereFrom() {
		UnionPlacement site = new UnionPlacement(new UnionId("sjz-site"), JurisdictionCode.of("130102"),
				UnionType.PROJECT_SITE, Sector.CONSTRUCTION);
		UnionPlacement moved = new UnionPlacement(site.unionId(), JurisdictionCode.of("130104"), site.type(),
				site.sector());
		twice(() -> this.projection.on(new UnionRegistered(site, "长安区工地工会", LocalDate.of(2024, 1, 1), AT, CLERK),
				new GlobalSequenceTrackingToken(1)));
		twice(() -> this.projection.on(
				new UnionMoved(moved, site.jurisdictionCode(), "2023", "区划调整", LocalDate.of(2026, 3, 2), AT, CLERK),
				new GlobalSequenceTrackingToken(2)));
		// a new name effective before the move names the county of its day; the union is
		// listed once, under the county it moved to
		twice(() -> this.projection.on(
				new UnionRenamed(site, "长安区建筑工会", "长安区工地工会", null, LocalDate.of(2026, 3, 1), AT, CLERK),
				new GlobalSequenceTrackingToken(3)));
		twice(() -> this.projection.on(
				new UnionDissolved(moved, "project finished", LocalDate.of(2026, 9, 1), AT, CLERK),
				new GlobalSequenceTrackingToken(4)));
		assertThat(this.queries.handle(new FindUnionsIn(List.of(JurisdictionCode.of("130102")))).unions()).isEmpty();
		// as of a day: where it stood then
		for (String county : List.of("130102", "130104")) {
			for (LocalDate day : List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2))) {
				boolean there = county.equals("130102") == day.equals(LocalDate.of(2026, 3, 1));
				assertThat(this.queries.handle(new FindUnionsIn(List.of(JurisdictionCode.of(county)), day)).unions())
					.as("%s on %s", county, day)
					.extracting(UnionListView.Entry::unionId)
					.containsExactlyElementsOf(there ? List.of("sjz-site") : List.of());
			}
		}
		assertThat(this.queries.handle(new FindUnionsIn(List.of(JurisdictionCode.of("130104")))).unions())
			.containsExactly(new UnionListView.Entry("sjz-site", "长安区建筑工会", "130104", "PROJECT_SITE", "CONSTRUCTION",
					LocalDate.of(2024, 1, 1), LocalDate.of(2026, 9, 1), List.of("长安区工地工会"), LocalDate.of(2026, 3, 2),
					"130102"));
	}

	private void twice(Runnable handler) {
		this.transactions.executeInTransaction(handler);
		this.transactions.executeInTransaction(handler);
	}

}
