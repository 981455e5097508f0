package org.unionledger.api.imports;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The command-line form of an import: posts a CSV file to a running ledger, follows the
 * job and prints every rejected row.
 *
 * <pre>
 * java -jar ledger-api.jar import [--url http://localhost:8080] --user officer-x [--confirm-backdating] file.csv
 * </pre>
 *
 * The password comes from {@code LEDGER_PASSWORD} (or {@code --password}). With
 * {@code --confirm-backdating}, rows dated in a statistical year whose report is signed
 * are enrolled (and flag those reports); without it they are rejected and listed. The
 * {@code Idempotency-Key} is the file's SHA-256 (and whether backdating is confirmed), so
 * running the command twice for one file starts one job. Exit status: 0 when the job is
 * done (rejected rows are listed), 1 when it could not run.
 */
public final class ImportCli {

	// A command-line client: it runs without the Spring context, so it builds its own
	// mapper.
	private static final ObjectMapper JSON = new ObjectMapper();

	private ImportCli() {
	}

	public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
		String url = environment.getOrDefault("LEDGER_URL", "http://localhost:8080");
		String user = environment.get("LEDGER_USER");
		String password = environment.get("LEDGER_PASSWORD");
		Path file = null;
		boolean confirmBackdating = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--confirm-backdating" -> confirmBackdating = true;
				case "--url" -> url = (++i < args.length) ? args[i] : url;
				case "--user" -> user = (++i < args.length) ? args[i] : user;
				case "--password" -> password = (++i < args.length) ? args[i] : password;
				default -> file = Path.of(args[i]);
			}
		}
		if (file == null || user == null || password == null) {
			err.println("usage: import [--url URL] --user NAME [--confirm-backdating] file.csv"
					+ "   (password in LEDGER_PASSWORD)");
			return 1;
		}
		try {
			return importFile(url.replaceAll("/+$", ""), user, password, file, confirmBackdating, out, err);
		}
		catch (IOException ex) {
			err.println("import failed: " + ex.getMessage());
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			err.println("import interrupted");
			return 1;
		}
	}

	private static int importFile(String url, String user, String password, Path file, boolean confirmBackdating,
			PrintStream out, PrintStream err) throws IOException, InterruptedException {
		byte[] bytes = Files.readAllBytes(file);
		String authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		out.println("Importing " + file.getFileName() + " (" + bytes.length + " bytes) into " + url);
		// confirmed or not, the same file is a different request: each has its own key
		HttpResponse<String> started = client.send(HttpRequest
			.newBuilder(URI.create(url + "/api/imports" + (confirmBackdating ? "?confirmBackdating=true" : "")))
			.header("Authorization", authorization)
			.header("Content-Type", "text/csv")
			.header("Idempotency-Key", "cli-" + sha256(bytes) + (confirmBackdating ? "-confirmed" : ""))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build(), HttpResponse.BodyHandlers.ofString());
		Map<String, Object> job = JSON.readValue(started.body(), Map.class);
		if (started.statusCode() != 202) {
			err.println("refused (" + started.statusCode() + "): " + job.get("rule") + " " + job.get("detail"));
			return 1;
		}
		String id = (String) job.get("importId");
		int lastDone = -1;
		while ("RUNNING".equals(job.get("status"))) {
			int done = ((Number) job.get("done")).intValue();
			if (done != lastDone) {
				out.println("  " + done + " of " + job.get("rows") + " rows done");
				lastDone = done;
			}
			Thread.sleep(500);
			HttpResponse<String> progress = client.send(HttpRequest.newBuilder(URI.create(url + "/api/imports/" + id))
				.header("Authorization", authorization)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			job = JSON.readValue(progress.body(), Map.class);
			if (progress.statusCode() != 200) {
				err.println("cannot follow import " + id + ": " + job.get("detail"));
				return 1;
			}
		}
		long millis = (job.get("durationMillis") instanceof Number n) ? n.longValue() : 0;
		int rows = ((Number) job.get("rows")).intValue();
		out.printf("Import %s %s (%s): %d rows, %s accepted, %s already present, %s rejected, %.1f s, %.0f rows/s%n",
				id, job.get("status"), job.get("encoding"), rows, job.get("accepted"), job.get("alreadyPresent"),
				job.get("rejected"), millis / 1000.0, (millis > 0) ? rows * 1000.0 / millis : 0.0);
		for (Object entry : (List<?>) job.get("rejections")) {
			Map<?, ?> rejection = (Map<?, ?>) entry;
			out.println("  line " + rejection.get("line") + ": " + rejection.get("field") + " " + rejection.get("rule")
					+ " - " + rejection.get("message"));
		}
		return "DONE".equals(job.get("status")) ? 0 : 1;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
