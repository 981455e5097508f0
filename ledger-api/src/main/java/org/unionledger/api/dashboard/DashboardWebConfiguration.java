package org.unionledger.api.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's two entry pages: {@code /ui/} (the application) and {@code /ui/login}
 * (the sign-in form); everything else under {@code /ui} is a static file.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/ui", "/ui/");
		registry.addViewController("/ui/").setViewName("forward:/ui/index.html");
		registry.addViewController("/ui/login").setViewName("forward:/ui/login.html");
	}

}
