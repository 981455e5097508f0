package org.unionledger.projections.statistics;

import java.util.ArrayList;
import java.util.List;

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
		JurisdictionCode county = placement.jurisdictionCode();
		List<String> keys = new ArrayList<>(4);
		keys.add(union(placement.unionId()));
		keys.add(jurisdiction(county));
		keys.add(jurisdiction(county.city()));
		keys.add(jurisdiction(county.province()));
		return keys;
	}

}
