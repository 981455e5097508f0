package org.unionledger.api.problems;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.unionledger.common.Rule;

/**
 * The human-readable {@code detail} of a problem in the client's language
 * ({@code Accept-Language}; English and Simplified Chinese), from the {@link Rule}
 * catalogue with the field as {0}. An English reader gets the ledger's own, more specific
 * English text where the refusal has one; a Chinese reader gets the rule's message, the
 * field called by its Chinese name ({@link FieldLabels}), followed by the subject (codes,
 * names) it failed for, if any.
 */
@Component
public class ProblemMessages {

	public String detail(Rule rule, String field, String specific, Locale locale) {
		return detail(rule, field, specific, null, locale);
	}

	public String detail(Rule rule, String field, String specific, String subject, Locale locale) {
		Locale language = normalised(locale);
		if (Locale.SIMPLIFIED_CHINESE.equals(language)) {
			String message = rule.message(language, (field != null) ? FieldLabels.chinese(field).orElse(field) : null);
			return (subject != null && !subject.isBlank()) ? message + "：" + subject : message;
		}
		return (specific != null && !specific.isBlank()) ? specific : rule.message(Locale.ENGLISH, field);
	}

	/** The field as a reader of the language calls it: its Chinese label, or itself. */
	public String fieldName(String field, Locale locale) {
		if (field != null && Locale.SIMPLIFIED_CHINESE.equals(normalised(locale))) {
			return FieldLabels.chinese(field).orElse(field);
		}
		return field;
	}

	/**
	 * {@code zh} and {@code zh-Hans} read Simplified Chinese; other Chinese stays
	 * English.
	 */
	static Locale normalised(Locale locale) {
		if (locale == null) {
			return Locale.ENGLISH;
		}
		if ("zh".equals(locale.getLanguage()) && ("Hans".equals(locale.getScript()) || locale.getCountry().isEmpty()
				|| "CN".equals(locale.getCountry()) || "SG".equals(locale.getCountry()))) {
			return Locale.SIMPLIFIED_CHINESE;
		}
		return locale;
	}

}
