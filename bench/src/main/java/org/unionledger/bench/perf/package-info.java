/**
 * The benchmarks: each figure measured beside its reference on the same store in the same
 * run (warm-up, then alternating rounds), printed as one Markdown table.
 */
package org.unionledger.bench.perf;
