package org.unionledger.api.requests;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.unionledger.api.problems.ProblemWriter;

/**
 * The body limit and guard runs first (a huge body is refused unread, before sign-in);
 * idempotency runs after sign-in, as it keys records by the signed-in user; its records
 * expire on a schedule ({@link IdempotencyRetention}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestProperties.class)
@EnableScheduling
public class RequestsConfiguration {

	@Bean
	FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(RequestProperties limits, ProblemWriter problems) {
		FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
				new BodyLimitFilter(limits, problems));
		// Outside everything but the character encoding, so that it sees what the other
		// filters raise.
		registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	IdempotencyRetention idempotencyRetention(MongoDatabase database, RequestProperties settings, Clock clock) {
		return new IdempotencyRetention(database, settings, clock);
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(MongoDatabase database, ProblemWriter problems,
			Clock clock, IdempotencyRetention retention) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(database, problems, clock, retention));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

}
