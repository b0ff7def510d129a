package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** REF-7: resident ID numbers are checked, not trusted (GB 11643-1999). */
class IdNumberTests {

	/**
	 * Every vector: valid exactly when the independent check says OK for an 18-character number. The 15-digit number
	 * that the source library calls valid is refused here on purpose (docs/adr/0004-identity-numbers.md).
	 */
	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("vectors")
	void everyTestVectorIsJudgedAsTheIndependentCheckSays(String value, String check, String note) {
		var expected = check.startsWith("OK") && value.length() == 18;
		assertThat(IdNumber.isValid(value)).as(note).isEqualTo(expected);
	}

	static Stream<Arguments> vectors() {
		return TestVectors.read("test-vectors/id_card_vectors.csv")
				.map(row -> Arguments.of(row.get(0), row.get(2), row.get(3)));
	}

	@ParameterizedTest(name = "{0} is refused with {1}")
	@CsvSource({
			"'',                   id-number.required",
			"610104620927690,      id-number.legacy-15-digit",
			"T60426199101010078,   id-number.format",
			"33010619900307123,    id-number.format",
			"201511221897205960,   id-number.region",
			"330106199002301230,   id-number.birth-date",
			"330106203001011239,   id-number.birth-date",
			"330106199003071230,   id-number.check-digit" })
	void aBrokenRuleIsNamed(String value, String code) {
		assertThatThrownBy(() -> IdNumber.parse(value, LocalDate.of(2026, 11, 22)))
				.isInstanceOf(InvalidValueException.class)
				.extracting(e -> ((InvalidValueException) e).code())
				.isEqualTo(code);
	}

	@Test
	void generatorsGetTheCheckDigitComputedForThem() {
		assertThat(IdNumber.withCheckDigit("33010619900307123")).isEqualTo("330106199003071236");
		assertThat(IdNumber.withCheckDigit("33010219900101008")).isEqualTo("33010219900101008X");
	}

	@Test
	void aLowerCaseXIsAcceptedAndStoredUpperCase() {
		assertThat(IdNumber.parse("33010219900101008x").value()).isEqualTo("33010219900101008X");
	}

	@Test
	void birthDateSexAndRegionAreReadFromTheNumber() {
		var number = IdNumber.parse(" 330782200002293181 ");
		assertThat(number.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
		assertThat(number.male()).isFalse();
		assertThat(number.issuingRegion()).isEqualTo("330782");
	}

	@Test
	void anOfficerSeesTheFirstSixAndLastFour() {
		assertThat(IdNumber.parse("330106199003071236").masked()).isEqualTo("330106********1236");
		assertThat(IdNumber.parse("330106199003071236").toString()).doesNotContain("19900307");
	}
}
