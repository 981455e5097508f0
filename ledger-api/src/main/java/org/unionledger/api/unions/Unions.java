package org.unionledger.api.unions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.problems.Violations;
import org.unionledger.api.statistics.Statistics;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.statistics.Figures;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.statistics.StatisticsView;
import org.unionledger.projections.unionlists.FindUnionsIn;
import org.unionledger.projections.unionlists.UnionListView;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.Commands.DissolveUnion;
import org.unionledger.union.Commands.MoveUnion;
import org.unionledger.union.Commands.RegisterUnion;
import org.unionledger.union.Commands.RenameUnion;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionType;

/**
 * Registering grassroots unions (新建会), renaming, moving (变更所属行政区划) and dissolving them
 * (撤销), and finding them.
 */
@Service
public class Unions {

	private final CommandGateway commands;

	private final UnionDirectory unions;

	private final JurisdictionTable jurisdictions;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Statistics statistics;

	private final StatisticalCalendar calendar;

	private final Clock clock;

	private final QueryGateway queries;

	public Unions(CommandGateway commands, UnionDirectory unions, JurisdictionTable jurisdictions,
			ProjectionFreshness freshness, Actors actors, Statistics statistics, StatisticalCalendar calendar,
			Clock clock, QueryGateway queries) {
		this.queries = queries;
		this.commands = commands;
		this.unions = unions;
		this.jurisdictions = jurisdictions;
		this.freshness = freshness;
		this.actors = actors;
		this.statistics = statistics;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The union, if the id is well formed and registered. */
	public Optional<UnionFacts> find(String unionId) {
		return Ids.union(unionId).flatMap(this.unions::find);
	}

	/**
	 * Registers a union under a county-level jurisdiction, as the signed-in user.
	 * @throws ApiException 422 {@code JURISDICTION_UNKNOWN} for a code not at county
	 * level, 409 {@code ALREADY_REGISTERED} when the id is taken (also when another
	 * request took it meanwhile)
	 */
	public UnionId register(UnionId unionId, String name, UnionType type, Sector sector, JurisdictionCode code,
			LocalDate establishedOn) {
		requireCountyLevel(code);
		if (this.unions.find(unionId).isPresent()) {
			throw alreadyRegistered();
		}
		try {
			this.commands
				.sendAndWait(registration(unionId, name, type, sector, code, establishedOn, this.actors.current()));
		}
		catch (ConcurrencyException ex) {
			throw alreadyRegistered();
		}
		this.freshness.awaitOwnWrites();
		return unionId;
	}

	/**
	 * Gives the union a new name from {@code effectiveDate} on, as the signed-in user.
	 * @throws ApiException 422 for a name that is blank, too long, of forbidden
	 * characters or unchanged, or a date in the future or before the union's last change;
	 * 409 {@code UNION_ALREADY_DISSOLVED}
	 */
	public void rename(UnionFacts union, String name, LocalDate effectiveDate, String reason) {
		this.commands.sendAndWait(
				new RenameUnion(union.placement().unionId(), name, effectiveDate, reason, this.actors.current()));
		this.freshness.awaitOwnWrites();
	}

	/**
	 * Dissolves the union from {@code effectiveDate} on, as the signed-in user: only a
	 * union without members then and since. Refused (409 {@code UNION_HAS_MEMBERS}) while
	 * it holds members (active or on hold) or serves any, on that day or today, or when
	 * anyone joined it (new, re-enrolled, transferred in) from that day on: those members
	 * are transferred or their memberships ended first, so no one is ever counted in a
	 * union that no longer exists. The check reads the statistics once they include every
	 * event stored so far (503 {@code UNAVAILABLE} if they do not catch up in time).
	 * <p>
	 * A membership recorded between the check and the dissolution (another request, at
	 * the same moment) is not caught here: enrollments and transfers into the union are
	 * refused from the dissolution's day on, and the union's figures still show such a
	 * member, who is transferred like any other.
	 * @throws ApiException 422 for a date in the future or before the union's last
	 * change; 409 {@code UNION_ALREADY_DISSOLVED} or {@code UNION_HAS_MEMBERS}
	 */
	public void dissolve(UnionFacts union, LocalDate effectiveDate, String reason) {
		if (union.dissolvedOn() != null) {
			throw ApiException.of(Rule.UNION_ALREADY_DISSOLVED, "unionId",
					"the union was dissolved on " + union.dissolvedOn());
		}
		LocalDate today = LocalDate.now(this.clock);
		if (effectiveDate != null && !effectiveDate.isAfter(today) && !effectiveDate.isBefore(union.establishedOn())) {
			if (!this.freshness.awaitStoreHead()) {
				throw ApiException.of(Rule.UNAVAILABLE, "unionId",
						"the figures the check reads have not caught up with the store; try again shortly");
			}
			requireNoMembers(union, effectiveDate, today);
		}
		this.commands
			.sendAndWait(dissolution(union.placement().unionId(), effectiveDate, reason, this.actors.current()));
		this.freshness.awaitOwnWrites();
	}

	/**
	 * Moves the union to another county-level jurisdiction from {@code effectiveDate} on
	 * (a day after today), as the signed-in user: its figures by date count under the
	 * jurisdiction it stood under before that day and under the new one from it; its
	 * members move with it (no transfer is recorded); the new jurisdiction's admins
	 * manage it from now on.
	 * @throws ApiException 422 for a code not at county level or not in the division
	 * table, the union's own jurisdiction, or a date not after today; 409
	 * {@code UNION_ALREADY_DISSOLVED} or {@code UNION_MOVE_PENDING} (its last move has
	 * not taken effect yet)
	 */
	public void move(UnionFacts union, JurisdictionCode code, LocalDate effectiveDate, String reason) {
		this.commands.sendAndWait(
				new MoveUnion(union.placement().unionId(), code, effectiveDate, reason, this.actors.current()));
		this.freshness.awaitOwnWrites();
	}

	/**
	 * Moves every open union the county manages now (also one a newer division table
	 * withdrew) to another county-level jurisdiction from {@code effectiveDate} on, one
	 * command per union, as the signed-in user: what a change of the division table asks
	 * for. Each union's move stands alone (a union refused, e.g. because its last move is
	 * still pending, leaves the others moved); run again, it moves those left.
	 * @throws ApiException 404 {@code JURISDICTION_UNKNOWN} for a target not at county
	 * level in the table in force, 422 {@code UNION_ALREADY_UNDER_JURISDICTION} for the
	 * same county, {@code UNION_MOVE_NOT_AFTER_TODAY} for a day not after today (nothing
	 * sent)
	 */
	public List<MoveOutcome> moveAll(JurisdictionCode from, JurisdictionCode to, LocalDate effectiveDate,
			String reason) {
		requireCountyLevel(to);
		if (from.equals(to)) {
			throw ApiException.of(Rule.UNION_ALREADY_UNDER_JURISDICTION, "jurisdictionCode",
					"the unions already stand under " + to);
		}
		if (!effectiveDate.isAfter(LocalDate.now(this.clock))) {
			throw ApiException.of(Rule.UNION_MOVE_NOT_AFTER_TODAY, "effectiveDate",
					"a move takes effect on a day after today (" + LocalDate.now(this.clock) + ")");
		}
		UnionListView listed = this.queries
			.query(new FindUnionsIn(List.of(from)), ResponseTypes.instanceOf(UnionListView.class))
			.join();
		List<MoveOutcome> outcomes = new ArrayList<>();
		for (UnionListView.Entry union : listed.unions()) {
			if (union.dissolvedOn() != null) {
				continue;
			}
			try {
				this.commands.sendAndWait(
						new MoveUnion(new UnionId(union.unionId()), to, effectiveDate, reason, this.actors.current()));
				outcomes.add(new MoveOutcome(union.unionId(), union.name(), true, null, null));
			}
			catch (RuntimeException ex) {
				DomainRuleViolation violation = Violations.of(ex);
				if (violation == null) {
					throw ex;
				}
				outcomes.add(new MoveOutcome(union.unionId(), union.name(), false, violation.rule(),
						violation.getMessage()));
			}
		}
		this.freshness.awaitOwnWrites();
		return outcomes;
	}

	/**
	 * What became of one union of a county's move.
	 *
	 * @param unionId the union
	 * @param name its name
	 * @param moved whether it moves
	 * @param rule the rule that refused it, if it does not
	 * @param detail why, if it does not
	 */
	public record MoveOutcome(String unionId, String name, boolean moved, Rule rule, String detail) {
	}

	/**
	 * A county-level code of the division table in force, where unions are registered and
	 * moved to (404 {@code JURISDICTION_UNKNOWN} otherwise, field
	 * {@code jurisdictionCode}).
	 */
	private void requireCountyLevel(JurisdictionCode code) {
		if (!this.jurisdictions.isCountyLevel(code)) {
			throw ApiException.unknownReference(Rule.JURISDICTION_UNKNOWN, "jurisdictionCode",
					"jurisdictionCode must be a county, district or development zone of the division table "
							+ this.jurisdictions.version());
		}
	}

	private void requireNoMembers(UnionFacts union, LocalDate effectiveDate, LocalDate today) {
		String scope = ScopeKeys.union(union.placement().unionId());
		for (LocalDate day : new LocalDate[] { effectiveDate, today }) {
			StatisticsView figures = this.statistics.of(scope, null, day, null);
			long members = figures.figure(Figures.ACTIVE) + figures.figure(Figures.ON_HOLD);
			long served = figures.figure(Figures.SERVING);
			if (members > 0 || served > 0) {
				throw hasMembers("on " + day + " the union holds " + members
						+ " members (active or on hold) and serves " + served);
			}
		}
		long joined = 0;
		for (int year = this.calendar.yearOf(effectiveDate); year <= this.calendar.yearOf(today); year++) {
			LocalDate last = this.calendar.lastDay(year);
			joined += joined(this.statistics.of(scope, year, last.isBefore(today) ? last : today, null));
			if (year == this.calendar.yearOf(effectiveDate) && effectiveDate.isAfter(this.calendar.firstDay(year))) {
				joined -= joined(this.statistics.of(scope, year, effectiveDate.minusDays(1), null));
			}
		}
		if (joined > 0) {
			throw hasMembers(joined + " memberships began in the union on or after " + effectiveDate);
		}
	}

	private static long joined(StatisticsView figures) {
		return figures.figure(Figures.NEW) + figures.figure(Figures.RE) + figures.figure(Figures.TRANSFERS_IN);
	}

	private static ApiException hasMembers(String detail) {
		return ApiException.of(Rule.UNION_HAS_MEMBERS, "effectiveDate",
				detail + "; transfer them or end their memberships first");
	}

	private static ApiException alreadyRegistered() {
		return ApiException.of(Rule.ALREADY_REGISTERED, "unionId", "a union with this id is already registered");
	}

	/**
	 * The command registering a union, its name without surrounding blanks: the one place
	 * it is made (the route and the demo's seeds).
	 */
	public static RegisterUnion registration(UnionId unionId, String name, UnionType type, Sector sector,
			JurisdictionCode jurisdictionCode, LocalDate establishedOn, RecordedBy by) {
		return new RegisterUnion(unionId, name.strip(), type, sector, jurisdictionCode, establishedOn, by);
	}

	/** The command dissolving a union: the one place it is made. */
	public static DissolveUnion dissolution(UnionId unionId, LocalDate effectiveDate, String reason, RecordedBy by) {
		return new DissolveUnion(unionId, effectiveDate, reason, by);
	}

}
