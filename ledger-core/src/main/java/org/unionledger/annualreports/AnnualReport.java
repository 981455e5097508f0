package org.unionledger.annualreports;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionledger.common.Guards.check;
import static org.unionledger.common.Guards.require;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.unionledger.common.Rule;
import org.unionledger.common.Text;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.annualreports.Commands.SignOffAnnualReport;
import org.unionledger.signoff.Events.AnnualReportSignedOff;
import org.unionledger.statistics.StatisticalCalendar;

/**
 * The yearly statistics report (统计年报) of one jurisdiction for one statistical year, as
 * signed off by its level. Rules:
 * <ul>
 * <li>the year has ended (its last day lies before today);</li>
 * <li>figures are named and positive (the report lists non-zero figures only), the
 * position is positive and the seal covers it, so the seal's digest covers every event
 * counted;</li>
 * <li>every jurisdiction directly below (division table) appears exactly once, either
 * {@link ChildReportStatus#SIGNED} with its version, digest and a position no later than
 * this report's, or {@link ChildReportStatus#EXEMPT_NO_FIGURES}; a county has none;</li>
 * <li>no signed child's report has open change flags: the level below signs its amended
 * report first, so a parent never chains a child's figures that are known to be
 * stale;</li>
 * <li>signing again makes a new version that names the previous digest and must be
 * computed at a later position: a signed version is never edited.</li>
 * </ul>
 * The aggregate cannot tell whether the figures are right or a child is really empty: the
 * caller computes them from the read models; the digest and the change flags make any
 * later difference visible.
 */
class AnnualReport {

	static final int FIRST_YEAR = 1949;

	static final int MAX_FIGURES = 5000;

	static final int MAX_COMMENT = 1000;

	private static final String HEX_DIGEST = "[0-9a-f]{64}";

	private static final String FIGURE_NAME = "[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+){0,5}";

	@AggregateIdentifier
	private ReportId reportId;

	private int version;

	private long globalPosition;

	private String reportDigest;

	AnnualReport() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(SignOffAnnualReport command, Clock clock, JurisdictionTable jurisdictions,
			StatisticalCalendar calendar) {
		ReportId id = require(command.reportId(), "reportId");
		JurisdictionCode code = require(command.jurisdictionCode(), "jurisdictionCode");
		Map<String, Long> figures = require(command.figures(), "figures");
		List<ChildReport> children = require(command.children(), "children");
		List<JurisdictionCode> flagged = require(command.flaggedChildren(), "flaggedChildren");
		String sealDigest = require(command.sealDigest(), "sealDigest");
		require(command.signedBy(), "signedBy");
		check(jurisdictions.find(code).isPresent(), "jurisdictionCode", Rule.JURISDICTION_NOT_IN_TABLE,
				"jurisdiction " + code + " is not in division table " + jurisdictions.version());
		int year = command.statisticalYear();
		LocalDate today = LocalDate.now(clock);
		check(year >= FIRST_YEAR && year <= today.getYear() + 1, "statisticalYear", Rule.YEAR_OUT_OF_RANGE,
				"a report's year lies between " + FIRST_YEAR + " and " + (today.getYear() + 1));
		check(id.equals(ReportId.of(code, year)), "reportId", Rule.REQUIRED,
				"the report id must be " + ReportId.of(code, year));
		check(calendar.lastDay(year).isBefore(today), "statisticalYear", Rule.YEAR_NOT_ENDED, "statistical year " + year
				+ " ends on " + calendar.lastDay(year) + "; its report is signed after that");
		checkFigures(figures);
		long position = command.globalPosition();
		check(position > 0, "globalPosition", Rule.POSITION_INVALID, "the figures' global position is positive");
		check(command.sealedThrough() >= position, "sealedThrough", Rule.SEAL_DOES_NOT_COVER_POSITION,
				"the seal reaches position " + command.sealedThrough() + " but the figures include position " + position
						+ "; seal first");
		check(sealDigest.matches(HEX_DIGEST), "sealDigest", Rule.DIGEST_INVALID,
				"a seal digest is 64 lower-case hex digits");
		check(this.version == 0 || position > this.globalPosition, "globalPosition", Rule.POSITION_NOT_AFTER_PREVIOUS,
				"version " + this.version + " was computed at position " + this.globalPosition
						+ "; an amended report is computed later");
		String comment = (command.comment() != null && !command.comment().isBlank())
				? Text.clean(command.comment(), "comment", true) : null;
		check(comment == null || comment.length() <= MAX_COMMENT, "comment", Rule.COMMENT_TOO_LONG,
				"a comment has at most " + MAX_COMMENT + " characters");
		List<ChildReport> sorted = checkChildren(code, children, position, jurisdictions);
		for (ChildReport child : sorted) {
			check(child.status() != ChildReportStatus.SIGNED || !flagged.contains(child.code()), "children",
					Rule.CHILD_REPORT_FLAGGED,
					"the report of " + child.code()
							+ " has open change flags: a later event changed a figure it signed; it signs again first",
					String.valueOf(child.code()));
		}
		int next = this.version + 1;
		Map<String, Long> canonical = Collections.unmodifiableMap(new TreeMap<>(figures));
		String digest = ReportDigest.of(code, year, next, canonical, position, command.sealedThrough(), sealDigest,
				sorted, this.reportDigest);
		apply(new AnnualReportSignedOff(id, code, year, next, canonical, position, command.sealedThrough(), sealDigest,
				sorted, this.reportDigest, digest, comment, clock.instant(), command.signedBy()));
	}

	private static void checkFigures(Map<String, Long> figures) {
		check(figures.size() <= MAX_FIGURES, "figures", Rule.FIGURE_INVALID,
				"a report has at most " + MAX_FIGURES + " figures");
		figures.forEach((name, value) -> {
			check(name != null && name.length() <= 120 && name.matches(FIGURE_NAME), "figures", Rule.FIGURE_INVALID,
					"a figure's name is a dotted word such as newEnrollments.sector.CONSTRUCTION");
			check(value != null && value > 0, "figures", Rule.FIGURE_INVALID,
					"figure " + name + " must be positive (the report lists non-zero figures only)");
		});
	}

	private static List<ChildReport> checkChildren(JurisdictionCode code, List<ChildReport> children, long position,
			JurisdictionTable jurisdictions) {
		Set<JurisdictionCode> below = new HashSet<>();
		for (Jurisdiction child : jurisdictions.children(code)) {
			below.add(child.code());
		}
		Set<JurisdictionCode> seen = new HashSet<>();
		for (ChildReport child : children) {
			check(child != null && child.code() != null && child.status() != null, "children", Rule.REQUIRED,
					"each child names its jurisdiction and status");
			check(below.contains(child.code()) && seen.add(child.code()), "children", Rule.CHILD_UNKNOWN,
					child.code() + " is not a jurisdiction directly below " + code + ", or is named twice");
			if (child.status() == ChildReportStatus.SIGNED) {
				check(child.version() >= 1 && child.reportDigest() != null && child.reportDigest().matches(HEX_DIGEST)
						&& child.globalPosition() > 0, "children", Rule.CHILD_REPORT_INVALID,
						"the signed report of " + child.code() + " needs a version, a position and a digest");
				check(child.globalPosition() <= position, "children", Rule.CHILD_REPORT_INVALID,
						"the report of " + child.code() + " was computed at position " + child.globalPosition()
								+ ", after this report's position " + position);
			}
			else {
				check(child.version() == 0 && child.globalPosition() == 0 && child.reportDigest() == null, "children",
						Rule.CHILD_REPORT_INVALID, "an exempt child " + child.code() + " has no version or digest");
			}
		}
		for (Jurisdiction child : jurisdictions.children(code)) {
			check(seen.contains(child.code()), "children", Rule.CHILD_NOT_SIGNED,
					child.code() + " (" + child.name() + ") has not signed its report for the year",
					child.code() + " (" + child.name() + ")");
		}
		List<ChildReport> sorted = new ArrayList<>(children);
		sorted.sort((a, b) -> a.code().value().compareTo(b.code().value()));
		return List.copyOf(sorted);
	}

	@EventSourcingHandler
	void on(AnnualReportSignedOff event) {
		this.reportId = event.reportId();
		this.version = event.version();
		this.globalPosition = event.globalPosition();
		this.reportDigest = event.reportDigest();
	}

}
