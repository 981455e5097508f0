package org.unionledger.api.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.security.LedgerUser;
import org.unionledger.api.security.AccessScopes;
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

	private final AccessScopes scopes;

	private final JurisdictionTable jurisdictions;

	private final StatisticsRequests requests;

	private final StatisticalCalendar calendar;

	private final java.time.ZoneId zone;

	public DashboardController(AccessScopes scopes, JurisdictionTable jurisdictions, StatisticsRequests requests,
			StatisticalCalendar calendar, org.unionledger.api.config.LedgerProperties properties) {
		this.zone = properties.zone();
		this.scopes = scopes;
		this.jurisdictions = jurisdictions;
		this.requests = requests;
		this.calendar = calendar;
	}

	@GetMapping("/api/me")
	public Me me() {
		LedgerUser user = this.scopes.current();
		Me.ScopeJurisdiction root = null;
		if (user.scope().jurisdiction() != null) {
			Jurisdiction jurisdiction = this.jurisdictions.find(user.scope().jurisdiction()).orElse(null);
			root = new Me.ScopeJurisdiction(user.scope().jurisdiction().value(),
					(jurisdiction != null) ? jurisdiction.name() : null);
		}
		List<Me.ScopeUnion> unions = new ArrayList<>();
		for (UnionId unionId : user.scope()
			.unions()
			.stream()
			.sorted((a, b) -> a.value().compareTo(b.value()))
			.toList()) {
			unions.add(this.scopes.union(unionId)
				.map((facts) -> new Me.ScopeUnion(unionId.value(), facts.name(),
						facts.placement().jurisdictionCode().value(),
						facts.placement().jurisdictionCode().city().value()))
				.orElseGet(() -> new Me.ScopeUnion(unionId.value(), null, null, null)));
		}
		LocalDate today = this.requests.today();
		int year = this.calendar.yearOf(today);
		return new Me(user.name(), user.role(), new Me.UserScope(user.scope().unlimited(), root, unions), today, year,
				this.calendar.firstDay(year), this.calendar.lastDay(year), this.zone.getId());
	}

}
