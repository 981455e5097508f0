package org.unionledger.api;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real headless Chromium driven through chromedriver, both from Debian's packages at
 * fixed paths (so Selenium Manager never downloads anything). Tests skip when either is
 * missing ({@code .ci/run} installs them).
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	final ChromeDriver driver;

	final WebDriverWait wait;

	private final String base;

	private final Path profile;

	private Browser(String base, int width, int height) throws IOException {
		this.base = base;
		this.profile = Files.createTempDirectory("ledger-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + this.profile,
				"--window-size=" + width + "," + height);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().window().setSize(new Dimension(width, height));
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(15));
	}

	/**
	 * A browser, or the test is skipped (with the reason) when Chromium is not installed.
	 */
	static Browser open(String base, int width, int height) throws IOException {
		assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
				"browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
						+ " (Debian packages chromium and chromium-driver; .ci/run installs them)");
		return new Browser(base, width, height);
	}

	void go(String path) {
		this.driver.get(this.base + path);
	}

	/** Goes to a dashboard route and waits until the page replaced the loading notice. */
	void route(String hash) {
		this.driver.executeScript("window.location.hash = arguments[0];", hash);
		this.wait.until((d) -> hash.equals(((JavascriptExecutor) d).executeScript(
				"return document.body.dataset.rendered === window.location.hash ? window.location.hash : null;")));
		settle();
	}

	/** Waits until the page has rendered (no loading notice left) . */
	void settle() {
		this.wait.until((d) -> d.findElements(By.cssSelector("main > .loading")).isEmpty()
				&& !d.findElements(By.cssSelector("main > *")).isEmpty());
	}

	WebElement find(String css) {
		try {
			return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw failed(ex);
		}
	}

	/** A screenshot of what the page showed instead, named after the test's failure. */
	private RuntimeException failed(RuntimeException ex) {
		Path shot = screenshot("failure-" + System.currentTimeMillis());
		Object main = this.driver
			.executeScript("const m = document.querySelector('main'); return m ? m.innerText : '';");
		ex.addSuppressed(new AssertionError("page showed (" + shot + "): " + main));
		return ex;
	}

	WebElement present(String css) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	String text(String css) {
		return find(css).getText().strip();
	}

	/** A figure as shown (thousands separators and the like removed). */
	long number(String css) {
		return Long.parseLong(text(css).replaceAll("[^0-9-]", ""));
	}

	void waitForText(String css, String text) {
		try {
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw failed(ex);
		}
	}

	void signIn(String user, String password) {
		go("/ui/login");
		find("#username").clear();
		find("#username").sendKeys(user);
		find("#password").sendKeys(password);
		find("#login-submit").click();
		this.wait.until((d) -> d.getCurrentUrl().contains("/ui/#/"));
		find("#user-name");
		settle();
	}

	void signOut() {
		// The form is in the header; on a phone it is still there.
		this.driver.executeScript("document.getElementById('logout-form').requestSubmit();");
		this.wait.until((d) -> d.getCurrentUrl().contains("/ui/login"));
	}

	/**
	 * Sets a date (or any) input's value as a user would, through the page's own events.
	 */
	void setValue(String css, String value) {
		WebElement input = present(css);
		this.driver.executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
				+ "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
	}

	/**
	 * The console's complaints about the Content-Security-Policy or the
	 * Permissions-Policy since the last call.
	 */
	List<String> policyViolations() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Permissions-Policy")
					|| message.contains("Permissions policy"))
			.toList();
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** A screenshot with the element scrolled into view. */
	Path screenshot(String name, String css) {
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", present(css));
		return screenshot(name);
	}

	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.write(target, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a temp profile left behind is harmless
		}
	}

}
