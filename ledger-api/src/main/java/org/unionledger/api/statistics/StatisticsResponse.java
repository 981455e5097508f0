package org.unionledger.api.statistics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.TerminationReason;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.Scopes;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.service.Campaign;
import org.unionledger.service.ServiceType;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionType;

/**
 * The statistics of a scope as the API shows them: headline figures, completion,
 * breakdowns, unions and services in nested sections (amounts in yuan), plus every
 * non-zero figure under its drill-down name in {@code figures}. The auditor's replay
 * ({@code ReplayCli}) prints its figures through this same shape.
 */
public final class StatisticsResponse {

	private StatisticsResponse() {
	}

	/** The subject part of a jurisdiction's answer: scope, code, name, level. */
	public static Map<String, Object> subject(Jurisdiction jurisdiction) {
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("scope", Scopes.jurisdiction(jurisdiction.code()));
		subject.put("code", jurisdiction.code().value());
		subject.put("name", jurisdiction.name());
		subject.put("level", jurisdiction.level());
		if (jurisdiction.isDevelopmentZone()) {
			subject.put("developmentZone", true);
		}
		return subject;
	}

	/** The subject part of a union's answer: scope and union id. */
	public static Map<String, Object> subject(UnionId union) {
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("scope", Scopes.union(union));
		subject.put("unionId", union.value());
		return subject;
	}

	/** The answer's body: the subject, then the view's figures in sections. */
	public static Map<String, Object> of(Map<String, Object> subject, StatisticsView view) {
		Map<String, Object> body = new LinkedHashMap<>(subject);
		body.put("statisticalYear", view.statisticalYear());
		body.put("from", view.from());
		body.put("asOf", view.asOf());
		body.put("knownAt", view.knownAt());
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("active", view.figure(Figures.ACTIVE));
		members.put("onHold", view.figure(Figures.ON_HOLD));
		members.put("servedHereHeldElsewhere", view.figure(Figures.SERVING));
		body.put("members", members);
		Map<String, Object> flows = new LinkedHashMap<>();
		for (String figure : new String[] { Figures.NEW, Figures.RE, Figures.RESUMPTIONS, Figures.HOLDS,
				Figures.TRANSFERS_IN, Figures.TRANSFERS_OUT, Figures.TERMINATIONS }) {
			flows.put(figure, view.figure(figure));
		}
		flows.put("transfersIntraCity", view.figure(Figures.INTRA_CITY));
		flows.put("transfersCrossCity", view.figure(Figures.CROSS_CITY));
		body.put("flows", flows);
		body.put("completion", view.completion().stream().map(StatisticsResponse::completion).toList());
		Map<String, Object> breakdowns = new LinkedHashMap<>();
		breakdowns.put("newEnrollmentsBySector", by(view, Figures.NEW, Figures.SECTOR, Sector.values()));
		breakdowns.put("newEnrollmentsByUnionType", by(view, Figures.NEW, Figures.UNION_TYPE, UnionType.values()));
		breakdowns.put("newEnrollmentsByChannel", by(view, Figures.NEW, Figures.CHANNEL, EnrollmentChannel.values()));
		breakdowns.put("reEnrollmentsByChannel", by(view, Figures.RE, Figures.CHANNEL, EnrollmentChannel.values()));
		breakdowns.put("activeMembersBySector", by(view, Figures.ACTIVE, Figures.SECTOR, Sector.values()));
		breakdowns.put("activeMembersByUnionType", by(view, Figures.ACTIVE, Figures.UNION_TYPE, UnionType.values()));
		breakdowns.put("terminationsByReason",
				by(view, Figures.TERMINATIONS, Figures.REASON, TerminationReason.values()));
		body.put("breakdowns", breakdowns);
		Map<String, Object> unions = new LinkedHashMap<>();
		unions.put("newlyEstablished", view.figure(Figures.UNIONS_ESTABLISHED));
		unions.put("newlyEstablishedByUnionType",
				by(view, Figures.UNIONS_ESTABLISHED, Figures.UNION_TYPE, UnionType.values()));
		unions.put("newlyEstablishedBySector", by(view, Figures.UNIONS_ESTABLISHED, Figures.SECTOR, Sector.values()));
		unions.put("dissolved", view.figure(Figures.UNIONS_DISSOLVED));
		unions.put("open", view.figure(Figures.OPEN_UNIONS));
		body.put("unions", unions);
		Map<String, Object> services = new LinkedHashMap<>();
		Map<String, Object> delivered = services(view, Figures.SERVICES);
		delivered.put("toMembers", measures(view, Figures.of(Figures.SERVICES, Figures.MEMBERS)));
		delivered.put("toNonMembers", measures(view, Figures.of(Figures.SERVICES, Figures.NON_MEMBERS)));
		services.put("deliveredHere", delivered);
		services.put("toMembersHeldHere", services(view, Figures.HELD_SERVICES));
		body.put("services", services);
		body.put("figures", view.figures());
		if (view.recordedLater() != null) {
			body.put("recordedAfterKnownAt", view.recordedLater());
		}
		return body;
	}

	private static Map<String, Object> completion(StatisticsView.Completion completion) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("source", completion.source());
		entry.put("target", completion.target());
		entry.put("targetEffectiveDate", completion.targetEffectiveDate());
		entry.put("newEnrollments", completion.newEnrollments());
		entry.put("rate", completion.rate());
		entry.put("percent", (completion.rate() != null) ? completion.rate().movePointRight(2) : null);
		return entry;
	}

	private static Map<String, Long> by(StatisticsView view, String figure, String dimension, Enum<?>[] values) {
		Map<String, Long> breakdown = new LinkedHashMap<>();
		for (Enum<?> value : values) {
			breakdown.put(value.name(), view.figure(Figures.of(figure, dimension, value)));
		}
		return breakdown;
	}

	private static Map<String, Object> services(StatisticsView view, String perspective) {
		Map<String, Object> section = measures(view, perspective);
		section.put("distinctMembers", view.figure(Figures.of(perspective, Figures.DISTINCT_MEMBERS)));
		Map<String, Object> byType = new LinkedHashMap<>();
		for (ServiceType type : ServiceType.values()) {
			byType.put(type.name(), measures(view, Figures.of(perspective, Figures.TYPE, type.name())));
		}
		section.put("byType", byType);
		Map<String, Object> byCampaign = new LinkedHashMap<>();
		for (Campaign campaign : Campaign.values()) {
			byCampaign.put(campaign.name(), measures(view, Figures.of(perspective, Figures.CAMPAIGN, campaign.name())));
		}
		section.put("byCampaign", byCampaign);
		return section;
	}

	private static Map<String, Object> measures(StatisticsView view, String prefix) {
		Map<String, Object> measures = new LinkedHashMap<>();
		measures.put("deliveries", view.figure(Figures.of(prefix, Figures.DELIVERIES)));
		measures.put("personTimes", view.figure(Figures.of(prefix, Figures.PERSON_TIMES)));
		measures.put("amountYuan", BigDecimal.valueOf(view.figure(Figures.of(prefix, Figures.AMOUNT_FEN)), 2));
		return measures;
	}

}
