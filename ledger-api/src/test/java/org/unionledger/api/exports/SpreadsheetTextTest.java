package org.unionledger.api.exports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a spreadsheet would run as a formula is kept as text; nothing else changes. */
class SpreadsheetTextTest {

	@Test
	void aCellStartingAsAFormulaIsPrefixedSoItStaysText() {
		assertThat(SpreadsheetText.cell("=HYPERLINK(\"http://x\",\"点我\")"))
			.isEqualTo("'=HYPERLINK(\"http://x\",\"点我\")");
		assertThat(SpreadsheetText.cell("+1")).isEqualTo("'+1");
		assertThat(SpreadsheetText.cell("-2+3")).isEqualTo("'-2+3");
		assertThat(SpreadsheetText.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetText.cell("\t=1")).isEqualTo("'\t=1");
		assertThat(SpreadsheetText.cell("\r=1")).isEqualTo("'\r=1");
	}

	@Test
	void otherTextIsLeftAsItIs() {
		assertThat(SpreadsheetText.cell("石家庄建筑工会")).isEqualTo("石家庄建筑工会");
		assertThat(SpreadsheetText.cell("m-abc=1")).isEqualTo("m-abc=1");
		assertThat(SpreadsheetText.cell("2026-01-01")).isEqualTo("2026-01-01");
		assertThat(SpreadsheetText.cell("")).isEmpty();
		assertThat(SpreadsheetText.cell(null)).isNull();
	}

}
