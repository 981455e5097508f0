package org.unionledger.api.applications;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The rate limit guards the public form only. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApplicationProperties.class)
public class ApplicationWebConfiguration implements WebMvcConfigurer {

	private final RateLimiter limiter;

	public ApplicationWebConfiguration(RateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.limiter).addPathPatterns("/api/applications");
	}

}
