package org.unionledger.bench.fault;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A ledger JVM started with this program's own class path (or its own jar), running
 * {@code BenchMain child ...}; its standard output is read line by line, its standard
 * error goes to a log file.
 */
final class ChildProcess implements AutoCloseable {

	private static final String END = "\u0000end";

	private final Process process;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final Path log;

	private ChildProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					this.lines.add(line);
				}
			}
			catch (IOException ex) {
				// the process died; its output ends here
			}
			this.lines.add(END);
		}, "child-output");
		reader.setDaemon(true);
		reader.start();
	}

	static ChildProcess start(Path log, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		// A short-lived process: the quick compiler only, as for a CLI.
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
			command.add("-jar");
			command.add(classPath);
		}
		else {
			command.add("-cp");
			command.add(classPath);
			command.add("org.unionledger.bench.BenchMain");
		}
		command.add("child");
		command.addAll(List.of(arguments));
		try {
			return new ChildProcess(
					new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start(),
					log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads lines until one matches, calling {@code each} on every line.
	 * @return the matching line
	 * @throws IllegalStateException if the output ends or the time runs out first
	 */
	String awaitLine(Predicate<String> match, java.util.function.Consumer<String> each, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				String line = this.lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (line == null) {
					throw new IllegalStateException("no expected line from the child within " + timeout
							+ "; the end of its log:\n" + logTail());
				}
				if (line.equals(END)) {
					throw new IllegalStateException("the child ended (exit " + waitExit()
							+ ") before the expected line; the end of its log:\n" + logTail());
				}
				each.accept(line);
				if (match.test(line)) {
					return line;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The last lines the children wrote to their log (standard error). */
	private String logTail() {
		try {
			List<String> all = java.nio.file.Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - 80), all.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex + ")";
		}
	}

	/** {@code kill -9}. */
	void kill() {
		this.process.destroyForcibly();
		waitExit();
	}

	int waitExit() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new IllegalStateException("the child did not exit");
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
		}
	}

}
