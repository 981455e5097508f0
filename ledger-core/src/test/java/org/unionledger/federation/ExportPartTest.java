package org.unionledger.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.union.UnionId;

class ExportPartTest {

	private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

	private static List<PersonFingerprint> people(int count, long seed) {
		Random random = new Random(seed);
		List<PersonFingerprint> people = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			StringBuilder value = new StringBuilder();
			for (int c = 0; c < 52; c++) {
				value.append(BASE32.charAt(random.nextInt(32)));
			}
			people.add(new PersonFingerprint(value.toString()));
		}
		return people;
	}

	@Test
	void everyPersonFallsInExactlyOnePartWhateverTheNumberOfParts() {
		List<PersonFingerprint> people = people(5_000, 7);
		for (int parts : new int[] { 1, 2, 3, 7, 100, 1024 }) {
			int[] held = new int[parts + 1];
			for (PersonFingerprint person : people) {
				int inParts = 0;
				for (int number = 1; number <= parts; number++) {
					if (new ExportPart(number, parts).holds(person)) {
						inParts++;
						held[number]++;
					}
				}
				assertThat(inParts).as("parts holding one person, of %d", parts).isEqualTo(1);
			}
			if (parts <= 7) {
				// ranges of equal width: each part holds about its share of random people
				for (int number = 1; number <= parts; number++) {
					assertThat(held[number]).as("part %d of %d", number, parts)
						.isBetween(5_000 / parts * 8 / 10, 5_000 / parts * 12 / 10);
				}
			}
		}
	}

	@Test
	void aPartIsARangeOfTheFingerprintsFirstTenBits() {
		assertThat(ExportPart.of(new PersonFingerprint("a".repeat(52)), 4)).isEqualTo(new ExportPart(1, 4));
		assertThat(ExportPart.of(new PersonFingerprint("p" + "7".repeat(51)), 4)).isEqualTo(new ExportPart(2, 4));
		assertThat(ExportPart.of(new PersonFingerprint("q" + "a".repeat(51)), 4)).isEqualTo(new ExportPart(3, 4));
		assertThat(ExportPart.of(new PersonFingerprint("7".repeat(52)), 4)).isEqualTo(new ExportPart(4, 4));
		assertThat(ExportPart.of(new PersonFingerprint("77" + "a".repeat(50)), 1024))
			.isEqualTo(new ExportPart(1024, 1024));
		assertThat(ExportPart.of(new PersonFingerprint("7".repeat(52)), 1)).isEqualTo(ExportPart.WHOLE);
	}

	@Test
	void theNumberOfPartsHoldsAboutAPartsShareEach() {
		assertThat(ExportPart.partsFor(0, 200_000)).isEqualTo(1);
		assertThat(ExportPart.partsFor(200_000, 200_000)).isEqualTo(1);
		assertThat(ExportPart.partsFor(200_001, 200_000)).isEqualTo(2);
		assertThat(ExportPart.partsFor(1_000_000, 200_000)).isEqualTo(5);
		assertThat(ExportPart.partsFor(Long.MAX_VALUE / 2, 1)).isEqualTo(ExportPart.MOST);
		assertThatIllegalArgumentException().isThrownBy(() -> ExportPart.partsFor(10, 0));
	}

	@Test
	void aPartOutsideItsNumberIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ExportPart(0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new ExportPart(3, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> new ExportPart(1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new ExportPart(1, ExportPart.MOST + 1));
	}

	@Test
	void anExportHoldsOnlyThePeopleOfItsPart() {
		List<PersonFingerprint> people = people(50, 11);
		ExportPart second = new ExportPart(2, 3);
		List<FingerprintExport.Entry> ofSecond = people.stream()
			.filter(second::holds)
			.map((p) -> new FingerprintExport.Entry(p, new UnionId("zz-site-01"), "郑州某项目部工会"))
			.toList();
		assertThat(new FingerprintExport(new LedgerId("41"), new LedgerId("13"), "41", second, ofSecond).entries())
			.hasSize(ofSecond.size());
		PersonFingerprint elsewhere = people.stream().filter((p) -> !second.holds(p)).findFirst().orElseThrow();
		List<FingerprintExport.Entry> mixed = new ArrayList<>(ofSecond);
		mixed.add(new FingerprintExport.Entry(elsewhere, new UnionId("zz-site-01"), "郑州某项目部工会"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FingerprintExport(new LedgerId("41"), new LedgerId("13"), "41", second, mixed));
	}

}
