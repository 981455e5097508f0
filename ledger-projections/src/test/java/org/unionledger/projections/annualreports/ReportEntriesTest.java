package org.unionledger.projections.annualreports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.unionledger.annualreports.ChildReport;
import org.unionledger.annualreports.ChildReportStatus;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.projections.annualreports.ReportEntries.LoggedEvent;
import org.unionledger.projections.statistics.FigureChange;

/**
 * The annual reports' short-named entries are stored exactly as stores already hold them
 * (field names, order and BSON types) and read back as what was written.
 */
class ReportEntriesTest {

	@Test
	void aSignedFigureIsItsNameAndValue() {
		Document stored = new Document("n", "newEnrollments").append("v", 120L);
		assertThat(ReportEntries.figure("newEnrollments", 120L)).isEqualTo(stored);
		assertThat(ReportEntries.figureName(stored)).isEqualTo("newEnrollments");
		assertThat(ReportEntries.figureValue(stored)).isEqualTo(120L);
	}

	@Test
	void aChildsReportKeepsItsVersionAsAnIntegerAndItsPositionAsALong() {
		ChildReport child = new ChildReport(JurisdictionCode.of("130102"), ChildReportStatus.SIGNED, 2, 4_000_000_000L,
				"ab12");
		Document stored = new Document("c", "130102").append("s", "SIGNED")
			.append("v", 2)
			.append("p", 4_000_000_000L)
			.append("d", "ab12");
		assertThat(ReportEntries.child(child)).isEqualTo(stored);
		assertThat(ReportEntries.child(stored)).isEqualTo(child);
	}

	@Test
	void anEventBehindAFlagIsItsPositionTypeDayAndAmount() {
		AnnualReportView.FlagEvent event = new AnnualReportView.FlagEvent(77, "MemberEnrolled",
				LocalDate.of(2025, 9, 1), -1);
		Document stored = new Document("p", 77L).append("t", "MemberEnrolled")
			.append("e", "2025-09-01")
			.append("a", -1L);
		assertThat(ReportEntries.flagEvent(event)).isEqualTo(stored);
		assertThat(ReportEntries.flagEvent(stored)).isEqualTo(event);
	}

	@Test
	void aLoggedEventKeepsItsChangesWithoutTheirScope() {
		LoggedEvent logged = new LoggedEvent(91, "TransferAccepted",
				List.of(new FigureChange("J:1301", "transfersIn", LocalDate.of(2026, 2, 3), 1),
						new FigureChange("J:1301", "active", LocalDate.of(2026, 2, 3), 1)));
		Document stored = new Document("p", 91L).append("t", "TransferAccepted")
			.append("c", List.of(new Document("f", "transfersIn").append("e", "2026-02-03").append("a", 1L),
					new Document("f", "active").append("e", "2026-02-03").append("a", 1L)));
		assertThat(logged.toDocument()).isEqualTo(stored);
		assertThat(LoggedEvent.positionOf(stored)).isEqualTo(91L);
		assertThat(LoggedEvent.of(stored)).isEqualTo(new LoggedEvent(91, "TransferAccepted",
				List.of(new FigureChange(null, "transfersIn", LocalDate.of(2026, 2, 3), 1),
						new FigureChange(null, "active", LocalDate.of(2026, 2, 3), 1))));
	}

}
