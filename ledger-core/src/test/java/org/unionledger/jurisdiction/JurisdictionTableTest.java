package org.unionledger.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class JurisdictionTableTest {

	private static final String PROVINCES = """
			code,name
			13,"河北省"
			""";

	private static final String CITIES = """
			code,name,provinceCode
			1301,"石家庄市",13
			""";

	private static final String AREAS = """
			code,name,cityCode,provinceCode
			130102,"长安区",1301,13
			130171,"石家庄高新技术产业开发区",1301,13
			""";

	private final JurisdictionTable bundled = JurisdictionTable.bundled();

	@Test
	void bundledTableIsThe2023Edition() {
		assertThat(this.bundled.version()).isEqualTo("2023");
		assertThat(this.bundled.validFrom()).isEqualTo(LocalDate.of(2023, 6, 30));
		assertThat(this.bundled.all()).hasSize(31 + 342 + 2978);
		assertThat(JurisdictionTable.bundled()).isSameAs(this.bundled);
	}

	@Test
	void bundledTableKnowsChangAnDistrict() {
		assertThat(this.bundled.find(JurisdictionCode.of("130102")))
			.contains(new Jurisdiction(JurisdictionCode.of("130102"), "长安区", JurisdictionCode.of("1301")));
		assertThat(this.bundled.isCountyLevel(JurisdictionCode.of("130102"))).isTrue();
	}

	@Test
	void aDevelopmentZoneIsACountyLevelUnit() {
		Jurisdiction zone = this.bundled.find(JurisdictionCode.of("130171")).orElseThrow();

		assertThat(zone.name()).isEqualTo("石家庄高新技术产业开发区");
		assertThat(zone.isDevelopmentZone()).isTrue();
		assertThat(this.bundled.isCountyLevel(zone.code())).isTrue();
	}

	@Test
	void citiesProvincesAndUnknownCodesAreNotCountyLevel() {
		assertThat(this.bundled.isCountyLevel(JurisdictionCode.of("1301"))).isFalse();
		assertThat(this.bundled.isCountyLevel(JurisdictionCode.of("13"))).isFalse();
		assertThat(this.bundled.isCountyLevel(JurisdictionCode.of("130199"))).isFalse();
		assertThat(this.bundled.find(JurisdictionCode.of("130199"))).isEmpty();
	}

	@Test
	void childrenOfShijiazhuangAreItsCountyLevelUnitsInCodeOrder() {
		List<Jurisdiction> children = this.bundled.children(JurisdictionCode.of("1301"));

		assertThat(children).extracting((j) -> j.code().value())
			.startsWith("130102", "130104", "130105")
			.contains("130171", "130172")
			.endsWith("130184")
			.isSorted()
			.hasSize(24);
		assertThat(children).allSatisfy((j) -> assertThat(j.parent()).isEqualTo(JurisdictionCode.of("1301")));
	}

	@Test
	void childrenOfAProvinceAreItsCitiesAndACountyHasNone() {
		assertThat(this.bundled.children(JurisdictionCode.of("13"))).extracting(Jurisdiction::name)
			.contains("石家庄市", "唐山市")
			.hasSize(11);
		assertThat(this.bundled.children(JurisdictionCode.of("130102"))).isEmpty();
	}

	@Test
	void pathRunsFromProvinceToCounty() {
		assertThat(this.bundled.path(JurisdictionCode.of("130171"))).extracting(Jurisdiction::name)
			.containsExactly("河北省", "石家庄市", "石家庄高新技术产业开发区");
		assertThat(this.bundled.path(JurisdictionCode.of("1301"))).extracting(Jurisdiction::name)
			.containsExactly("河北省", "石家庄市");
		assertThat(this.bundled.path(JurisdictionCode.of("130199"))).isEmpty();
	}

	@Test
	void municipalitiesHaveAPlaceholderCityLevel() {
		assertThat(this.bundled.path(JurisdictionCode.of("110105"))).extracting(Jurisdiction::name)
			.containsExactly("北京市", "市辖区", "朝阳区");
	}

	@Test
	void loadsATableInTheSameLayoutFromTheUser() {
		JurisdictionTable table = load(PROVINCES, CITIES, AREAS);

		assertThat(table.version()).isEqualTo("test");
		assertThat(table.all()).extracting((j) -> j.code().value()).containsExactly("13", "1301", "130102", "130171");
	}

	@Test
	void aMalformedRowIsReportedWithFileAndLine() {
		String areas = AREAS + "130104,\"桥西区\",1301\n";

		assertThatExceptionOfType(MalformedJurisdictionTableException.class)
			.isThrownBy(() -> load(PROVINCES, CITIES, areas))
			.withMessage("areas.csv line 4: expected 4 fields but found 3")
			.satisfies((ex) -> assertThat(ex.lineNumber()).isEqualTo(4));
	}

	@Test
	void aCodeOfTheWrongShapeIsReported() {
		String areas = AREAS + "13010X,\"桥西区\",1301,13\n";

		assertThatExceptionOfType(MalformedJurisdictionTableException.class)
			.isThrownBy(() -> load(PROVINCES, CITIES, areas))
			.withMessageStartingWith("areas.csv line 4:")
			.withMessageContaining("13010X");
	}

	@Test
	void anAreaOutsideItsCityIsReported() {
		String areas = AREAS + "130204,\"古冶区\",1301,13\n";

		assertThatExceptionOfType(MalformedJurisdictionTableException.class)
			.isThrownBy(() -> load(PROVINCES, CITIES, areas))
			.withMessage("areas.csv line 4: code 130204 does not lie within 1301");
	}

	@Test
	void aCityOfAnUnknownProvinceIsReported() {
		String cities = CITIES + "1401,\"太原市\",14\n";

		assertThatExceptionOfType(MalformedJurisdictionTableException.class)
			.isThrownBy(() -> load(PROVINCES, cities, AREAS))
			.withMessage("cities.csv line 3: code 1401 refers to 14, which is not in the table");
	}

	@Test
	void duplicateCodesAndUnclosedQuotesAndWrongHeadersAreReported() {
		assertThatExceptionOfType(MalformedJurisdictionTableException.class)
			.isThrownBy(() -> load(PROVINCES, CITIES, AREAS + "130102,\"长安区\",1301,13\n"))
			.withMessage("areas.csv line 4: code 130102 appears twice");
		assertThatExceptionOfType(MalformedJurisdictionTableException.class)
			.isThrownBy(() -> load(PROVINCES + "14,\"山西省\n", CITIES, AREAS))
			.withMessage("provinces.csv line 3: a quote is not closed");
		assertThatExceptionOfType(MalformedJurisdictionTableException.class)
			.isThrownBy(() -> load(PROVINCES + "14,\"山西\"省\n", CITIES, AREAS))
			.withMessage("provinces.csv line 3: unexpected text after a closing quote");
		assertThatExceptionOfType(MalformedJurisdictionTableException.class)
			.isThrownBy(() -> load("code;name\n13;\"河北省\"\n", CITIES, AREAS))
			.withMessageStartingWith("provinces.csv line 1: expected the header code,name");
		assertThatExceptionOfType(MalformedJurisdictionTableException.class)
			.isThrownBy(() -> load(PROVINCES, CITIES, AREAS + "130104,\"\",1301,13\n"))
			.withMessage("areas.csv line 4: the name is empty");
	}

	@Test
	void quotedNamesMayHoldCommasAndQuotesAndBlankLinesAreSkipped() {
		String areas = AREAS + "\n130104,\"桥西区, \"\"新\"\"\",1301,13\r\n";

		assertThat(load(PROVINCES, CITIES, areas).find(JurisdictionCode.of("130104")).orElseThrow().name())
			.isEqualTo("桥西区, \"新\"");
	}

	@Test
	void versionedTablesAnswerWhichEditionWasInForceOnADate() {
		JurisdictionTable older = JurisdictionTable.load("2022", LocalDate.of(2022, 6, 30), new StringReader(PROVINCES),
				new StringReader(CITIES), new StringReader(AREAS));
		JurisdictionTables tables = JurisdictionTables.of(this.bundled, older);

		assertThat(tables.current()).isSameAs(this.bundled);
		assertThat(tables.asOf(LocalDate.of(2023, 6, 29))).containsSame(older);
		assertThat(tables.asOf(LocalDate.of(2023, 6, 30))).containsSame(this.bundled);
		assertThat(tables.asOf(LocalDate.of(2022, 6, 29))).isEmpty();
	}

	@Test
	void aNewEditionStillFindsTheCodesItWithdrewButTakesNoUnionUnderThem() {
		JurisdictionTable edition2023 = JurisdictionTable.load("2023", LocalDate.of(2023, 6, 30),
				new StringReader("code,name\n13,\"河北省\"\n"),
				new StringReader("code,name,provinceCode\n1301,\"石家庄市\",13\n"),
				new StringReader("code,name,cityCode,provinceCode\n130102,\"长安区\",1301,13\n130108,\"裕华区\",1301,13\n"));
		JurisdictionTable edition2024 = JurisdictionTable.load("2024", LocalDate.of(2024, 6, 30),
				new StringReader("code,name\n13,\"河北省\"\n"),
				new StringReader("code,name,provinceCode\n1301,\"石家庄市\",13\n"),
				new StringReader("code,name,cityCode,provinceCode\n130102,\"长安区\",1301,13\n130109,\"新区\",1301,13\n"));
		JurisdictionTable current = edition2024.withWithdrawnFrom(List.of(edition2023));
		JurisdictionCode withdrawn = JurisdictionCode.of("130108");

		assertThat(current.version()).isEqualTo("2024");
		assertThat(current.find(withdrawn)).map(Jurisdiction::name).contains("裕华区");
		assertThat(current.isWithdrawn(withdrawn)).isTrue();
		assertThat(current.isWithdrawn(JurisdictionCode.of("130102"))).isFalse();
		assertThat(current.isCountyLevel(withdrawn)).as("no new union under a withdrawn code").isFalse();
		assertThat(current.isCountyLevel(JurisdictionCode.of("130109"))).isTrue();
		assertThat(current.children(JurisdictionCode.of("1301"))).extracting((j) -> j.code().value())
			.containsExactly("130102", "130109");
		assertThat(current.withdrawnChildren(JurisdictionCode.of("1301"))).extracting((j) -> j.code().value())
			.containsExactly("130108");
		assertThat(edition2023.withdrawnChildren(JurisdictionCode.of("1301"))).isEmpty();
		assertThat(current.path(withdrawn)).extracting((j) -> j.code().value()).containsExactly("13", "1301", "130108");
		assertThat(edition2024.find(withdrawn)).isEmpty();
		assertThatThrownBy(() -> edition2023.withWithdrawnFrom(List.of(edition2024)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not earlier");
	}

	private static JurisdictionTable load(String provinces, String cities, String areas) {
		return JurisdictionTable.load("test", LocalDate.of(2024, 1, 1), new StringReader(provinces),
				new StringReader(cities), new StringReader(areas));
	}

}
