package org.unionledger.annualreports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.unionledger.jurisdiction.JurisdictionCode;

/**
 * The digest of one version of a yearly report: SHA-256 (hex) over its canonical text,
 * one line each, in this order:
 *
 * <pre>
 * annual-report/1
 * jurisdiction=&lt;code&gt;
 * year=&lt;statistical year&gt;
 * version=&lt;version&gt;
 * position=&lt;global position&gt;
 * sealedThrough=&lt;position&gt;
 * seal=&lt;seal digest&gt;
 * previous=&lt;previous report digest, or -&gt;
 * figure &lt;name&gt;=&lt;value&gt;                      (every figure, by name)
 * child &lt;code&gt; &lt;status&gt; &lt;version&gt; &lt;position&gt; &lt;digest, or -&gt;   (by code)
 * </pre>
 *
 * Because a parent's text holds its children's digests, the province's digest covers
 * every city's and, through them, every county's report.
 */
public final class ReportDigest {

	private ReportDigest() {
	}

	public static String of(JurisdictionCode code, int statisticalYear, int version, Map<String, Long> figures,
			long globalPosition, long sealedThrough, String sealDigest, List<ChildReport> children,
			String previousReportDigest) {
		StringBuilder text = new StringBuilder("annual-report/1\n");
		text.append("jurisdiction=").append(code.value()).append('\n');
		text.append("year=").append(statisticalYear).append('\n');
		text.append("version=").append(version).append('\n');
		text.append("position=").append(globalPosition).append('\n');
		text.append("sealedThrough=").append(sealedThrough).append('\n');
		text.append("seal=").append(sealDigest).append('\n');
		text.append("previous=").append(orDash(previousReportDigest)).append('\n');
		new TreeMap<>(figures)
			.forEach((name, value) -> text.append("figure ").append(name).append('=').append(value).append('\n'));
		children.stream()
			.sorted(Comparator.comparing((ChildReport child) -> child.code().value()))
			.forEach((child) -> text.append("child ")
				.append(child.code().value())
				.append(' ')
				.append(child.status().name())
				.append(' ')
				.append(child.version())
				.append(' ')
				.append(child.globalPosition())
				.append(' ')
				.append(orDash(child.reportDigest()))
				.append('\n'));
		return sha256(text.toString());
	}

	private static String orDash(String value) {
		return (value != null) ? value : "-";
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
