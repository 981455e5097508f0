package org.unionledger.api.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.security.LedgerUser;
import org.unionledger.api.security.Scopes;
import org.unionledger.api.statistics.StatisticsRequests;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.UnionId;

/**
 * {@code GET /api/me}: who is signed in, with what role and scope, and the ledger's
 * today, statistical year and time zone, so that the dashboard opens where the user may
 * look and dates come from the ledger's clock, not the browser's. Every signed-in user
 * reads their own.
 */
@RestController
public class DashboardController {

	private final Scopes scopes;

	private final JurisdictionTable jurisdictions;

	private final StatisticsRequests requests;

	private final StatisticalCalendar calendar;

	private final java.time.ZoneId zone;

	public DashboardController(Scopes scopes, JurisdictionTable jurisdictions, StatisticsRequests requests,
			StatisticalCalendar calendar, org.unionledger.api.config.LedgerProperties properties) {
		this.zone = properties.zone();
		this.scopes = scopes;
		this.jurisdictions = jurisdictions;
		this.requests = requests;
		this.calendar = calendar;
	}

	@GetMapping("/api/me")
	public Map<String, Object> me() {
		LedgerUser user = this.scopes.current();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", user.name());
		body.put("role", user.role());
		Map<String, Object> scope = new LinkedHashMap<>();
		scope.put("everywhere", user.scope().unlimited());
		if (user.scope().jurisdiction() != null) {
			Jurisdiction jurisdiction = this.jurisdictions.find(user.scope().jurisdiction()).orElse(null);
			Map<String, Object> root = new LinkedHashMap<>();
			root.put("code", user.scope().jurisdiction().value());
			root.put("name", (jurisdiction != null) ? jurisdiction.name() : null);
			scope.put("jurisdiction", root);
		}
		List<Map<String, Object>> unions = new ArrayList<>();
		for (UnionId unionId : user.scope()
			.unions()
			.stream()
			.sorted((a, b) -> a.value().compareTo(b.value()))
			.toList()) {
			Map<String, Object> union = new LinkedHashMap<>();
			union.put("unionId", unionId.value());
			this.scopes.union(unionId).ifPresent((facts) -> {
				union.put("name", facts.name());
				union.put("jurisdictionCode", facts.placement().jurisdictionCode().value());
				union.put("cityCode", facts.placement().jurisdictionCode().city().value());
			});
			unions.add(union);
		}
		scope.put("unions", unions);
		body.put("scope", scope);
		LocalDate today = this.requests.today();
		body.put("today", today);
		int year = this.calendar.yearOf(today);
		body.put("statisticalYear", year);
		body.put("statisticalYearFrom", this.calendar.firstDay(year));
		body.put("statisticalYearTo", this.calendar.lastDay(year));
		body.put("zone", this.zone.getId());
		return body;
	}

}
