package org.unionledger.api.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The dashboard's texts (the {@code static/ui/i18n/*.json} files) read on the server, so
 * that a printed sheet or a downloaded file says what the screen says, from one place.
 * Also names every figure for people ({@link #figure}).
 */
@Component
public class Labels {

	/** The languages there are texts for; the first is the default. */
	public static final List<String> LANGUAGES = List.of("zh-CN", "en");

	private static final String SERVICES = "services";

	private static final String HELD_SERVICES = "heldServices";

	private final Map<String, Map<String, String>> texts = new HashMap<>();

	public Labels(ObjectMapper json) {
		for (String language : LANGUAGES) {
			try (InputStream in = Labels.class.getResourceAsStream("/static/ui/i18n/" + language + ".json")) {
				if (in == null) {
					throw new IllegalStateException("no texts for " + language);
				}
				this.texts.put(language, json.readValue(in, new TypeReference<Map<String, String>>() {
				}));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * The language to answer in: the one asked for if there are texts for it, else the
	 * first of the {@code Accept-Language} header's that there are texts for (any Chinese
	 * reads Chinese), else Chinese, the dashboard's default.
	 */
	public static String language(String asked, String acceptLanguage) {
		if (asked != null && LANGUAGES.contains(asked)) {
			return asked;
		}
		if (acceptLanguage != null && !acceptLanguage.isBlank()) {
			try {
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
					String tag = range.getRange().toLowerCase(Locale.ROOT);
					if (tag.startsWith("zh")) {
						return LANGUAGES.get(0);
					}
					if (tag.startsWith("en")) {
						return "en";
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed header reads as none
			}
		}
		return LANGUAGES.get(0);
	}

	/** The text of a key with {@code {name}} placeholders filled in; the key if none. */
	public String text(String language, String key, Object... namesAndValues) {
		String text = this.texts.get(language).getOrDefault(key, key);
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			text = text.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
		}
		return text;
	}

	/** The label of an enum value ({@code sector.CONSTRUCTION}), or the value itself. */
	public String value(String language, String kind, String value) {
		return this.texts.get(language).getOrDefault(kind + "." + value, value);
	}

	/** Whether a figure is an amount (counted in fen, shown in yuan). */
	public static boolean isAmount(String figure) {
		return figure.endsWith(".amountFen");
	}

	/**
	 * A figure's name for people, its parts joined by " · ": e.g.
	 * {@code heldServices.type.EMPLOYMENT_ASSISTANCE.amountFen} is 会员所属地服务 · 就业援助 ·
	 * 金额（元）, {@code newEnrollments.sector.CONSTRUCTION} 新发展会员 · 建筑.
	 */
	public String figure(String language, String figure) {
		String[] parts = figure.split("\\.");
		List<String> words = new ArrayList<>();
		if (parts[0].equals(SERVICES) || parts[0].equals(HELD_SERVICES)) {
			words.add(text(language, "report.perspective." + parts[0]));
			if (parts.length == 4) {
				words.add(value(language, parts[1].equals("type") ? "serviceType" : parts[1], parts[2]));
			}
			else if (parts.length == 3) {
				words.add(text(language, "report.serviceFor." + parts[1]));
			}
			words.add(text(language, "report.measure." + parts[parts.length - 1]));
			return String.join(" · ", words);
		}
		for (int length = parts.length; length > 0; length--) {
			String base = String.join(".", List.of(parts).subList(0, length));
			String key = "fig." + base;
			if (this.texts.get(language).containsKey(key) || length == 1) {
				words.add(this.texts.get(language).getOrDefault(key, base));
				for (int i = length; i + 1 < parts.length; i += 2) {
					words.add(value(language, parts[i], parts[i + 1]));
				}
				if ((parts.length - length) % 2 == 1) {
					words.add(parts[parts.length - 1]);
				}
				break;
			}
		}
		return String.join(" · ", words);
	}

}
