package org.unionledger.bench.perf;

/**
 * One line of the results table.
 *
 * @param measure what was measured
 * @param backend memory, h2 or mongodb
 * @param members members in the store when it was measured
 * @param ours the ledger's figure, with its unit
 * @param reference the reference figure measured beside it, with its unit
 * @param ratio ours ÷ reference (or as the measure says), or "" when none applies
 * @param target the target, or "" when none
 * @param met "yes", "no", "—" (no target) or "TODO"
 */
public record Row(String measure, String backend, String members, String ours, String reference, String ratio,
		String target, String met) {

	static String verdict(boolean met) {
		return met ? "yes" : "**no**";
	}

}
