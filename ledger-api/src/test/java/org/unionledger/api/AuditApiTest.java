package org.unionledger.api;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The seal over HTTP: what is written gets sealed, and the untouched store verifies. */
class AuditApiTest extends ApiTestSupport {

	/** Signs in as the test system administrator. */
	@org.junit.jupiter.api.BeforeEach
	void signIn() {
		this.http = this.http.withBasicAuth(TestUsers.SYSADMIN, TestUsers.PASSWORD);
	}

	@Test
	void writesAreSealedAndTheStoreVerifies() {
		assertThat(
				this.http
					.postForEntity("/api/unions",
							Map.of("unionId", "audit-site", "name", "审计测试工会", "type", "PROJECT_SITE", "sector",
									"CONSTRUCTION", "jurisdictionCode", "130108", "establishedOn", "2018-03-01"),
							Map.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.CREATED);

		Map sealed = this.http.postForObject("/api/audit/seal", null, Map.class);
		assertThat(((Number) sealed.get("toPosition")).longValue()).isPositive();

		Map report = this.http.getForObject("/api/audit/verification", Map.class);
		assertThat(report).containsEntry("intact", true);
		assertThat(((Number) report.get("verifiedUpTo")).longValue())
			.isEqualTo(((Number) sealed.get("toPosition")).longValue());
		assertThat(((Number) report.get("digestsChecked")).intValue()).isPositive();
	}

}
