package org.unionledger.api.unions;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;

/**
 * The union look-up every use case that names a union starts with: the id's shape, the
 * union's existence and whether it was open on the day, answered with the API's problems
 * before any command is sent.
 */
@Component
public class OpenUnions {

	private final UnionDirectory unions;

	public OpenUnions(UnionDirectory unions) {
		this.unions = unions;
	}

	/** The union's facts, if it is registered. */
	public Optional<UnionFacts> find(UnionId unionId) {
		return this.unions.find(unionId);
	}

	/**
	 * The id of a registered union, or 422 {@code UNION_ID_FORMAT} /
	 * {@code UNION_UNKNOWN}.
	 */
	public UnionId requireKnown(String value, String field) {
		UnionId unionId = Ids.requireUnion(value, field);
		requireKnown(this.unions.find(unionId), field);
		return unionId;
	}

	/**
	 * The id of a union registered and open on the day ({@code null}: any day), or 422
	 * {@code UNION_ID_FORMAT} / {@code UNION_UNKNOWN} / {@code UNION_NOT_OPEN}.
	 */
	public UnionId requireOpen(String value, LocalDate on, String field) {
		UnionId unionId = Ids.requireUnion(value, field);
		requireOpen(this.unions.find(unionId), on, field);
		return unionId;
	}

	/**
	 * As {@link #requireOpen(String, LocalDate, String)} for a union already looked up
	 * (an import caches its look-ups).
	 */
	public static UnionFacts requireOpen(Optional<UnionFacts> found, LocalDate on, String field) {
		UnionFacts facts = requireKnown(found, field);
		if (on != null && !facts.isOpenOn(on)) {
			throw ApiException.of(Rule.UNION_NOT_OPEN, field,
					"the union was not established yet or already dissolved on that date");
		}
		return facts;
	}

	private static UnionFacts requireKnown(Optional<UnionFacts> found, String field) {
		return found
			.orElseThrow(() -> ApiException.unknownReference(Rule.UNION_UNKNOWN, field, "no union with this id"));
	}

}
