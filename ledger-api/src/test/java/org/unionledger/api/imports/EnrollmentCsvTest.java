package org.unionledger.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.unionledger.api.problems.ApiException;
import org.unionledger.common.Rule;

/**
 * The import format as Commons CSV reads it: rows keep the line they start on, whatever
 * blank lines, CRLF or quoted line breaks come before them; a line of spaces is a row (of
 * empty fields, refused row by row), an empty line is not.
 */
class EnrollmentCsvTest {

	private static final String HEADER = "residentId,name,unionId,effectiveDate\r\n";

	@Test
	void rowsKeepTheLineTheyStartOnAcrossBlankLinesAndQuotedLineBreaks() {
		String csv = HEADER + "a,\"王\n二\",u,2026-01-01\r\n" + "\r\n" + "\n" + " b , \"李\"\"三\" ,u,2026-01-02\r\n"
				+ "   \n" + "c,赵,u,2026-01-03";

		assertThat(EnrollmentCsv.parse(csv))
			.extracting((row) -> row.line() + " " + row.residentId() + " " + row.name() + " " + row.channel())
			.containsExactly("2 a 王\n二 ", "6 b 李\"三 ", "7   ", "8 c 赵 ");
	}

	@Test
	void aHeaderWithAnUnknownOrRepeatedColumnIsRefused() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> EnrollmentCsv.parse("residentId,name,unionId,effectiveDate,name\nx,y,z,w,v\n"))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo(Rule.CSV_HEADER));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> EnrollmentCsv.parse(HEADER))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo(Rule.CSV_EMPTY));
	}

	@Test
	void aFieldOverTheLimitIsRefusedNamingItsLine() {
		String csv = HEADER + "a,b,u,2026-01-01\r\n" + "a," + "x".repeat(EnrollmentCsv.MAX_FIELD + 1) + ",u,d\r\n";

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> EnrollmentCsv.parse(csv))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo(Rule.CSV_FIELD_TOO_LONG))
			.withMessageContaining("line 3");
	}

	@Test
	void chineseHeadersAndChannelNamesAreReadAsTheEnglishOnesAndTheTemplateReadsBack() {
		String csv = EnrollmentCsv.template(true) + "a,王二,u,2026-01-01,现场\r\n" + "b,李三,u,2026-01-02,网上\r\n"
				+ "c,赵四,u,2026-01-03,\r\n";

		assertThat(EnrollmentCsv.parse(csv))
			.extracting((row) -> row.residentId() + " " + row.name() + " " + row.unionId() + " " + row.effectiveDate()
					+ " " + row.channel())
			.containsExactly("a 王二 u 2026-01-01 ON_SITE", "b 李三 u 2026-01-02 ONLINE", "c 赵四 u 2026-01-03 ");
		assertThat(EnrollmentCsv.template(true)).isEqualTo("\uFEFF身份证号,姓名,工会,入会日期,渠道\r\n");
		assertThat(EnrollmentCsv.parse(EnrollmentCsv.template(false) + "a,b,u,2026-01-01,IMPORT\r\n")).singleElement()
			.satisfies((row) -> assertThat(row.channel()).isEqualTo("IMPORT"));
		assertThat(EnrollmentCsv.parse("入会日期,工会,姓名,身份证号码\na,b,c,d\n")).singleElement()
			.satisfies((row) -> assertThat(row.residentId() + row.unionId()).isEqualTo("db"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> EnrollmentCsv.parse("身份证号,姓名,工会,入会日期,residentId\nx,y,z,w,v\n"))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo(Rule.CSV_HEADER));
	}

	@Test
	void aQuoteLeftOpenEndsWithTheFile() {
		assertThat(EnrollmentCsv.parse(HEADER + "a,\"b,u,2026-01-01\n")).singleElement()
			.satisfies((row) -> assertThat(row.name()).isEqualTo("b,u,2026-01-01"));
	}

}
