package cn.gongjiang.subsidy.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 2025 gradual increase of the legal retirement age, as the rule uses it. */
class RetirementAgeTests {

	@ParameterizedTest(name = "{0} {1} retires {2}")
	@CsvSource(textBlock = """
			1964-12-15, M, 2024-12-15
			1965-01-15, M, 2025-02-15
			1965-04-15, M, 2025-05-15
			1965-05-15, M, 2025-07-15
			1977-01-15, M, 2040-01-15
			1974-12-15, F, 2024-12-15
			1975-01-15, F, 2025-02-15
			1975-03-15, F, 2025-05-15
			1985-01-15, F, 2040-01-15
			""")
	void menSixtyToSixtyThreeWomenFiftyToFiftyFive(LocalDate birth, String sex, LocalDate retires) {
		assertThat(RetirementAge.retiresOn(birth, sex)).isEqualTo(retires);
	}
}
