package org.unionledger.union;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionMoved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.Events.UnionRenamed;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionDirectory.UnionMove;
import org.unionledger.union.UnionDirectory.UnionName;

/**
 * A union's facts folded from its events in stream order: the one fold of a union's
 * stream that its readers share (the union directory, the audit replay). Being a
 * {@link UnionEvent.Visitor}, it stops compiling when a union event is added until it
 * says what the event changes.
 */
public final class UnionHistory implements UnionEvent.Visitor<Void> {

	private UnionFacts facts;

	private final List<UnionName> names = new ArrayList<>();

	private final List<UnionMove> moves = new ArrayList<>();

	/** Folds one event of the stream, in order. */
	public UnionHistory add(UnionEvent event) {
		event.accept(this);
		return this;
	}

	/**
	 * The union's facts after the events folded so far; empty before its registration.
	 */
	public Optional<UnionFacts> facts() {
		return Optional.ofNullable(this.facts);
	}

	@Override
	public Void on(UnionRegistered event) {
		this.names.clear();
		this.moves.clear();
		this.names.add(new UnionName(event.name(), event.establishedOn()));
		this.facts = new UnionFacts(event.placement(), event.name(), event.establishedOn(), null, this.names,
				this.moves);
		return null;
	}

	@Override
	public Void on(UnionRenamed event) {
		if (this.facts != null) {
			this.names.add(new UnionName(event.name(), event.effectiveDate()));
			this.facts = new UnionFacts(this.facts.placement(), event.name(), this.facts.establishedOn(),
					this.facts.dissolvedOn(), this.names, this.moves);
		}
		return null;
	}

	@Override
	public Void on(UnionDissolved event) {
		if (this.facts != null) {
			this.facts = new UnionFacts(this.facts.placement(), this.facts.name(), this.facts.establishedOn(),
					event.effectiveDate(), this.names, this.moves);
		}
		return null;
	}

	@Override
	public Void on(UnionMoved event) {
		if (this.facts != null) {
			this.moves.add(new UnionMove(event.effectiveDate(), event.previousJurisdictionCode(),
					event.placement().jurisdictionCode()));
			this.facts = new UnionFacts(event.placement(), this.facts.name(), this.facts.establishedOn(),
					this.facts.dissolvedOn(), this.names, this.moves);
		}
		return null;
	}

}
