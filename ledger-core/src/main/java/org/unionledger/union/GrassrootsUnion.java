package org.unionledger.union;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionledger.common.Guards.check;
import static org.unionledger.common.Guards.checkReferenced;
import static org.unionledger.common.Guards.notInFuture;
import static org.unionledger.common.Guards.require;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.unionledger.common.Rule;
import org.unionledger.common.Text;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionLevel;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.union.Commands.DissolveUnion;
import org.unionledger.union.Commands.MoveUnion;
import org.unionledger.union.Commands.RegisterUnion;
import org.unionledger.union.Commands.RenameUnion;
import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionMoved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.Events.UnionRenamed;
import org.unionledger.union.UnionDirectory.UnionMove;

/**
 * A grassroots union, placed under a county-level jurisdiction. A new name and a
 * dissolution take effect on their effective dates: from the dissolution's day the union
 * is closed. Changes keep their order: none takes effect before the last one did. A move
 * to another county-level jurisdiction takes effect on a day after the one it is recorded
 * on (so that no figure already counted for a past day moves), one move at a time; events
 * effective before it carry the jurisdiction it stood under then.
 */
class GrassrootsUnion {

	static final int MAX_NAME_LENGTH = 200;

	@AggregateIdentifier
	private UnionId unionId;

	private UnionPlacement placement;

	private LocalDate establishedOn;

	private String name;

	/** The effective date of the last change (registration or new name). */
	private LocalDate lastChangeOn;

	private boolean dissolved;

	/**
	 * The union's moves, oldest first: the day each took effect and where it stood
	 * before.
	 */
	private final List<UnionMove> moves = new ArrayList<>();

	GrassrootsUnion() {
	}

	@CommandHandler
	GrassrootsUnion(RegisterUnion command, Clock clock, JurisdictionTable jurisdictions) {
		require(command.unionId(), "unionId");
		String name = validName(command.name());
		require(command.type(), "type");
		require(command.sector(), "sector");
		JurisdictionCode code = require(command.jurisdictionCode(), "jurisdictionCode");
		check(code.level() == JurisdictionLevel.COUNTY, "jurisdictionCode", Rule.JURISDICTION_NOT_COUNTY_LEVEL,
				"a grassroots union sits under a county-level jurisdiction (6 digits), not " + code);
		checkReferenced(jurisdictions.isCountyLevel(code), "jurisdictionCode", Rule.JURISDICTION_UNKNOWN,
				"jurisdiction " + code + " is not in division table " + jurisdictions.version());
		notInFuture(require(command.establishedOn(), "establishedOn"), "establishedOn", LocalDate.now(clock));
		require(command.recordedBy(), "recordedBy");
		apply(new UnionRegistered(new UnionPlacement(command.unionId(), code, command.type(), command.sector()), name,
				command.establishedOn(), clock.instant(), command.recordedBy()));
	}

	private static String validName(String given) {
		String name = Text.clean(require(given, "name"), "name", false);
		check(!name.isEmpty(), "name", Rule.NAME_BLANK, "the union's name must not be blank");
		check(name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH, "name", Rule.NAME_TOO_LONG,
				"the union's name must not exceed " + MAX_NAME_LENGTH + " characters");
		return name;
	}

	@CommandHandler
	void handle(RenameUnion command, Clock clock) {
		check(!this.dissolved, "unionId", Rule.UNION_ALREADY_DISSOLVED,
				"union " + this.unionId + " is dissolved and keeps the name it had");
		String name = validName(command.name());
		check(!name.equals(this.name), "name", Rule.NAME_UNCHANGED, "the union is already called " + name);
		LocalDate effectiveDate = changeDate(command.effectiveDate(), clock);
		require(command.recordedBy(), "recordedBy");
		apply(new UnionRenamed(placementOn(effectiveDate), name, this.name,
				Text.clean(command.reason(), "reason", true), effectiveDate, clock.instant(), command.recordedBy()));
	}

	@CommandHandler
	void handle(DissolveUnion command, Clock clock) {
		check(!this.dissolved, "unionId", Rule.UNION_ALREADY_DISSOLVED,
				"union " + this.unionId + " is already dissolved");
		LocalDate effectiveDate = changeDate(command.effectiveDate(), clock);
		require(command.recordedBy(), "recordedBy");
		apply(new UnionDissolved(placementOn(effectiveDate), Text.clean(command.reason(), "reason", true),
				effectiveDate, clock.instant(), command.recordedBy()));
	}

	@CommandHandler
	void handle(MoveUnion command, Clock clock, JurisdictionTable jurisdictions) {
		check(!this.dissolved, "unionId", Rule.UNION_ALREADY_DISSOLVED,
				"union " + this.unionId + " is dissolved and stays where it stood");
		JurisdictionCode code = require(command.jurisdictionCode(), "jurisdictionCode");
		check(code.level() == JurisdictionLevel.COUNTY, "jurisdictionCode", Rule.JURISDICTION_NOT_COUNTY_LEVEL,
				"a grassroots union sits under a county-level jurisdiction (6 digits), not " + code);
		checkReferenced(jurisdictions.isCountyLevel(code), "jurisdictionCode", Rule.JURISDICTION_UNKNOWN,
				"jurisdiction " + code + " is not in division table " + jurisdictions.version());
		check(!code.equals(this.placement.jurisdictionCode()), "jurisdictionCode",
				Rule.UNION_ALREADY_UNDER_JURISDICTION, "union " + this.unionId + " already stands under " + code);
		LocalDate today = LocalDate.now(clock);
		LocalDate lastMove = this.moves.isEmpty() ? null : this.moves.get(this.moves.size() - 1).effectiveDate();
		check(lastMove == null || !lastMove.isAfter(today), "effectiveDate", Rule.UNION_MOVE_PENDING,
				"union " + this.unionId + " moves to " + this.placement.jurisdictionCode() + " on " + lastMove);
		LocalDate effectiveDate = require(command.effectiveDate(), "effectiveDate");
		check(effectiveDate.isAfter(today), "effectiveDate", Rule.UNION_MOVE_NOT_AFTER_TODAY,
				"a move takes effect on a day after today (" + today + "), not on " + effectiveDate);
		require(command.recordedBy(), "recordedBy");
		apply(new UnionMoved(new UnionPlacement(this.unionId, code, this.placement.type(), this.placement.sector()),
				this.placement.jurisdictionCode(), jurisdictions.version(),
				Text.clean(command.reason(), "reason", true), effectiveDate, clock.instant(), command.recordedBy()));
	}

	/**
	 * A change's effective date: given, not in the future, not before the union was
	 * established nor before its last change.
	 */
	private LocalDate changeDate(LocalDate given, Clock clock) {
		LocalDate effectiveDate = require(given, "effectiveDate");
		notInFuture(effectiveDate, "effectiveDate", LocalDate.now(clock));
		check(!effectiveDate.isBefore(this.establishedOn), "effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_ESTABLISHMENT,
				"the change cannot take effect before the union was established (" + this.establishedOn + ")");
		check(!effectiveDate.isBefore(this.lastChangeOn), "effectiveDate", Rule.EFFECTIVE_DATE_BEFORE_LAST_CHANGE,
				"the union's last change took effect on " + this.lastChangeOn);
		return effectiveDate;
	}

	@EventSourcingHandler
	void on(UnionRegistered event) {
		this.unionId = event.placement().unionId();
		this.placement = event.placement();
		this.establishedOn = event.establishedOn();
		this.name = event.name();
		this.lastChangeOn = event.establishedOn();
	}

	@EventSourcingHandler
	void on(UnionRenamed event) {
		this.name = event.name();
		this.lastChangeOn = event.effectiveDate();
	}

	/**
	 * Where the union stands on a day, by its moves (the same rule as the directory's).
	 */
	private UnionPlacement placementOn(LocalDate date) {
		return UnionMove.placementOn(this.placement, this.moves, date);
	}

	@EventSourcingHandler
	void on(UnionMoved event) {
		this.moves.add(new UnionMove(event.effectiveDate(), event.previousJurisdictionCode(),
				event.placement().jurisdictionCode()));
		this.placement = event.placement();
	}

	@EventSourcingHandler
	void on(UnionDissolved event) {
		this.dissolved = true;
	}

}
