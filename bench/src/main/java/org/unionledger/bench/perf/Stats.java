package org.unionledger.bench.perf;

import java.util.Arrays;
import java.util.List;

/** Medians and percentiles of samples. */
final class Stats {

	private Stats() {
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/** The {@code p}-th percentile (nearest rank) of nanosecond samples, in ms. */
	static double percentileMillis(long[] nanos, double p) {
		long[] sorted = Arrays.copyOf(nanos, nanos.length);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	static String rate(double perSecond) {
		return String.format("%,.0f/s", perSecond);
	}

	static String ratio(double ratio) {
		return String.format("%.2f×", ratio);
	}

	static String millis(double ms) {
		return String.format("%.2f ms", ms);
	}

}
