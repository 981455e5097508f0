package org.unionledger.api;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unionledger.api.config.StoreFileCheckOnStart;
import org.unionledger.eventstore.DamagedStoreFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger started as {@code ./ledger} starts it (its own JVM, {@code main}) on a
 * damaged store file stops with one line that names the file and what to do, and a
 * non-zero exit code: no page of bean-creation errors, and no start on a truncated file.
 */
class DamagedStoreStartTest {

	@TempDir
	Path data;

	@ParameterizedTest
	@EnumSource(DamagedStoreFiles.Damage.class)
	void theLedgerDoesNotStartOnADamagedStoreFileAndSaysSoInOneLine(DamagedStoreFiles.Damage damage) throws Exception {
		Path file = this.data.toAbsolutePath().resolve("ledger.mv.db");
		DamagedStoreFiles.writeStore(file);
		DamagedStoreFiles.damage(file, damage);

		// The application's class path, without the tests' classes and their logging
		// setup.
		String classPath = java.util.Arrays
			.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.filter((entry) -> !entry.contains("test-classes") && !entry.endsWith("-tests.jar"))
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
		Process ledger = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classPath, LedgerApplication.class.getName(), "--ledger.data-dir=" + this.data.toAbsolutePath(),
				"--server.port=0", "--ledger.mongo.embedded-port=0", "--ledger.seed.enabled=false")
			.redirectErrorStream(true)
			.start();
		List<String> output = new ArrayList<>();
		boolean started = false;
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(ledger.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line; (line = lines.readLine()) != null;) {
				output.add(line);
				if (line.contains("Started LedgerApplication")) {
					started = true;
					break;
				}
			}
		}
		finally {
			if (started) {
				ledger.destroy();
			}
			ledger.waitFor(60, TimeUnit.SECONDS);
		}

		String all = String.join("\n", output);
		assertThat(started).as("started on a damaged file:\n" + all).isFalse();
		assertThat(ledger.exitValue()).isEqualTo(StoreFileCheckOnStart.EXIT_STORE_FILE);
		List<String> said = output.stream().filter((line) -> !line.isBlank()).toList();
		assertThat(said).as(all).hasSize(1);
		assertThat(said.get(0)).contains(file.toString()).contains("restore").contains("replay");
		assertThat(Files.exists(file)).isTrue();
	}

}
