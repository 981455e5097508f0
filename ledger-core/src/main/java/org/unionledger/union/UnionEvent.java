package org.unionledger.union;

import java.time.Instant;

import org.unionledger.union.Events.UnionDissolved;
import org.unionledger.union.Events.UnionMoved;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.Events.UnionRenamed;

/**
 * Every event of a grassroots union's stream. A new event joins this list and
 * {@link Visitor}, so that every fold over unions (the reference replay) stops compiling
 * until it says what the event does; projections are held to it by a test.
 */
public sealed interface UnionEvent permits UnionRegistered, UnionRenamed, UnionDissolved, UnionMoved {

	UnionPlacement placement();

	Instant recordedAt();

	/** Calls the visitor's method for this event's type. */
	<R> R accept(Visitor<R> visitor);

	/**
	 * One method per event of the hierarchy: an implementation is exhaustive by
	 * construction.
	 *
	 * @param <R> what each visit answers
	 */
	interface Visitor<R> {

		R on(UnionRegistered event);

		R on(UnionRenamed event);

		R on(UnionDissolved event);

		R on(UnionMoved event);

	}

}
