package org.unionledger.api.seeding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.unionledger.api.annualreports.AnnualReports;
import org.unionledger.api.problems.ApiException;
import org.unionledger.common.RecordedBy;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;

/**
 * The demo's signed year is signed even when someone acts on the ledger as soon as it is
 * ready: a report refused because the statistics were moving is tried again; any other
 * refusal is not.
 */
class DemoSigningTest {

	private static final Jurisdiction HEBEI = new Jurisdiction(JurisdictionCode.of("13"), "河北省", null);

	private static final RecordedBy ADMIN = new RecordedBy("admin-13");

	private static final LocalDate ON = LocalDate.of(2026, 10, 20);

	@Test
	void aReportRefusedWhileTheStatisticsMoveIsSignedOnALaterTry() {
		AnnualReports reports = mock(AnnualReports.class);
		ApiException busy = ApiException.of(Rule.PROCESSOR_BUSY, null, "not standing still");
		doThrow(busy).doThrow(busy)
			.doNothing()
			.when(reports)
			.signOff(any(Jurisdiction.class), anyInt(), anyString(), any(RecordedBy.class), any(LocalDate.class));

		DemoSeeding.signOff(reports, HEBEI, 2026, ADMIN, ON);

		verify(reports, times(3)).signOff(any(Jurisdiction.class), anyInt(), anyString(), any(RecordedBy.class),
				any(LocalDate.class));
	}

	@Test
	void anyOtherRefusalIsNotTriedAgain() {
		AnnualReports reports = mock(AnnualReports.class);
		doThrow(ApiException.of(Rule.YEAR_NOT_ENDED, "statisticalYear", "not ended")).when(reports)
			.signOff(any(Jurisdiction.class), anyInt(), anyString(), any(RecordedBy.class), any(LocalDate.class));

		assertThatThrownBy(() -> DemoSeeding.signOff(reports, HEBEI, 2026, ADMIN, ON)).isInstanceOf(ApiException.class);
		verify(reports, times(1)).signOff(any(Jurisdiction.class), anyInt(), anyString(), any(RecordedBy.class),
				any(LocalDate.class));
	}

}
