package org.unionledger.api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.unionledger.api.config.ReadModelLayoutUpgrade;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.support.ReadModelLayouts;
import org.unionledger.identity.ResidentId;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.statistics.StatisticalCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models are rebuildable: resetting the summary processor and replaying every
 * event from the store gives exactly the figures it had.
 */
class ProjectionRebuildTest extends ApiTestSupport {

	/** Signs in as the test system administrator. */
	@org.junit.jupiter.api.BeforeEach
	void signIn() {
		this.http = this.http.withBasicAuth(TestUsers.SYSADMIN, TestUsers.PASSWORD);
	}

	@Autowired
	EventProcessingConfiguration processing;

	@Test
	void aRebuildFromEventsReproducesEveryFigure() throws Exception {
		LocalDate today = FixedClockConfiguration.TODAY;
		union("rb-changan", "130102");
		union("rb-lubei", "130203");
		List<String> members = new ArrayList<>();
		List<LocalDate> lubeiEnrollments = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String first17 = "139902" + "19920304" + String.format("%03d", i);
			ResponseEntity<Map> enrolled = this.http.postForEntity("/api/members",
					Map.of("residentId", first17 + ResidentId.checkDigitFor(first17), "name", "王五", "unionId",
							(i % 3 == 0) ? "rb-lubei" : "rb-changan", "effectiveDate",
							today.minusDays(40 - i).toString(), "channel", "ON_SITE"),
					Map.class);
			assertThat(enrolled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			members.add((String) enrolled.getBody().get("memberId"));
			if (i % 3 == 0) {
				lubeiEnrollments.add(today.minusDays(40 - i));
			}
		}
		String code = (String) this.http
			.postForEntity("/api/members/" + members.get(1) + "/transfer-credentials",
					Map.of("issuedOn", today.minusDays(5).toString()), Map.class)
			.getBody()
			.get("code");
		assertThat(this.http
			.postForEntity("/api/transfer-credentials/" + code + "/acceptance",
					Map.of("unionId", "rb-lubei", "effectiveDate", today.minusDays(2).toString()), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http
			.postForEntity("/api/services",
					Map.of("unionId", "rb-lubei", "type", "SKILLS_TRAINING", "deliveredOn",
							today.minusDays(1).toString(), "personTimes", 25, "amountYuan", "880.00"),
					Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		List<Map> before = figures();

		StreamingEventProcessor processor = this.processing
			.eventProcessor(SummaryProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
			.orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		processor.start();
		awaitPosition(processor, this.engine.lastCommittedPosition());

		assertThat(figures()).isEqualTo(before);
		assertThat(before.get(0)).containsEntry("activeMembers", 7).containsEntry("transfersOut", 1);
		assertThat(before.get(1)).containsEntry("activeMembers", 5)
			.containsEntry("transfersIn", 1)
			.containsEntry("newEnrollments",
					(int) lubeiEnrollments.stream()
						.filter(d -> StatisticalCalendar.ACFTU.yearOf(d) == StatisticalCalendar.ACFTU.yearOf(today))
						.count())
			.containsEntry("servicePersonTimes", 25);
	}

	@Autowired
	ReadModelLayoutUpgrade layoutUpgrade;

	@Autowired
	MongoDatabase database;

	/**
	 * The statistics read models were recorded in an older layout: the upgrade drops them
	 * and replays every event before the processor runs again, so no document of the old
	 * shape survives and every figure is what it was.
	 */
	@Test
	void readModelsOfAnOlderLayoutAreRebuiltFromTheFirstEvent() throws Exception {
		ReadModelLayouts layouts = new ReadModelLayouts(this.database);
		assertThat(layouts.recorded(StatisticsProjection.PROCESSING_GROUP))
			.as("recorded when the ledger started on an empty store")
			.isEqualTo(StatisticsProjection.LAYOUT);
		union("ly-xinhua", "130105");
		for (int i = 0; i < 5; i++) {
			String first17 = "139902" + "19880512" + String.format("%03d", i);
			assertThat(
					this.http
						.postForEntity("/api/members",
								Map.of("residentId", first17 + ResidentId.checkDigitFor(first17), "name", "赵六",
										"unionId", "ly-xinhua", "effectiveDate",
										FixedClockConfiguration.TODAY.minusDays(i).toString(), "channel", "ONLINE"),
								Map.class)
						.getStatusCode())
				.isEqualTo(HttpStatus.CREATED);
		}
		String statistics = "/api/jurisdictions/130105/statistics?year="
				+ StatisticalCalendar.ACFTU.yearOf(FixedClockConfiguration.TODAY);
		Map before = this.http.getForObject(statistics, Map.class);
		assertThat((Map<String, Object>) before.get("flows")).containsKey("newEnrollments");

		StreamingEventProcessor processor = this.processing
			.eventProcessor(StatisticsProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
			.orElseThrow();
		processor.shutDown();
		layouts.record(StatisticsProjection.PROCESSING_GROUP, ReadModelLayouts.UNRECORDED);
		var counters = this.database.getCollection(StatisticsProjection.COUNTERS);
		String yearBucket = "J:130105|sy|" + StatisticalCalendar.ACFTU.yearOf(FixedClockConfiguration.TODAY);
		Document counts = counters.find(Filters.eq("_id", yearBucket)).first().get("c", Document.class);
		assertThat(counts.get(Figures.field(Figures.NEW)))
			.isEqualTo(((Number) ((Map<String, Object>) before.get("flows")).get("newEnrollments")).longValue());
		counters.updateOne(Filters.eq("_id", yearBucket), Updates.set("c.newEnrollments", 5));
		counters.updateOne(Filters.eq("_id", yearBucket), Updates.inc("c." + Figures.field(Figures.NEW), 100));

		assertThat(this.layoutUpgrade.run(this.processing)).containsExactly(StatisticsProjection.PROCESSING_GROUP);
		processor.start();
		awaitPosition(processor, this.engine.lastCommittedPosition());

		assertThat(counters.find(Filters.eq("_id", yearBucket)).first().get("c", Document.class)).isEqualTo(counts)
			.doesNotContainKey("newEnrollments");
		assertThat(this.http.getForObject(statistics, Map.class)).isEqualTo(before);
		assertThat(layouts.recorded(StatisticsProjection.PROCESSING_GROUP)).isEqualTo(StatisticsProjection.LAYOUT);
		processor.shutDown();
		assertThat(this.layoutUpgrade.run(this.processing)).as("nothing to do the second time").isEmpty();
		processor.start();
	}

	private void union(String unionId, String county) {
		assertThat(
				this.http
					.postForEntity("/api/unions",
							Map.of("unionId", unionId, "name", "重建测试 " + unionId, "type", "ENTERPRISE", "sector",
									"LOGISTICS", "jurisdictionCode", county, "establishedOn", "2019-05-01"),
							Map.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	private List<Map> figures() {
		List<Map> figures = new ArrayList<>();
		for (String path : List.of("/api/unions/rb-changan/summary", "/api/unions/rb-lubei/summary",
				"/api/jurisdictions/130102/summary", "/api/jurisdictions/1301/summary",
				"/api/jurisdictions/1302/summary", "/api/jurisdictions/13/summary")) {
			figures.add(this.http.getForObject(path, Map.class));
		}
		return figures;
	}

	private static void awaitPosition(StreamingEventProcessor processor, long position) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			var status = processor.processingStatus().values();
			boolean caughtUp = !status.isEmpty() && status.stream().allMatch(s -> {
				OptionalLong current = s.getCurrentPosition();
				return current.isPresent() && current.getAsLong() >= position;
			});
			if (caughtUp) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError(processor.getName() + " did not replay up to position " + position);
	}

}
