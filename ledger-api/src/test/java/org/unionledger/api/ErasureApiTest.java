package org.unionledger.api;

import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.unionledger.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure on a lawful request (PIPL): the person's data key is destroyed, so their name
 * and ID are unreadable everywhere, while every figure and the seal stay as they were.
 */
class ErasureApiTest extends ApiTestSupport {

	/** Signs in as the test system administrator. */
	@org.junit.jupiter.api.BeforeEach
	void signIn() {
		this.http = this.http.withBasicAuth(TestUsers.SYSADMIN, TestUsers.PASSWORD);
	}

	@Autowired
	MongoDatabase database;

	@Test
	void erasingAPersonLeavesEveryFigureAndTheSealAsTheyWere() {
		assertThat(
				this.http
					.postForEntity("/api/unions",
							Map.of("unionId", "erase-site", "name", "删除测试工会", "type", "PROJECT_SITE", "sector",
									"CONSTRUCTION", "jurisdictionCode", "130181", "establishedOn", "2018-03-01"),
							Map.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		String first17 = "139903" + "19870412" + "246";
		String residentId = first17 + ResidentId.checkDigitFor(first17);
		String name = "赵六顺";
		ResponseEntity<Map> enrolled = this.http.postForEntity("/api/members",
				Map.of("residentId", residentId, "name", name, "unionId", "erase-site", "effectiveDate", "2026-05-01",
						"channel", "ON_SITE",
						// 2026 may have been signed by another test of the suite
						// (SignOffApiTest)
						"confirmBackdating", true),
				Map.class);
		assertThat(enrolled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String memberId = (String) enrolled.getBody().get("memberId");
		assertThat(firstEvent(memberId)).containsEntry("residentIdMasked", "1399**********" + residentId.substring(14))
			.containsEntry("nameMasked", "赵**");

		List<Map> figuresBefore = figures();
		this.http.postForObject("/api/audit/seal", null, Map.class);

		ResponseEntity<Map> erased = this.http.postForEntity("/api/members/" + memberId + "/erasure",
				Map.of("legalBasis", "PIPL art. 47, request 2026-17"), Map.class);
		assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(firstEvent(memberId)).containsEntry("residentIdMasked", "[erased]")
			.containsEntry("nameMasked", "[erased]");
		assertThat(figures()).isEqualTo(figuresBefore);
		assertThat(this.database.getCollection("person_keys").countDocuments(new Document("_id", memberId))).isZero();
		for (String collection : this.database.listCollectionNames()) {
			for (Document document : this.database.getCollection(collection).find()) {
				assertThat(document.toJson()).as(collection).doesNotContain(residentId).doesNotContain(name);
			}
		}
		this.http.postForObject("/api/audit/seal", null, Map.class);
		assertThat(this.http.getForObject("/api/audit/verification", Map.class)).containsEntry("intact", true);

		ResponseEntity<Map> again = this.http.postForEntity("/api/members/" + memberId + "/erasure",
				Map.of("legalBasis", "again"), Map.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody()).containsEntry("rule", "PERSONAL_DATA_ALREADY_ERASED");
		Map history = this.http.getForObject("/api/members/" + memberId + "/history", Map.class);
		assertThat((List<Map>) history.get("events")).extracting(e -> e.get("type"))
			.containsExactly("MemberEnrolled", "PersonalDataErased");
	}

	private Map firstEvent(String memberId) {
		Map history = this.http.getForObject("/api/members/" + memberId + "/history", Map.class);
		return ((List<Map>) history.get("events")).get(0);
	}

	private List<Map> figures() {
		return List.of(this.http.getForObject("/api/unions/erase-site/summary", Map.class),
				this.http.getForObject("/api/jurisdictions/130181/summary", Map.class),
				this.http.getForObject("/api/jurisdictions/1301/summary", Map.class),
				this.http.getForObject("/api/jurisdictions/13/summary", Map.class));
	}

}
