package org.unionledger.api.annualreports;

import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.statistics.StatisticsRequests;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.annualreports.AnnualReportView;
import org.unionledger.projections.annualreports.SignedReports;
import org.unionledger.annualreports.ChildReportStatus;

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

	private final AccessScopes access;

	private final org.unionledger.api.exports.Labels labels;

	public AnnualReportController(AnnualReports reports, StatisticsRequests requests, JurisdictionTable jurisdictions,
			AccessScopes access, org.unionledger.api.exports.Labels labels) {
		this.labels = labels;
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
	@ResponseStatus(HttpStatus.CREATED)
	public ResponseEntity<AnnualReport> signOff(@PathVariable String code, @PathVariable int year,
			@Valid @RequestBody(required = false) SignOffRequest request) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReportSigner(jurisdiction.code());
		checkYear(year);
		this.reports.signOff(jurisdiction, year, (request != null) ? request.comment() : null);
		return ResponseEntity.status(HttpStatus.CREATED).body(report(jurisdiction, year));
	}

	@GetMapping("/api/jurisdictions/{code}/annual-reports/{year}")
	public AnnualReport get(@PathVariable String code, @PathVariable int year) {
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
	public ReportFlags flags(@PathVariable String code, @PathVariable int year) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		checkYear(year);
		List<JurisdictionCode> codes = new ArrayList<>();
		codes.add(jurisdiction.code());
		this.jurisdictions.children(jurisdiction.code()).forEach((child) -> codes.add(child.code()));
		SignedReports reports = this.reports.find(codes, year);
		List<ReportFlag> flags = new ArrayList<>();
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
		return new ReportFlags(jurisdiction.code().value(), jurisdiction.name(), jurisdiction.level(), year, open,
				flags);
	}

	private void checkYear(int year) {
		int latest = this.requests.today().getYear() + 1;
		if (year < 1950 || year > latest) {
			throw ApiException.of(Rule.YEAR_OUT_OF_RANGE, "year", "year must lie between 1950 and " + latest);
		}
	}

	private JurisdictionCode parentOf(JurisdictionCode code) {
		return this.jurisdictions.find(code).map(Jurisdiction::parent).orElse(null);
	}

	private AnnualReport report(Jurisdiction jurisdiction, int year) {
		JurisdictionCode code = jurisdiction.code();
		List<Jurisdiction> below = this.jurisdictions.children(code);
		List<JurisdictionCode> codes = new ArrayList<>();
		codes.add(code);
		below.forEach((child) -> codes.add(child.code()));
		SignedReports reports = this.reports.find(codes, year);
		AnnualReportView report = reports.of(code).orElse(null);
		boolean flagsOfChildrenVisible = !below.isEmpty() && this.access.canSeeFlagsOf(below.get(0).code(), code);
		List<AnnualReport.ChildStatus> children = new ArrayList<>();
		boolean ready = true;
		for (Jurisdiction child : below) {
			AnnualReportView signed = reports.of(child.code()).orElse(null);
			if (signed != null) {
				children.add(new AnnualReport.ChildStatus(child.code().value(), child.name(), child.level(),
						ChildReportStatus.SIGNED.name(), signed.version(), signed.globalPosition(),
						signed.reportDigest(), signed.signedAt(),
						flagsOfChildrenVisible ? signed.openFlags().size() : null));
			}
			else if (this.reports.figures(child.code(), year).isEmpty()) {
				children.add(new AnnualReport.ChildStatus(child.code().value(), child.name(), child.level(),
						ChildReportStatus.EXEMPT_NO_FIGURES.name(), null, null, null, null, null));
			}
			else {
				children.add(new AnnualReport.ChildStatus(child.code().value(), child.name(), child.level(),
						"NOT_SIGNED", null, null, null, null, null));
				ready = false;
			}
		}
		if (report == null) {
			return new AnnualReport(code.value(), jurisdiction.name(), jurisdiction.level(), year, "NOT_SIGNED", null,
					null, null, null, null, null, null, null, null, null, null, null, null, null, null, children,
					ready);
		}
		boolean visible = this.access.canSeeFlagsOf(code, jurisdiction.parent());
		return new AnnualReport(code.value(), jurisdiction.name(), jurisdiction.level(), year, "SIGNED",
				report.version(), report.signedAt(), report.signedBy(), report.comment(), report.globalPosition(),
				report.sealedThrough(), report.sealDigest(), report.reportDigest(), report.previousReportDigest(),
				report.figures(), report.children(), report.versions(), visible,
				visible ? report.openFlags().size() : null,
				visible ? report.flags().stream().map((flag) -> flag(code, flag)).toList() : null, children, ready);
	}

	/**
	 * A flag with its figure named in the reader's language ({@code Accept-Language}).
	 */
	private ReportFlag flag(JurisdictionCode code, AnnualReportView.Flag flag) {
		String language = org.unionledger.api.exports.Labels.language(null,
				org.springframework.context.i18n.LocaleContextHolder.getLocale().toLanguageTag());
		return ReportFlag.of(code, flag, (flag.figure() != null) ? this.labels.figure(language, flag.figure()) : null);
	}

}
