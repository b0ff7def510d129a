package cn.gongjiang.subsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * SUB-4: a waiting claim holds every period of its range, not only its ends — two 24-month allowances were once both
 * approved because each saw the other as two months.
 */
class ClaimPeriodsTests {

	@Test
	void aRangeOfMonthsHoldsEveryMonthInIt() {
		assertThat(Claims.periodsOf("2026-11 … 2027-02")).containsExactly("2026-11", "2026-12", "2027-01", "2027-02");
		assertThat(Claims.periodsOf("2026-10 … 2028-09")).hasSize(24);
	}

	@Test
	void aRangeOfYearsHoldsEveryYearAndASinglePeriodItself() {
		assertThat(Claims.periodsOf("2026 … 2028")).containsExactly("2026", "2027", "2028");
		assertThat(Claims.periodsOf("2026")).containsExactly("2026");
		assertThat(Claims.periodsOf("once")).containsExactly("once");
	}
}
