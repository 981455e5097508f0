package org.unionledger.projections.summary;

import java.util.ArrayList;
import java.util.List;

import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;

/**
 * Document keys of the summary read model: one document per union ({@code U:<unionId>})
 * and one per jurisdiction at each level ({@code J:<code>}).
 */
final class SummaryKeys {

	private SummaryKeys() {
	}

	static String union(UnionId unionId) {
		return "U:" + unionId.value();
	}

	static String jurisdiction(JurisdictionCode code) {
		return "J:" + code.value();
	}

	/** The union and every jurisdiction above it, nearest first. */
	static List<String> chain(UnionPlacement placement) {
		JurisdictionCode county = placement.jurisdictionCode();
		List<String> keys = new ArrayList<>(4);
		keys.add(union(placement.unionId()));
		keys.add(jurisdiction(county));
		keys.add(jurisdiction(county.city()));
		keys.add(jurisdiction(county.province()));
		return keys;
	}

}
