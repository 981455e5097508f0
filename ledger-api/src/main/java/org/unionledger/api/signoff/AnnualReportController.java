package org.unionledger.api.signoff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.Scopes;
import org.unionledger.api.statistics.StatisticsRequests;
import org.unionledger.common.Rules;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.annualreports.AnnualReportView;
import org.unionledger.projections.annualreports.SignedReports;
import org.unionledger.signoff.ChildReportStatus;

/**
 * The yearly statistics report (统计年报) of a jurisdiction, signed level by level (一级抓一级):
 * counties and zones first, then their city, then the province. Signing is
 * {@link AnnualReports}'.
 */
@RestController
public class AnnualReportController {

	private final AnnualReports reports;

	private final StatisticsRequests requests;

	private final JurisdictionTable jurisdictions;

	private final Scopes access;

	public AnnualReportController(AnnualReports reports, StatisticsRequests requests, JurisdictionTable jurisdictions,
			Scopes access) {
		this.reports = reports;
		this.requests = requests;
		this.jurisdictions = jurisdictions;
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
		this.reports.signOff(jurisdiction, year, (request != null) ? request.comment() : null);
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
		SignedReports reports = this.reports.find(codes, year);
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
			throw ApiException.invalid(Rules.YEAR_OUT_OF_RANGE, "year", "year must lie between 1950 and " + latest);
		}
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
		SignedReports reports = this.reports.find(codes, year);
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
			else if (this.reports.figures(child.code(), year).isEmpty()) {
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
