package org.unionledger.api.annualreports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.statistics.Statistics;
import org.unionledger.api.statistics.StatisticsRequests;
import org.unionledger.api.support.Actors;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.RecordedOn;
import org.unionledger.common.Rule;
import org.unionledger.eventstore.EventSeal;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.annualreports.AnnualReportView;
import org.unionledger.projections.annualreports.FindAnnualReports;
import org.unionledger.projections.annualreports.SignedReports;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.annualreports.ChildReport;
import org.unionledger.annualreports.Commands.SignOffAnnualReport;
import org.unionledger.annualreports.ReportId;
import org.unionledger.statistics.StatisticalCalendar;

/**
 * Signing the yearly statistics report (统计年报) of a jurisdiction, level by level (一级抓一级).
 * <p>
 * Signing computes the figures from the statistics read model (stocks as of the year's
 * last day, flows over the year, everything recorded so far) at a known global position,
 * with the status of every jurisdiction directly below (its signed digest, or exempt when
 * it has no figure at all), seals the event store so the seal's digest covers every event
 * counted, and sends {@link SignOffAnnualReport}; the aggregate checks the rules.
 */
@Service
public class AnnualReports {

	private static final int ATTEMPTS = 5;

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final StatisticsRequests requests;

	private final Statistics statistics;

	private final ProjectionFreshness freshness;

	private final EventSeal seal;

	private final JurisdictionTable jurisdictions;

	private final StatisticalCalendar calendar;

	private final Actors actors;

	public AnnualReports(CommandGateway commands, QueryGateway queries, StatisticsRequests requests,
			Statistics statistics, ProjectionFreshness freshness, EventSeal seal, JurisdictionTable jurisdictions,
			StatisticalCalendar calendar, Actors actors) {
		this.commands = commands;
		this.queries = queries;
		this.requests = requests;
		this.statistics = statistics;
		this.freshness = freshness;
		this.seal = seal;
		this.jurisdictions = jurisdictions;
		this.calendar = calendar;
		this.actors = actors;
	}

	/**
	 * Signs (or amends) the jurisdiction's report of an ended statistical year as the
	 * signed-in user.
	 * @param comment the signer's remark, or {@code null}
	 * @throws ApiException 422 {@code YEAR_NOT_ENDED}; 409 {@code PROCESSOR_BUSY} when
	 * the statistics read model would not stand still
	 */
	public void signOff(Jurisdiction jurisdiction, int year, String comment) {
		signOff(jurisdiction, year, comment, this.actors.current(), null);
	}

	/**
	 * Signs (or amends) the report as a named signer, for work the ledger does itself:
	 * the demo's signed year, signed level by level by the demo's admins.
	 * @param recordedOn the day the signature is recorded on ({@link RecordedOn}), or
	 * {@code null} for today
	 */
	public void signOff(Jurisdiction jurisdiction, int year, String comment, RecordedBy signer, LocalDate recordedOn) {
		LocalDate last = this.calendar.lastDay(year);
		if (!last.isBefore(this.requests.today())) {
			throw ApiException.of(Rule.YEAR_NOT_ENDED, "year",
					"statistical year " + year + " ends on " + last + "; its report is signed after that");
		}
		this.freshness.awaitOwnWrites();
		Computed computed = compute(jurisdiction, year);
		EventSeal.SealResult sealed = this.seal.seal();
		SignOffAnnualReport command = new SignOffAnnualReport(ReportId.of(jurisdiction.code(), year),
				jurisdiction.code(), year, computed.figures(), computed.position(), sealed.toPosition(),
				sealed.chainHead(), computed.children(), computed.flaggedChildren(), comment, signer);
		this.commands.sendAndWait((recordedOn == null) ? command : GenericCommandMessage.asCommandMessage(command)
			.andMetaData(Map.of(RecordedOn.METADATA_KEY, recordedOn.toString())));
		this.freshness.awaitOwnWrites();
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

	/** The jurisdiction's figures of the year as a report counts them. */
	public Map<String, Long> figures(JurisdictionCode code, int year) {
		return this.statistics.of(ScopeKeys.jurisdiction(code), year, this.calendar.lastDay(year), null).figures();
	}

	/** The signed reports of these jurisdictions for the year. */
	public SignedReports find(List<JurisdictionCode> codes, int year) {
		return this.queries.query(new FindAnnualReports(codes, year), ResponseTypes.instanceOf(SignedReports.class))
			.join();
	}

}
