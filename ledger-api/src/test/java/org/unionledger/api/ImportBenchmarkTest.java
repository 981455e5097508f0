package org.unionledger.api;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The done-when figure of bulk import: a 50,000-row GBK file with 1% bad rows, on the
 * embedded store. Exactly the bad rows come back, each with its rule, and the rest are
 * enrolled. Prints rows per second. Tagged {@code bench}: not part of the default run;
 * {@code ./mvnw -pl ledger-api -am verify -Dgroups=bench -DexcludedGroups= -Dtest=ImportBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} runs it ({@code -Dbench.rows=} to change the
 * size).
 */
@Tag("bench")
class ImportBenchmarkTest extends ApiTestSupport {

	@Autowired
	MongoDatabase database;

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明" };

	private static final String[] BAD_RULES = { "RESIDENT_ID_CHECK_DIGIT", "UNION_UNKNOWN", "EFFECTIVE_DATE_IN_FUTURE",
			"INVALID_VALUE", "NOT_BLANK" };

	@Test
	void fiftyThousandGbkRowsWithOnePercentBad() {
		int rowCount = Integer.getInteger("bench.rows", 50_000);
		List<String> unions = new ArrayList<>();
		String[] counties = { "130102", "130104", "130105", "130108", "130171", "130202", "130203", "130602", "130606",
				"130681" };
		for (int i = 0; i < counties.length; i++) {
			String union = "bench-u" + i;
			ensureUnion(union, counties[i]);
			unions.add(union);
		}
		Random random = new Random(20261125L);
		StringBuilder csv = new StringBuilder("residentId,name,unionId,effectiveDate,channel\r\n");
		Map<Integer, String> expectedBad = new HashMap<>();
		String day = TODAY.minusDays(10).toString();
		for (int i = 0; i < rowCount; i++) {
			int line = i + 2;
			String residentId = residentId();
			String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
					+ ((random.nextInt(3) == 0) ? "" : GIVEN[random.nextInt(GIVEN.length)]);
			String union = unions.get(random.nextInt(unions.size()));
			String date = day;
			if (i % 100 == 50) {
				String rule = BAD_RULES[(i / 100) % BAD_RULES.length];
				expectedBad.put(line, rule);
				switch (rule) {
					case "RESIDENT_ID_CHECK_DIGIT" ->
						residentId = residentId.substring(0, 17) + ((residentId.charAt(17) == '1') ? '2' : '1');
					case "UNION_UNKNOWN" -> union = "bench-missing";
					case "EFFECTIVE_DATE_IN_FUTURE" -> date = TODAY.plusDays(30).toString();
					case "INVALID_VALUE" -> date = "2026/01/01";
					default -> name = "";
				}
			}
			csv.append(residentId)
				.append(',')
				.append(name)
				.append(',')
				.append(union)
				.append(',')
				.append(date)
				.append(",\r\n");
		}
		byte[] file = csv.toString().getBytes(Charset.forName("GBK"));
		long head = this.engine.headPosition();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("text/csv"));

		long started = System.nanoTime();
		ResponseEntity<Map> accepted = as(TestUsers.SYSADMIN).postForEntity("/api/imports",
				new HttpEntity<>(file, headers), Map.class);
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		Map job = awaitDone((String) accepted.getBody().get("importId"));
		double seconds = (System.nanoTime() - started) / 1e9;

		System.out.printf("IMPORT BENCH: %d rows (%s, %d bytes, %d bad) in %.1f s: %.0f rows/s (job %s ms)%n", rowCount,
				job.get("encoding"), file.length, expectedBad.size(), seconds, rowCount / seconds,
				job.get("durationMillis"));
		assertThat(job).containsEntry("status", "DONE").containsEntry("encoding", "GBK");
		assertThat(job.get("accepted")).isEqualTo(rowCount - expectedBad.size());
		assertThat(job.get("rejected")).isEqualTo(expectedBad.size());
		Map<Integer, String> rejected = new HashMap<>();
		for (Map r : (List<Map>) job.get("rejections")) {
			rejected.put((Integer) r.get("line"), (String) r.get("rule"));
		}
		assertThat(rejected).isEqualTo(expectedBad);
		// The head position is an upper bound of positions (concurrent writers may leave
		// gaps), so the exact count comes from the read models.
		assertThat(this.engine.headPosition() - head).isGreaterThanOrEqualTo(rowCount - expectedBad.size());
		long enrolled = 0;
		long newEnrollments = 0;
		for (String union : unions) {
			enrolled += ((Number) as(TestUsers.SYSADMIN).getForObject("/api/unions/" + union + "/members", Map.class)
				.get("count")).longValue();
			newEnrollments += ((Number) as(TestUsers.SYSADMIN)
				.getForObject("/api/unions/" + union + "/summary", Map.class)
				.get("newEnrollments")).longValue();
		}
		assertThat(enrolled).as("members on the rosters").isEqualTo(rowCount - expectedBad.size());
		assertThat(newEnrollments).as("new enrollments counted").isEqualTo(rowCount - expectedBad.size());

		// the reference, on the same store: insertMany of as many copies of the last
		// enrollment's stored event document, in batches of 1,000
		int enrolledRows = rowCount - expectedBad.size();
		Document template = new Document(this.database.getCollection("events")
			.find(Filters.eq("_id", this.engine.lastCommittedPosition()))
			.first());
		template.remove("_id");
		List<Document> copies = new ArrayList<>(enrolledRows);
		for (int i = 0; i < enrolledRows; i++) {
			copies.add(new Document(template).append("_id", "copy-" + i));
		}
		MongoCollection<Document> scratch = this.database.getCollection("bench_insert_many");
		long referenceStarted = System.nanoTime();
		for (int from = 0; from < enrolledRows; from += 1_000) {
			scratch.insertMany(copies.subList(from, Math.min(enrolledRows, from + 1_000)));
		}
		double referenceSeconds = (System.nanoTime() - referenceStarted) / 1e9;
		scratch.drop();
		System.out.printf(
				"IMPORT BENCH: reference insertMany of %d event documents (batches of 1,000): %.1f s, %.0f docs/s;"
						+ " import / insertMany = %.3f×%n",
				enrolledRows, referenceSeconds, enrolledRows / referenceSeconds,
				(rowCount / seconds) / (enrolledRows / referenceSeconds));
	}

	private Map awaitDone(String importId) {
		while (true) {
			Map job = as(TestUsers.SYSADMIN).getForObject("/api/imports/" + importId, Map.class);
			if (!"RUNNING".equals(job.get("status"))) {
				return job;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
