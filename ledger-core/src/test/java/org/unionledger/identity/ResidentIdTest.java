package org.unionledger.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.unionledger.common.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	private static final String WITH_X = "13010219900107123X";

	private static final String WITH_DIGIT = "130102199003071233";

	private static final String LEGACY_15 = "130102700307123";

	private static final String LEGACY_AS_18 = "130102197003071234";

	@Test
	void acceptsAValidEighteenDigitId() {
		ResidentId id = ResidentId.parse(WITH_DIGIT, TODAY);

		assertThat(id.value()).isEqualTo(WITH_DIGIT);
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
	}

	@Test
	void acceptsAnIdEndingInX() {
		assertThat(ResidentId.parse(WITH_X, TODAY).value()).isEqualTo(WITH_X);
	}

	@Test
	void lowerCaseXIsTheSameIdAsUpperCaseX() {
		ResidentId lower = ResidentId.parse("13010219900107123x", TODAY);

		assertThat(lower.value()).isEqualTo(WITH_X);
		assertThat(lower).isEqualTo(ResidentId.parse(WITH_X, TODAY)).hasSameHashCodeAs(ResidentId.parse(WITH_X, TODAY));
	}

	@Test
	void surroundingWhiteSpaceIsIgnored() {
		assertThat(ResidentId.parse("  " + WITH_DIGIT + "\t", TODAY).value()).isEqualTo(WITH_DIGIT);
	}

	@Test
	void aFifteenDigitLegacyNumberIsTheSamePersonAsItsEighteenDigitForm() {
		ResidentId legacy = ResidentId.parse(LEGACY_15, TODAY);

		assertThat(legacy.value()).isEqualTo(LEGACY_AS_18);
		assertThat(legacy.birthDate()).isEqualTo(LocalDate.of(1970, 3, 7));
		assertThat(legacy).isEqualTo(ResidentId.parse(LEGACY_AS_18, TODAY))
			.hasSameHashCodeAs(ResidentId.parse(LEGACY_AS_18, TODAY));
	}

	@Test
	void differentIdsAreNotEqual() {
		assertThat(ResidentId.parse(WITH_DIGIT, TODAY)).isNotEqualTo(ResidentId.parse(WITH_X, TODAY));
	}

	@Test
	void checkDigitFollowsIso7064Mod11Of2() {
		assertThat(ResidentId.checkDigitFor("11010519491231002")).isEqualTo('X');
		assertThat(ResidentId.checkDigitFor("13010219900307123")).isEqualTo('3');
	}

	@ParameterizedTest
	@CsvSource(nullValues = "NULL",
			value = { "NULL", "''", "1301021990030712", "1301021990030712333", "13010219900307123", "1301027003071" })
	void rejectsAWrongLength(String raw) {
		assertViolation(raw, Rule.RESIDENT_ID_LENGTH);
	}

	@ParameterizedTest
	@CsvSource({ "13010219900307123A", "1301021990030712X3", "X30102199003071233", "13010A700307123", "13010270030712X",
			"１３０１０２１９９００３０７１２３３" })
	void rejectsCharactersOtherThanDigitsAndAFinalX(String raw) {
		assertViolation(raw, Rule.RESIDENT_ID_CHARACTERS);
	}

	@ParameterizedTest
	@CsvSource({ "1301021990023012", "1301021990130112", "1301021899123112", "1301022026061612" })
	void rejectsABirthDateThatIsNoCalendarDateOrOutOfRange(String first16) {
		String first17 = first16 + "3";
		assertViolation(first17 + ResidentId.checkDigitFor(first17), Rule.RESIDENT_ID_BIRTH_DATE);
	}

	@Test
	void aBirthDateOfTodayIsAccepted() {
		String first17 = "13010220260615123";
		assertThat(ResidentId.parse(first17 + ResidentId.checkDigitFor(first17), TODAY).birthDate()).isEqualTo(TODAY);
	}

	@Test
	void aLegacyNumberWithAnImpossibleDateViolatesTheBirthDateRule() {
		assertViolation("130102700230123", Rule.RESIDENT_ID_BIRTH_DATE);
	}

	@Test
	void rejectsAWrongCheckDigit() {
		assertViolation("130102199003071234", Rule.RESIDENT_ID_CHECK_DIGIT);
		assertViolation("130102199003071230", Rule.RESIDENT_ID_CHECK_DIGIT);
	}

	@Test
	void violationsNameTheFieldAndNeverRepeatTheNumber() {
		String mistyped = "130102199003071234";

		assertThatThrownBy(() -> ResidentId.parse(mistyped, TODAY)).isInstanceOf(InvalidResidentIdException.class)
			.satisfies((ex) -> {
				InvalidResidentIdException violation = (InvalidResidentIdException) ex;
				assertThat(violation.field()).isEqualTo("residentId");
				assertThat(violation.getMessage()).doesNotContain(mistyped)
					.doesNotContain(mistyped.substring(0, 17))
					.doesNotContain("19900307");
			});
	}

	@Test
	void maskedShowsOnlyTheFirstAndLastFourCharacters() {
		assertThat(ResidentId.parse(WITH_X, TODAY).masked()).isEqualTo("1301**********123X");
	}

	@Test
	void toStringNeverLeaksTheClearNumber() {
		ResidentId id = ResidentId.parse(WITH_DIGIT, TODAY);

		assertThat(id.toString()).isEqualTo("1301**********1233").doesNotContain(WITH_DIGIT).doesNotContain("19900307");
		assertThat(String.valueOf(new PersonalData(id, "张三"))).doesNotContain(WITH_DIGIT).doesNotContain("张三");
	}

	private static void assertViolation(String raw, Rule rule) {
		assertThatThrownBy(() -> ResidentId.parse(raw, TODAY)).isInstanceOf(InvalidResidentIdException.class)
			.satisfies((ex) -> {
				InvalidResidentIdException violation = (InvalidResidentIdException) ex;
				assertThat(violation.rule()).isEqualTo(rule);
				assertThat(violation.field()).isEqualTo("residentId");
				if (raw != null && !raw.isEmpty()) {
					assertThat(violation.getMessage()).doesNotContain(raw);
				}
			});
	}

}
