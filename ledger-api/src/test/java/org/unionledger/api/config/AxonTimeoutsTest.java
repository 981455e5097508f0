package org.unionledger.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's Axon timeouts, as {@code application.properties} sets them, bind to Axon's
 * own properties (a misspelt key would be ignored and leave Axon's 60 s, which
 * interrupted the demo seeding on a busy machine and failed the first start).
 */
class AxonTimeoutsTest {

	@Test
	void unitsOfWorkAndHandlersGetTenMinutesAndWarnEveryHalfMinute() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		TimeoutProperties timeouts = new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("axon.timeout", TimeoutProperties.class);

		assertThat(timeouts.isEnabled()).isTrue();
		for (var settings : new org.axonframework.messaging.timeout.TaskTimeoutSettings[] {
				timeouts.getTransaction().getCommandBus(), timeouts.getTransaction().getEventProcessors(),
				timeouts.getHandler().getCommands(), timeouts.getHandler().getEvents() }) {
			assertThat(settings.getTimeoutMs()).isEqualTo(600_000);
			assertThat(settings.getWarningThresholdMs()).isEqualTo(30_000);
			assertThat(settings.getWarningIntervalMs()).isEqualTo(30_000);
		}
	}

}
