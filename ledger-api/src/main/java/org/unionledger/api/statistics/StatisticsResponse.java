package org.unionledger.api.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.unionledger.jurisdiction.JurisdictionLevel;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.TerminationReason;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.service.Campaign;
import org.unionledger.service.ServiceType;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionType;

/**
 * The statistics of a scope as the API shows them: headline figures, completion,
 * breakdowns, unions and services in nested sections (amounts in yuan), plus every
 * non-zero figure under its drill-down name in {@code figures}. The auditor's replay
 * ({@code ReplayCli}) prints its figures through this same shape.
 *
 * @param scope the scope's statistics key ({@code J:<code>} or {@code U:<unionId>})
 * @param code a jurisdiction's code (jurisdictions only)
 * @param unionId the union's id (unions only)
 * @param name a jurisdiction's name (jurisdictions only)
 * @param level a jurisdiction's level (jurisdictions only)
 * @param developmentZone {@code true} for a development zone, absent otherwise
 * @param statisticalYear the statistical year
 * @param from the year's first day
 * @param asOf the effective date the stocks are counted at
 * @param knownAt the recorded day the figures are limited to, absent without it
 * @param members members counted here
 * @param flows movements in the year up to {@code asOf}
 * @param completion target completion, one entry per target source (jurisdictions only)
 * @param breakdowns new enrollments, active members and terminations by dimension
 * @param unions unions established, dissolved and open
 * @param services services delivered here and to members held here
 * @param figures every non-zero figure by drill-down name (amounts in fen)
 * @param recordedAfterKnownAt with {@code knownAt}: what was recorded after it, by figure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatisticsResponse(@Schema(example = "J:1301") String scope, String code, String unionId, String name,
		JurisdictionLevel level, Boolean developmentZone, int statisticalYear, LocalDate from, LocalDate asOf,
		LocalDate knownAt, MemberCounts members, FlowCounts flows, List<TargetCompletion> completion,
		Breakdowns breakdowns, UnionCounts unions, ServiceFigures services, Map<String, Long> figures,
		Map<String, Long> recordedAfterKnownAt) {

	/**
	 * The answer for a jurisdiction: its subject, then the view's figures in sections.
	 */
	public static StatisticsResponse of(JurisdictionSubject subject, StatisticsView view) {
		return of(subject.scope(), subject.code(), null, subject.name(), subject.level(), subject.developmentZone(),
				view);
	}

	/** The answer for a union: its scope and id, then the view's figures in sections. */
	public static StatisticsResponse of(UnionId union, StatisticsView view) {
		return of(ScopeKeys.union(union), null, union.value(), null, null, null, view);
	}

	private static StatisticsResponse of(String scope, String code, String unionId, String name,
			JurisdictionLevel level, Boolean developmentZone, StatisticsView view) {
		MemberCounts members = new MemberCounts(view.figure(Figures.ACTIVE), view.figure(Figures.ON_HOLD),
				view.figure(Figures.SERVING));
		FlowCounts flows = new FlowCounts(view.figure(Figures.NEW), view.figure(Figures.RE),
				view.figure(Figures.RESUMPTIONS), view.figure(Figures.HOLDS), view.figure(Figures.TRANSFERS_IN),
				view.figure(Figures.TRANSFERS_OUT), view.figure(Figures.TERMINATIONS), view.figure(Figures.INTRA_CITY),
				view.figure(Figures.CROSS_CITY));
		Breakdowns breakdowns = new Breakdowns(by(view, Figures.NEW, Figures.SECTOR, Sector.values()),
				by(view, Figures.NEW, Figures.UNION_TYPE, UnionType.values()),
				by(view, Figures.NEW, Figures.CHANNEL, EnrollmentChannel.values()),
				by(view, Figures.RE, Figures.CHANNEL, EnrollmentChannel.values()),
				by(view, Figures.ACTIVE, Figures.SECTOR, Sector.values()),
				by(view, Figures.ACTIVE, Figures.UNION_TYPE, UnionType.values()),
				by(view, Figures.TERMINATIONS, Figures.REASON, TerminationReason.values()));
		UnionCounts unions = new UnionCounts(view.figure(Figures.UNIONS_ESTABLISHED),
				by(view, Figures.UNIONS_ESTABLISHED, Figures.UNION_TYPE, UnionType.values()),
				by(view, Figures.UNIONS_ESTABLISHED, Figures.SECTOR, Sector.values()),
				view.figure(Figures.UNIONS_DISSOLVED), view.figure(Figures.OPEN_UNIONS));
		ServiceFigures services = new ServiceFigures(
				ServiceSection.of(view, Figures.SERVICES,
						Measures.of(view, Figures.of(Figures.SERVICES, Figures.MEMBERS)),
						Measures.of(view, Figures.of(Figures.SERVICES, Figures.NON_MEMBERS))),
				ServiceSection.of(view, Figures.HELD_SERVICES, null, null));
		return new StatisticsResponse(scope, code, unionId, name, level, developmentZone, view.statisticalYear(),
				view.from(), view.asOf(), view.knownAt(), members, flows,
				view.completion().stream().map(TargetCompletion::of).toList(), breakdowns, unions, services,
				view.figures(), view.recordedLater());
	}

	private static Map<String, Long> by(StatisticsView view, String figure, String dimension, Enum<?>[] values) {
		Map<String, Long> breakdown = new LinkedHashMap<>();
		for (Enum<?> value : values) {
			breakdown.put(value.name(), view.figure(Figures.of(figure, dimension, value)));
		}
		return breakdown;
	}

	/**
	 * MemberCounts counted here.
	 *
	 * @param active active members held here
	 * @param onHold members on hold here
	 * @param servedHereHeldElsewhere members held elsewhere whom this scope serves
	 */
	public record MemberCounts(long active, long onHold, long servedHereHeldElsewhere) {
	}

	/**
	 * Movements in the year up to {@code asOf}.
	 *
	 * @param newEnrollments first enrollments
	 * @param reEnrollments re-enrollments
	 * @param resumptions memberships resumed after a hold
	 * @param holds memberships put on hold
	 * @param transfersIn transfers into the scope
	 * @param transfersOut transfers out of the scope
	 * @param terminations memberships ended
	 * @param transfersIntraCity transfers within one city
	 * @param transfersCrossCity transfers between cities
	 */
	public record FlowCounts(long newEnrollments, long reEnrollments, long resumptions, long holds, long transfersIn,
			long transfersOut, long terminations, long transfersIntraCity, long transfersCrossCity) {
	}

	/**
	 * How far a target is reached.
	 *
	 * @param source who set the target
	 * @param target new enrollments to reach, absent without a target
	 * @param targetEffectiveDate from when the target applies
	 * @param newEnrollments new enrollments so far
	 * @param rate {@code newEnrollments / target}, absent without a target
	 * @param percent the rate in percent
	 */
	public record TargetCompletion(TargetSource source, Long target, LocalDate targetEffectiveDate, long newEnrollments,
			BigDecimal rate, BigDecimal percent) {

		static TargetCompletion of(StatisticsView.Completion completion) {
			return new TargetCompletion(completion.source(), completion.target(), completion.targetEffectiveDate(),
					completion.newEnrollments(), completion.rate(),
					(completion.rate() != null) ? completion.rate().movePointRight(2) : null);
		}

	}

	/**
	 * Breakdowns by dimension, each keyed by the dimension's values (every value present,
	 * zero included).
	 *
	 * @param newEnrollmentsBySector new enrollments by sector
	 * @param newEnrollmentsByUnionType new enrollments by union type
	 * @param newEnrollmentsByChannel new enrollments by enrollment channel
	 * @param reEnrollmentsByChannel re-enrollments by enrollment channel
	 * @param activeMembersBySector active members by sector
	 * @param activeMembersByUnionType active members by union type
	 * @param terminationsByReason terminations by reason
	 */
	public record Breakdowns(Map<String, Long> newEnrollmentsBySector, Map<String, Long> newEnrollmentsByUnionType,
			Map<String, Long> newEnrollmentsByChannel, Map<String, Long> reEnrollmentsByChannel,
			Map<String, Long> activeMembersBySector, Map<String, Long> activeMembersByUnionType,
			Map<String, Long> terminationsByReason) {
	}

	/**
	 * Unions of the scope.
	 *
	 * @param newlyEstablished unions established in the year
	 * @param newlyEstablishedByUnionType the same by union type
	 * @param newlyEstablishedBySector the same by sector
	 * @param dissolved unions dissolved in the year
	 * @param open unions open at {@code asOf}
	 */
	public record UnionCounts(long newlyEstablished, Map<String, Long> newlyEstablishedByUnionType,
			Map<String, Long> newlyEstablishedBySector, long dissolved, long open) {
	}

	/**
	 * ServiceFigures from two perspectives.
	 *
	 * @param deliveredHere services this scope delivered
	 * @param toMembersHeldHere services delivered anywhere to members held here
	 */
	public record ServiceFigures(ServiceSection deliveredHere, ServiceSection toMembersHeldHere) {
	}

	/**
	 * ServiceFigures from one perspective.
	 *
	 * @param deliveries deliveries recorded
	 * @param personTimes person-times served
	 * @param amountYuan amount spent, in yuan
	 * @param distinctMembers distinct members served
	 * @param byType the measures by service type
	 * @param byCampaign the measures by campaign
	 * @param toMembers the measures for members ({@code deliveredHere} only)
	 * @param toNonMembers the measures for non-members ({@code deliveredHere} only)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ServiceSection(long deliveries, long personTimes, BigDecimal amountYuan, long distinctMembers,
			Map<String, Measures> byType, Map<String, Measures> byCampaign, Measures toMembers, Measures toNonMembers) {

		static ServiceSection of(StatisticsView view, String perspective, Measures toMembers, Measures toNonMembers) {
			Measures all = Measures.of(view, perspective);
			Map<String, Measures> byType = new LinkedHashMap<>();
			for (ServiceType type : ServiceType.values()) {
				byType.put(type.name(), Measures.of(view, Figures.of(perspective, Figures.TYPE, type.name())));
			}
			Map<String, Measures> byCampaign = new LinkedHashMap<>();
			for (Campaign campaign : Campaign.values()) {
				byCampaign.put(campaign.name(),
						Measures.of(view, Figures.of(perspective, Figures.CAMPAIGN, campaign.name())));
			}
			return new ServiceSection(all.deliveries(), all.personTimes(), all.amountYuan(),
					view.figure(Figures.of(perspective, Figures.DISTINCT_MEMBERS)), byType, byCampaign, toMembers,
					toNonMembers);
		}

	}

	/**
	 * What services add up to.
	 *
	 * @param deliveries deliveries recorded
	 * @param personTimes person-times served
	 * @param amountYuan amount spent, in yuan
	 */
	public record Measures(long deliveries, long personTimes, BigDecimal amountYuan) {

		static Measures of(StatisticsView view, String prefix) {
			return new Measures(view.figure(Figures.of(prefix, Figures.DELIVERIES)),
					view.figure(Figures.of(prefix, Figures.PERSON_TIMES)),
					BigDecimal.valueOf(view.figure(Figures.of(prefix, Figures.AMOUNT_FEN)), 2));
		}

	}

}
