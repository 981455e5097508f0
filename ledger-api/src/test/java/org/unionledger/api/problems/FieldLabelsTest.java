package org.unionledger.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.common.Rule;

/**
 * A Chinese reader never sees a field's program name in a problem's message: every field
 * a problem can name has a Chinese label. The fields are read from the controllers (body
 * records, query and path parameters) and from the guards' sources (each
 * {@code "field", Rule.…} and {@code require(…, "field")}).
 */
class FieldLabelsTest {

	private static final Pattern GUARD_FIELD = Pattern.compile(
			"\"([a-zA-Z]+)\",\\s*Rule\\.|require\\([^;]*?,\\s*\"([a-zA-Z]+)\"\\)|Rule\\.[A-Z_]+,\\s*\"([a-zA-Z]+)\"");

	@Test
	void everyFieldAProblemCanNameHasAChineseLabel() throws Exception {
		Set<String> fields = new TreeSet<>();
		fields.addAll(controllerFields());
		fields.addAll(guardFields(Path.of("../ledger-core/src/main/java")));
		fields.addAll(guardFields(Path.of("src/main/java")));
		assertThat(fields).as("fields found").hasSizeGreaterThan(40);
		assertThat(fields.stream().filter((field) -> FieldLabels.chinese(field).isEmpty()))
			.as("fields without a Chinese label in FieldLabels")
			.isEmpty();
	}

	@Test
	void theChineseMessageNamesTheFieldInChineseAndTheEnglishOneAsGiven() {
		ProblemMessages messages = new ProblemMessages();
		assertThat(messages.detail(Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveDate", null, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("生效日期 不能晚于今天");
		assertThat(messages.detail(Rule.NOT_BLANK, "rows[2].residentId", null, Locale.SIMPLIFIED_CHINESE))
			.startsWith("身份证号");
		assertThat(messages.detail(Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveDate", null, Locale.ENGLISH))
			.isEqualTo("effectiveDate must not be in the future");
		assertThat(messages.detail(Rule.UNION_HAS_MEMBERS, null, null, Locale.SIMPLIFIED_CHINESE)).startsWith("该工会");
	}

	@Test
	void everyLabelIsChineseAndNamesAFieldInUse() throws Exception {
		Set<String> fields = new TreeSet<>(controllerFields());
		fields.addAll(guardFields(Path.of("../ledger-core/src/main/java")));
		fields.addAll(guardFields(Path.of("src/main/java")));
		FieldLabels.all().forEach((field, label) -> {
			assertThat(label).as(field).matches(".*\\p{IsHan}.*");
		});
		assertThat(FieldLabels.all().keySet()).as("labels of fields no problem names")
			.allMatch((field) -> fields.contains(field) || Set
				.of("body", "Idempotency-Key", "kind", "processor", "term", "from", "to", "validityDays", "personTimes",
						"campaign")
				.contains(field));
	}

	private static Set<String> controllerFields() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		Set<String> fields = new TreeSet<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("org.unionledger.api")) {
			for (Method method : Class.forName(definition.getBeanClassName()).getDeclaredMethods()) {
				for (Parameter parameter : method.getParameters()) {
					if (parameter.isAnnotationPresent(RequestBody.class) && parameter.getType().isRecord()) {
						Stream.of(parameter.getType().getRecordComponents())
							.map(RecordComponent::getName)
							.forEach(fields::add);
					}
					RequestParam query = parameter.getAnnotation(RequestParam.class);
					if (query != null) {
						fields.add(!query.name().isEmpty() ? query.name()
								: !query.value().isEmpty() ? query.value() : parameter.getName());
					}
					PathVariable path = parameter.getAnnotation(PathVariable.class);
					if (path != null) {
						fields.add(!path.name().isEmpty() ? path.name()
								: !path.value().isEmpty() ? path.value() : parameter.getName());
					}
				}
			}
		}
		return fields;
	}

	private static Set<String> guardFields(Path sources) throws IOException {
		Set<String> fields = new TreeSet<>();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = GUARD_FIELD.matcher(Files.readString(file));
				while (matcher.find()) {
					for (int group = 1; group <= 3; group++) {
						if (matcher.group(group) != null) {
							fields.add(matcher.group(group));
						}
					}
				}
			}
		}
		return fields;
	}

}
