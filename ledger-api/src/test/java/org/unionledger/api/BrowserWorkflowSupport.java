package org.unionledger.api;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workflow walked in a real headless Chromium against the running ledger: one browser
 * for the whole class, opened before the class's own set-up, and after every test no
 * complaint of the Content-Security-Policy in the console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserWorkflowSupport extends ApiTestSupport {

	@LocalServerPort
	int port;

	Browser browser;

	/** The window's width and height (a desktop screen unless a class says otherwise). */
	int[] windowSize() {
		return new int[] { 1280, 900 };
	}

	@BeforeAll
	void startBrowser() throws IOException {
		int[] size = windowSize();
		this.browser = Browser.open("http://localhost:" + this.port, size[0], size[1]);
	}

	@AfterEach
	void noPolicyViolations() {
		if (this.browser != null) {
			assertThat(this.browser.policyViolations()).isEmpty();
		}
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

}
