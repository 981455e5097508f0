package org.unionledger.projections.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;

/**
 * Where figures are counted: one scope per union ({@code U:<unionId>}) and one per
 * jurisdiction at each level ({@code J:<code>}), the same keys as the summary read model.
 */
public final class ScopeKeys {

	private ScopeKeys() {
	}

	public static String union(UnionId unionId) {
		return "U:" + unionId.value();
	}

	public static String jurisdiction(JurisdictionCode code) {
		return "J:" + code.value();
	}

	/** The jurisdiction code of a {@code J:} scope, or {@code null} for a union scope. */
	public static JurisdictionCode jurisdictionOf(String scope) {
		return scope.startsWith("J:") ? JurisdictionCode.of(scope.substring(2)) : null;
	}

	/** The union and every jurisdiction above it, nearest first. */
	public static List<String> chain(UnionPlacement placement) {
		return chain(placement.unionId(), placement.jurisdictionCode());
	}

	/**
	 * The union and every jurisdiction above the county it stands under, nearest first.
	 */
	public static List<String> chain(UnionId unionId, JurisdictionCode county) {
		List<String> keys = new ArrayList<>(4);
		keys.add(union(unionId));
		keys.add(jurisdiction(county));
		keys.add(jurisdiction(county.city()));
		keys.add(jurisdiction(county.province()));
		return keys;
	}

	/**
	 * The scopes a union's move from one county to another crosses: each scope above
	 * {@code from} but not above {@code to} with −1 (left), each above {@code to} but not
	 * above {@code from} with +1 (entered); the union's own scope and the levels both
	 * share are not crossed.
	 */
	public static void crossed(UnionId unionId, JurisdictionCode from, JurisdictionCode to,
			BiConsumer<String, Integer> each) {
		List<String> left = chain(unionId, from);
		List<String> entered = chain(unionId, to);
		for (String scope : left) {
			if (!entered.contains(scope)) {
				each.accept(scope, -1);
			}
		}
		for (String scope : entered) {
			if (!left.contains(scope)) {
				each.accept(scope, 1);
			}
		}
	}

}
