package org.unionledger.api.signoff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.Scopes;
import org.unionledger.api.statistics.StatisticsController;
import org.unionledger.api.statistics.StatisticsRequests;
import org.unionledger.api.support.Actors;
import org.unionledger.common.Rule;
import org.unionledger.eventstore.EventSeal;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.annualreports.AnnualReportView;
import org.unionledger.projections.annualreports.FindAnnualReports;
import org.unionledger.projections.annualreports.SignedReports;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.signoff.ChildReport;
import org.unionledger.signoff.ChildReportStatus;
import org.unionledger.signoff.Commands.SignOffAnnualReport;
import org.unionledger.signoff.ReportId;
import org.unionledger.statistics.StatisticalCalendar;

/**
 * The yearly statistics report (统计年报) of a jurisdiction, signed level by level (一级抓一级):
 * counties and zones first, then their city, then the province.
 * <p>
 * Signing computes the figures from the statistics read model (stocks as of the year's
 * last day, flows over the year, everything recorded so far) at a known global position,
 * with the status of every jurisdiction directly below (its signed digest, or exempt when
 * it has no figure at all), seals the event store so the seal's digest covers every event
 * counted, and sends {@link SignOffAnnualReport}; the aggregate checks the rules.
 */
@RestController
public class AnnualReportController {

	private static final int ATTEMPTS = 5;

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final StatisticsRequests requests;

	private final StatisticsController statistics;

	private final ProjectionFreshness freshness;

	private final EventSeal seal;

	private final JurisdictionTable jurisdictions;

	private final StatisticalCalendar calendar;

	private final Actors actors;

	private final Scopes access;

	public AnnualReportController(CommandGateway commands, QueryGateway queries, StatisticsRequests requests,
			StatisticsController statistics, ProjectionFreshness freshness, EventSeal seal,
			JurisdictionTable jurisdictions, StatisticalCalendar calendar, Actors actors, Scopes access) {
		this.commands = commands;
		this.queries = queries;
		this.requests = requests;
		this.statistics = statistics;
		this.freshness = freshness;
		this.seal = seal;
		this.jurisdictions = jurisdictions;
		this.calendar = calendar;
		this.actors = actors;
		this.access = access;
	}

	/**
	 * A sign-off.
	 *
	 * @param comment the signer's remark, optional
	 */
	public record SignOffRequest(@Size(max = 1000) String comment) {
	}

	@PostMapping("/api/jurisdictions/{code}/annual-reports/{year}/sign-off")
	public ResponseEntity<Map<String, Object>> signOff(@PathVariable String code, @PathVariable int year,
			@Valid @RequestBody(required = false) SignOffRequest request) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReportSigner(jurisdiction.code());
		checkYear(year);
		LocalDate last = this.calendar.lastDay(year);
		if (!last.isBefore(this.requests.today())) {
			throw ApiException.of(Rule.YEAR_NOT_ENDED, "year",
					"statistical year " + year + " ends on " + last + "; its report is signed after that");
		}
		this.freshness.awaitOwnWrites();
		Computed computed = compute(jurisdiction, year);
		EventSeal.SealResult sealed = this.seal.seal();
		this.commands.sendAndWait(new SignOffAnnualReport(ReportId.of(jurisdiction.code(), year), jurisdiction.code(),
				year, computed.figures(), computed.position(), sealed.toPosition(), sealed.chainHead(),
				computed.children(), computed.flaggedChildren(), (request != null) ? request.comment() : null,
				this.actors.current()));
		this.freshness.awaitOwnWrites();
		return ResponseEntity.status(HttpStatus.CREATED).body(report(jurisdiction, year));
	}

	@GetMapping("/api/jurisdictions/{code}/annual-reports/{year}")
	public Map<String, Object> get(@PathVariable String code, @PathVariable int year) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		checkYear(year);
		return report(jurisdiction, year);
	}

	/**
	 * The change flags this user may see at this level: those of the jurisdiction's own
	 * report and of the reports directly below it (a flag is shown to the signer's level
	 * and the level above).
	 */
	@GetMapping("/api/jurisdictions/{code}/annual-reports/{year}/flags")
	public Map<String, Object> flags(@PathVariable String code, @PathVariable int year) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		checkYear(year);
		List<JurisdictionCode> codes = new ArrayList<>();
		codes.add(jurisdiction.code());
		this.jurisdictions.children(jurisdiction.code()).forEach((child) -> codes.add(child.code()));
		SignedReports reports = find(codes, year);
		List<Map<String, Object>> flags = new ArrayList<>();
		long open = 0;
		for (JurisdictionCode each : codes) {
			AnnualReportView report = reports.of(each).orElse(null);
			if (report == null || !this.access.canSeeFlagsOf(each, parentOf(each))) {
				continue;
			}
			for (AnnualReportView.Flag flag : report.flags()) {
				flags.add(flag(each, flag));
				open += flag.open() ? 1 : 0;
			}
		}
		Map<String, Object> body = subject(jurisdiction);
		body.put("statisticalYear", year);
		body.put("openFlags", open);
		body.put("flags", flags);
		return body;
	}

	private void checkYear(int year) {
		int latest = this.requests.today().getYear() + 1;
		if (year < 1950 || year > latest) {
			throw ApiException.of(Rule.YEAR_OUT_OF_RANGE, "year", "year must lie between 1950 and " + latest);
		}
	}

	/** What a sign-off sends, computed at one global position. */
	record Computed(long position, Map<String, Long> figures, List<ChildReport> children,
			List<JurisdictionCode> flaggedChildren) {
	}

	/**
	 * Reads the figures and the children's status while the statistics processor stands
	 * still: the position before and after must agree, else it reads again.
	 */
	private Computed compute(Jurisdiction jurisdiction, int year) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			OptionalLong before = this.freshness.position(StatisticsProjection.PROCESSING_GROUP);
			if (before.isEmpty()) {
				break;
			}
			Map<String, Long> figures = figures(jurisdiction.code(), year);
			List<JurisdictionCode> below = this.jurisdictions.children(jurisdiction.code())
				.stream()
				.map(Jurisdiction::code)
				.toList();
			SignedReports signed = find(below, year);
			List<ChildReport> children = new ArrayList<>();
			List<JurisdictionCode> flagged = new ArrayList<>();
			for (JurisdictionCode child : below) {
				AnnualReportView report = signed.of(child).orElse(null);
				if (report != null) {
					if (!report.openFlags().isEmpty()) {
						flagged.add(child);
					}
					children.add(ChildReport.signed(child, report.version(), report.globalPosition(),
							report.reportDigest()));
				}
				else if (figures(child, year).isEmpty()) {
					children.add(ChildReport.exempt(child));
				}
			}
			if (before.equals(this.freshness.position(StatisticsProjection.PROCESSING_GROUP))) {
				return new Computed(before.getAsLong(), figures, children, flagged);
			}
		}
		throw ApiException.of(Rule.PROCESSOR_BUSY, null,
				"the statistics read model is not standing still on this node; try again");
	}

	private Map<String, Long> figures(JurisdictionCode code, int year) {
		return this.statistics
			.statistics(org.unionledger.projections.statistics.Scopes.jurisdiction(code), year,
					this.calendar.lastDay(year), null)
			.figures();
	}

	private SignedReports find(List<JurisdictionCode> codes, int year) {
		return this.queries.query(new FindAnnualReports(codes, year), ResponseTypes.instanceOf(SignedReports.class))
			.join();
	}

	private JurisdictionCode parentOf(JurisdictionCode code) {
		return this.jurisdictions.find(code).map(Jurisdiction::parent).orElse(null);
	}

	private Map<String, Object> report(Jurisdiction jurisdiction, int year) {
		JurisdictionCode code = jurisdiction.code();
		List<Jurisdiction> below = this.jurisdictions.children(code);
		List<JurisdictionCode> codes = new ArrayList<>();
		codes.add(code);
		below.forEach((child) -> codes.add(child.code()));
		SignedReports reports = find(codes, year);
		AnnualReportView report = reports.of(code).orElse(null);
		Map<String, Object> body = subject(jurisdiction);
		body.put("statisticalYear", year);
		body.put("status", (report != null) ? "SIGNED" : "NOT_SIGNED");
		if (report != null) {
			body.put("version", report.version());
			body.put("signedAt", report.signedAt());
			body.put("signedBy", report.signedBy());
			body.put("comment", report.comment());
			body.put("globalPosition", report.globalPosition());
			body.put("sealedThrough", report.sealedThrough());
			body.put("sealDigest", report.sealDigest());
			body.put("reportDigest", report.reportDigest());
			body.put("previousReportDigest", report.previousReportDigest());
			body.put("figures", report.figures());
			body.put("includedChildren", report.children());
			body.put("versions", report.versions());
			boolean visible = this.access.canSeeFlagsOf(code, jurisdiction.parent());
			body.put("flagsVisible", visible);
			if (visible) {
				body.put("openFlags", report.openFlags().size());
				body.put("flags", report.flags().stream().map((flag) -> flag(code, flag)).toList());
			}
		}
		boolean flagsOfChildrenVisible = !below.isEmpty() && this.access.canSeeFlagsOf(below.get(0).code(), code);
		List<Map<String, Object>> children = new ArrayList<>();
		boolean ready = true;
		for (Jurisdiction child : below) {
			Map<String, Object> entry = subject(child);
			AnnualReportView signed = reports.of(child.code()).orElse(null);
			if (signed != null) {
				entry.put("status", ChildReportStatus.SIGNED.name());
				entry.put("version", signed.version());
				entry.put("globalPosition", signed.globalPosition());
				entry.put("reportDigest", signed.reportDigest());
				entry.put("signedAt", signed.signedAt());
				if (flagsOfChildrenVisible) {
					entry.put("openFlags", signed.openFlags().size());
				}
			}
			else if (figures(child.code(), year).isEmpty()) {
				entry.put("status", ChildReportStatus.EXEMPT_NO_FIGURES.name());
			}
			else {
				entry.put("status", "NOT_SIGNED");
				ready = false;
			}
			children.add(entry);
		}
		body.put("children", children);
		body.put("childrenReady", ready);
		return body;
	}

	private static Map<String, Object> flag(JurisdictionCode code, AnnualReportView.Flag flag) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", flag.id());
		entry.put("jurisdictionCode", code.value());
		entry.put("version", flag.version());
		entry.put("figure", flag.figure());
		entry.put("signedValue", flag.signedValue());
		entry.put("currentValue", flag.currentValue());
		entry.put("status", flag.status());
		entry.put("clearedByVersion", flag.clearedByVersion());
		entry.put("raisedAt", flag.raisedAt());
		entry.put("events", flag.events());
		entry.put("moreEvents", flag.moreEvents());
		if (flag.note() != null) {
			entry.put("note", flag.note());
		}
		return entry;
	}

	private static Map<String, Object> subject(Jurisdiction jurisdiction) {
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("code", jurisdiction.code().value());
		subject.put("name", jurisdiction.name());
		subject.put("level", jurisdiction.level());
		return subject;
	}

}
