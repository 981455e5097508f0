package org.unionledger.jurisdiction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JurisdictionCodeTest {

	@Test
	void aProvinceACityAndACountyCodeHaveTwoFourAndSixDigits() {
		assertThat(JurisdictionCode.of("13").level()).isEqualTo(JurisdictionLevel.PROVINCE);
		assertThat(JurisdictionCode.of("1301").level()).isEqualTo(JurisdictionLevel.CITY);
		assertThat(JurisdictionCode.of("130102").level()).isEqualTo(JurisdictionLevel.COUNTY);
		assertThat(JurisdictionCode.of("130102").city()).isEqualTo(JurisdictionCode.of("1301"));
		assertThat(JurisdictionCode.of("130102").province()).isEqualTo(JurisdictionCode.of("13"));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "1", "130", "13010", "1301020", "13010a", "13 102", "+30102", "１３", "１３０１", "13010٢" })
	void anythingElseIsRefused(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> JurisdictionCode.of(value))
			.withMessage("a jurisdiction code has 2, 4 or 6 digits");
	}

}
