package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** REF-7: unified social credit codes (GB 32100-2015). */
class CreditCodeTests {

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("vectors")
	void everyTestVectorIsJudgedByTheGb32100CheckCharacter(String value, String check, String note) {
		assertThat(isValid(value)).as(note).isEqualTo(check.equals("OK"));
	}

	static Stream<Arguments> vectors() {
		return TestVectors.read("test-vectors/uscc_vectors.csv").map(r -> Arguments.of(r.get(0), r.get(2), r.get(3)));
	}

	@ParameterizedTest(name = "{0} is refused with {1}")
	@CsvSource({
			"'',                 credit-code.required",
			"91330106MA2AB1C25I, credit-code.format",
			"91330106MA2AB1C25,  credit-code.format",
			"9133A106MA2AB1C25B, credit-code.format",
			"91350211M00013FA1N, credit-code.check-character" })
	void aBrokenRuleIsNamed(String value, String code) {
		assertThatThrownBy(() -> CreditCode.parse(value))
				.isInstanceOf(InvalidValueException.class)
				.extracting(e -> ((InvalidValueException) e).code())
				.isEqualTo(code);
	}

	@Test
	void generatorsGetTheCheckCharacterComputedForThem() {
		assertThat(CreditCode.withCheckCharacter("91330106MA2AB1C25")).isEqualTo("91330106MA2AB1C25B");
	}

	@Test
	void spacesAndLowerCaseAreNormalised() {
		assertThat(CreditCode.parse("91 110000 600037341l").value()).isEqualTo("91110000600037341L");
		assertThat(CreditCode.parse("91330106MA2AB1C25B").region()).isEqualTo("330106");
	}

	private static boolean isValid(String value) {
		try {
			CreditCode.parse(value);
			return true;
		}
		catch (InvalidValueException e) {
			return false;
		}
	}
}
