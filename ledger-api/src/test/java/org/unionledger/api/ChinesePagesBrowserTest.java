package org.unionledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.unionledger.common.Rule;

/**
 * Every page each role reaches, read as a Chinese user reads it: no rule's English
 * message, no program name (a field or event such as {@code effectiveDate},
 * {@code MembershipPutOnHold}, or a rule or enum name such as {@code ALREADY_ACTIVE}), no
 * union id where the union's name exists, and no table row or breadcrumb that names a
 * jurisdiction by its bare code. Text deliberately shown as a code ({@code .code}) and
 * form inputs are not read.
 */
class ChinesePagesBrowserTest extends BrowserWorkflowSupport {

	/**
	 * camelCase words (fields, events) and upper-case names with underscores (rules,
	 * enums).
	 */
	private static final Pattern PROGRAM_NAME = Pattern
		.compile("\\b[a-z]+(?:[A-Z][a-z0-9]+)+\\b|\\b[A-Z][a-z]+(?:[A-Z][a-z]+){2,}\\b|\\b[A-Z]{2,}(?:_[A-Z]+)+\\b");

	private static final Pattern BARE_CODE = Pattern.compile("^\\d{2}(?:\\d{2}){0,2}$");

	/**
	 * What the page shows as text, without the parts meant as codes and the form inputs.
	 */
	private static final String VISIBLE_TEXT = """
			const root = document.querySelector('main') || document.body;
			const clone = root.cloneNode(true);
			clone.querySelectorAll('.code, script, style, svg, canvas, input, select, textarea, [hidden]')
			  .forEach((e) => e.remove());
			return clone.textContent;
			""";

	/**
	 * The breadcrumbs' and the main tables' rows' text as shown (empty when not shown, as
	 * WebDriver's text of an element), read in one call: a WebDriver call per cell made
	 * this test take a minute and a half.
	 */
	private static final String CRUMBS_AND_ROWS = """
			const shown = (e) => (e.getClientRects().length > 0) ? e.innerText : '';
			return {
			  crumbs: Array.from(document.querySelectorAll('#breadcrumbs li'), shown),
			  rows: Array.from(document.querySelectorAll('main table tbody tr'),
			    (row) => Array.from(row.querySelectorAll('td, th'), shown))
			};
			""";

	/**
	 * Every union's id and name (test unions are named after their ids: the name is
	 * fine).
	 */
	private final Map<String, String> unions = new java.util.LinkedHashMap<>();

	@BeforeAll
	@SuppressWarnings("unchecked")
	void fixture() {
		ensureUnion("os-sjz-a", "130102");
		ensureUnion("os-sjz-c", "130104");
		ensureUnion("os-bd-b", "130602");
		String person = residentId();
		String member = enroll(TestUsers.SJZ_OFFICER, person, "陈十三", "os-sjz-a");
		// a refused second enrollment (a supervisor's finding), a credential, a hold
		as(TestUsers.SJZ_OFFICER).postForEntity("/api/members", Map.of("residentId", person, "name", "陈十三", "unionId",
				"os-sjz-c", "effectiveDate", TODAY.toString(), "channel", "ON_SITE"), Map.class);
		String held = enroll(TestUsers.SJZ_OFFICER, residentId(), "林十四", "os-sjz-c");
		as(TestUsers.SJZ_OFFICER).postForEntity("/api/members/" + held + "/hold",
				Map.of("effectiveDate", TODAY.toString(), "reason", "退休"), Map.class);
		as(TestUsers.SJZ_OFFICER).postForEntity("/api/members/" + member + "/transfer-credentials",
				Map.of("issuedOn", TODAY.toString(), "toUnionId", "os-bd-b"), Map.class);
		// a signed report with services in it, and changes recorded after it was signed
		// (its flags)
		ensureUnion("cp-xinhua", "130105");
		as(TestUsers.SYSADMIN).postForEntity("/api/services",
				Map.of("unionId", "cp-xinhua", "type", "EMPLOYMENT_ASSISTANCE", "deliveredOn", "2026-08-01",
						"amountYuan", "120.50", "confirmBackdating", true),
				Map.class);
		as(TestUsers.SYSADMIN).postForEntity("/api/jurisdictions/130105/annual-reports/2026/sign-off",
				Map.of("comment", "核对无误"), Map.class);
		as(TestUsers.SYSADMIN).postForEntity("/api/services", Map.of("unionId", "cp-xinhua", "type",
				"EMPLOYMENT_ASSISTANCE", "deliveredOn", "2026-08-02", "amountYuan", "80.00", "confirmBackdating", true),
				Map.class);
		ResponseEntity<Map> unions = as(TestUsers.SYSADMIN).getForEntity("/api/jurisdictions/13/unions", Map.class);
		assertThat(unions.getStatusCode()).isEqualTo(HttpStatus.OK);
		((List<Map<String, Object>>) unions.getBody().get("unions"))
			.forEach((u) -> this.unions.put((String) u.get("unionId"), (String) u.get("name")));
	}

	@Test
	void noPageShowsEnglishRuleTextProgramNamesUnionIdsOrBareCodes() {
		// besides every page of each role's menu (read first), the pages below them
		Map<String, List<String>> pages = Map.of(TestUsers.HEBEI_ADMIN,
				List.of("#/j/1301", "#/j/130102", "#/u/os-sjz-a", "#/signoff/1301", "#/findings/1301",
						"#/signoff/130105/2026", "#/report/130105/2026"),
				TestUsers.SJZ_SUPERVISOR, List.of("#/findings/1301", "#/u/os-sjz-c", "#/figure/j/1301/newEnrollments"),
				TestUsers.SJZ_OFFICER,
				List.of("#/members/os-sjz-c/0", "#/transfers/u/os-sjz-a", "#/services/u/os-sjz-a"),
				TestUsers.HEBEI_AUDITOR, List.of("#/findings/13"));
		List<String> found = new ArrayList<>();
		int read = 0;
		for (Map.Entry<String, List<String>> role : pages.entrySet()) {
			this.browser.signIn(role.getKey(), TestUsers.PASSWORD);
			Set<String> routes = new LinkedHashSet<>();
			this.browser.all("#nav a").forEach((a) -> routes.add(a.getAttribute("href").replaceFirst("^.*?#", "#")));
			routes.addAll(role.getValue());
			for (String route : routes) {
				this.browser.route(route);
				this.browser.settle();
				found.addAll(problems(role.getKey() + " " + route));
				read++;
			}
			this.browser.signOut();
		}
		System.out.println("Pages read as a Chinese user: " + read);
		assertThat(read).as("pages read").isGreaterThan(20);
		assertThat(found).as("English, program names, ids or bare codes on Chinese pages").isEmpty();
	}

	@SuppressWarnings("unchecked")
	private List<String> problems(String page) {
		List<String> problems = new ArrayList<>();
		String text = String.valueOf(this.browser.script(VISIBLE_TEXT));
		assertThat(text).as(page + " shows something").isNotBlank();
		for (Rule rule : Rule.values()) {
			for (String fragment : rule.message(java.util.Locale.ENGLISH, "\u0000").split("\u0000")) {
				String part = fragment.strip();
				if (part.length() >= 16 && text.contains(part)) {
					problems.add(page + ": English text of " + rule + ": " + part);
				}
			}
		}
		Matcher names = PROGRAM_NAME.matcher(text);
		while (names.find()) {
			problems.add(page + ": program name " + names.group());
		}
		String withoutNames = text;
		for (String name : this.unions.values()) {
			withoutNames = withoutNames.replace(name, "");
		}
		for (String unionId : this.unions.keySet()) {
			if (Pattern.compile("(?<![\\w-])" + Pattern.quote(unionId) + "(?![\\w-])").matcher(withoutNames).find()) {
				problems.add(page + ": union id " + unionId);
			}
		}
		Map<String, List<Object>> shown = (Map<String, List<Object>>) this.browser.script(CRUMBS_AND_ROWS);
		for (Object crumb : shown.get("crumbs")) {
			if (BARE_CODE.matcher(String.valueOf(crumb).strip()).matches()) {
				problems.add(page + ": breadcrumb shows code " + crumb);
			}
		}
		for (Object row : shown.get("rows")) {
			List<String> cells = ((List<?>) row).stream().map(String::valueOf).toList();
			boolean named = cells.stream().anyMatch((cell) -> cell.codePoints().anyMatch(Character::isIdeographic));
			if (!named && cells.stream().anyMatch((cell) -> BARE_CODE.matcher(cell.strip()).matches())) {
				problems.add(page + ": a row names a jurisdiction by code only: " + cells);
			}
		}
		return problems;
	}

}
