package org.unionledger.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.unionledger.projections.statistics.Figures;

class LabelsTest {

	private final Labels labels = new Labels(new ObjectMapper());

	@Test
	void transfersBetweenLedgersAreNamedWithThePartnersProvince() {
		assertThat(this.labels.figure("zh-CN", Figures.TO_OTHER_LEDGERS)).isEqualTo("转往其他账本（跨省转出）");
		assertThat(this.labels.figure("zh-CN", "transfers.fromOtherLedgers.ledger.41"))
			.isEqualTo("自其他账本转入（跨省转入） · 河南省");
		assertThat(this.labels.figure("en", "transfers.toOtherLedgers.ledger.51"))
			.isEqualTo("Transfers to other ledgers · ledger 51");
	}

	@Test
	void everyFigureOfTheStatisticsHasAChineseNameWithoutProgramWords() {
		for (String figure : Figures.all()) {
			String name = this.labels.figure("zh-CN", figure);
			assertThat(name).as(figure).doesNotContain("transfers", "OtherLedgers", "ledger");
		}
	}

}
