package org.unionledger.api.config;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervision thresholds bind from {@code ledger.supervision.*}, with defaults. */
class LedgerPropertiesTest {

	private static LedgerProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("ledger",
				LedgerProperties.class);
	}

	@Test
	void supervisionThresholdsHaveDefaultsAndCanBeSet() {
		LedgerProperties.Supervision defaults = bind(Map.of()).supervision();
		assertThat(defaults).isEqualTo(new LedgerProperties.Supervision(30, 90, 14, BigDecimal.valueOf(3), 10));

		LedgerProperties.Supervision set = bind(
				Map.of("ledger.supervision.burst-window-days", "7", "ledger.supervision.burst-factor", "2.5",
						"ledger.supervision.burst-min-enrollments", "20", "ledger.supervision.backdated-days", "15"))
			.supervision();
		assertThat(set).isEqualTo(new LedgerProperties.Supervision(15, 90, 7, new BigDecimal("2.5"), 20));
	}

}
