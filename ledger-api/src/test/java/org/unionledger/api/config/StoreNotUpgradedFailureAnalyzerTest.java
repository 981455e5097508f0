package org.unionledger.api.config;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.unionledger.eventstore.StoreNotUpgradedException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreNotUpgradedFailureAnalyzerTest {

	/**
	 * Registered with Spring Boot, and finds the refusal under the bean-creation errors
	 * the engine's start-up wraps it in.
	 */
	@Test
	void aStoreWrittenBeforeAuthenticatorsIsExplainedWithWhatToDo() throws Exception {
		List<String> registered = new java.util.ArrayList<>();
		for (java.net.URL url : java.util.Collections
			.list(getClass().getClassLoader().getResources(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION))) {
			java.util.Properties factories = new java.util.Properties();
			try (java.io.InputStream in = url.openStream()) {
				factories.load(in);
			}
			registered.add(factories.getProperty(FailureAnalyzer.class.getName(), ""));
		}
		assertThat(registered).anyMatch((names) -> names.contains(StoreNotUpgradedFailureAnalyzer.class.getName()));

		FailureAnalysis analysis = new StoreNotUpgradedFailureAnalyzer()
			.analyze(new BeanCreationException("eventStorageEngine", "failed", new StoreNotUpgradedException(4191)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("4191").contains("upgrade-authenticators");
		assertThat(analysis.getAction()).contains("./ledger upgrade-authenticators");
	}

}
