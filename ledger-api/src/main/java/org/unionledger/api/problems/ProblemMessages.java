package org.unionledger.api.problems;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The human-readable {@code detail} of a problem in the client's language
 * ({@code Accept-Language}; English and Simplified Chinese): {@code problem.<RULE>} from
 * {@code messages*.properties}, with the field as argument {0}; the ledger's own English
 * text where no translation exists.
 */
@Component
public class ProblemMessages {

	private final MessageSource messages;

	public ProblemMessages(MessageSource messages) {
		this.messages = messages;
	}

	public String detail(String rule, String field, String fallback, Locale locale) {
		return this.messages.getMessage("problem." + rule, new Object[] { (field != null) ? field : "" }, fallback,
				normalised(locale));
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
