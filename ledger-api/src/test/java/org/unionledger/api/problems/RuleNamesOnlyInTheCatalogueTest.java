package org.unionledger.api.problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.unionledger.common.Rule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule is declared once, in {@link Rule}: no main source of any module spells a rule's
 * name as a string literal (a literal that is the name, or a name with a prefix such as
 * {@code "problem.UNION_UNKNOWN"}). Reads the sources from the file system.
 */
class RuleNamesOnlyInTheCatalogueTest {

	private static final String CATALOGUE = "ledger-core/src/main/java/org/unionledger/common/Rule.java";

	/** A string literal on one line (text blocks hold prose, not rule names). */
	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	private static final Set<String> NAMES = Arrays.stream(Rule.values()).map(Rule::name).collect(Collectors.toSet());

	@Test
	void noMainSourceSpellsARulesNameAsAString() throws IOException {
		Path root = projectRoot();
		List<Path> sources = mainSources(root);
		assertThat(sources).as("main sources of every module").hasSizeGreaterThan(300);
		assertThat(sources).anyMatch((source) -> source.endsWith(Path.of(CATALOGUE)));
		List<String> found = new ArrayList<>();
		for (Path source : sources) {
			if (source.endsWith(Path.of(CATALOGUE))) {
				continue;
			}
			String text = Files.readString(source, StandardCharsets.UTF_8);
			for (String name : ruleNamesIn(text)) {
				found.add(root.relativize(source) + ": \"" + name + "\"");
			}
		}
		assertThat(found).as("rule names written as strings outside " + CATALOGUE).isEmpty();
	}

	@Test
	void theScanFindsARuleNameInAString() {
		assertThat(ruleNamesIn("throw ApiException.invalid(\"UNION_UNKNOWN\", \"unionId\", \"no union\");"))
			.containsExactly("UNION_UNKNOWN");
		assertThat(ruleNamesIn("String key = \"problem.EFFECTIVE_DATE_IN_FUTURE\";"))
			.containsExactly("EFFECTIVE_DATE_IN_FUTURE");
		assertThat(ruleNamesIn("throw ApiException.of(Rule.UNION_UNKNOWN, \"unionId\", \"no union with this id\");"))
			.isEmpty();
		assertThat(ruleNamesIn("log.warn(\"UNION_UNKNOWN_X\"); // UNION_UNKNOWN")).isEmpty();
	}

	/** The rule names that string literals of the text consist of, alone or prefixed. */
	static List<String> ruleNamesIn(String text) {
		List<String> names = new ArrayList<>();
		Matcher literal = LITERAL.matcher(text);
		while (literal.find()) {
			String content = literal.group(1);
			if (content.isEmpty() || content.chars().anyMatch(Character::isWhitespace)) {
				continue;
			}
			Matcher word = Pattern.compile("[A-Z][A-Z0-9_]*").matcher(content);
			while (word.find()) {
				boolean whole = (word.start() == 0 || !Character.isLetterOrDigit(content.charAt(word.start() - 1)))
						&& (word.end() == content.length() || !Character.isLetterOrDigit(content.charAt(word.end()))
								&& content.charAt(word.end()) != '_');
				if (whole && NAMES.contains(word.group())) {
					names.add(word.group());
				}
			}
		}
		return names;
	}

	private static List<Path> mainSources(Path root) throws IOException {
		List<Path> sources = new ArrayList<>();
		try (Stream<Path> modules = Files.list(root)) {
			for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
				Path main = module.resolve("src/main/java");
				if (Files.isDirectory(main)) {
					try (Stream<Path> files = Files.walk(main)) {
						files.filter((file) -> file.toString().endsWith(".java")).forEach(sources::add);
					}
				}
			}
		}
		return sources;
	}

	private static Path projectRoot() {
		Path here = Path.of("").toAbsolutePath();
		for (Path dir = here; dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("ledger-core/src/main/java"))) {
				return dir;
			}
		}
		throw new IllegalStateException("no project root above " + here);
	}

}
