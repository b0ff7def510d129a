package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Money in yuan with fen (issue 17; SUB-1, SUB-3): the arithmetic the subsidy rules need, and JSON as a number. */
class MoneyTests {

	@Test
	void anAmountIsHeldToTheFenAndReadsPlain() {
		assertThat(Money.of(new BigDecimal("2250")).toBigDecimal()).isEqualByComparingTo("2250.00");
		assertThat(Money.of(new BigDecimal("2250")).toBigDecimal().scale()).isEqualTo(2);
		assertThat(Money.yuan(2250)).hasToString("2250");
		assertThat(Money.of(new BigDecimal("2000.50"))).hasToString("2000.5");
		assertThat(Money.of(new BigDecimal("1E+4"))).hasToString("10000");
		assertThat(Money.of(new BigDecimal("0.01"))).hasToString("0.01");
	}

	@Test
	void anAmountFinerThanAFenIsRefusedNotRounded() {
		assertThatThrownBy(() -> Money.of(new BigDecimal("12.345"))).isInstanceOf(InvalidValueException.class)
				.hasMessageContaining("money.fen");
		assertThat(Money.of(new BigDecimal("12.3400"))).isEqualTo(Money.of(new BigDecimal("12.34")));
	}

	@Test
	void amountsAddSubtractAndCompareWhateverTheirScale() {
		var budget = Money.of(new BigDecimal("200000"));
		var grant = Money.of(new BigDecimal("2250.00"));
		assertThat(budget.minus(grant)).isEqualTo(Money.yuan(197750));
		assertThat(grant.plus(grant).times(2)).isEqualTo(Money.yuan(9000));
		assertThat(budget.isAtLeast(grant)).isTrue();
		assertThat(grant.isAtLeast(budget)).isFalse();
		assertThat(grant.minus(budget).signum()).isNegative();
		assertThat(grant.minus(budget).abs()).isEqualTo(Money.yuan(197750));
		assertThat(Money.ZERO.positive()).isFalse();
		assertThat(List.of(budget, grant, Money.ZERO).stream().sorted().toList()).containsExactly(Money.ZERO, grant, budget);
	}

	@Test
	void aPercentOfAnAmountRoundsHalfUpToTheYuan() {
		// SUB-1: 1,500 with a 15 % uplift is 1,725; 1,001 with 5 % is 1,051.05, paid as 1,051; 1,010 with 5 % 1,060.5 → 1,061
		assertThat(Money.yuan(1500).percentToYuan(115)).isEqualTo(Money.yuan(1725));
		assertThat(Money.yuan(1001).percentToYuan(105)).isEqualTo(Money.yuan(1051));
		assertThat(Money.yuan(1010).percentToYuan(105)).isEqualTo(Money.yuan(1061));
	}

	@Test
	void inJsonAnAmountIsTheNumberItWasBefore() {
		var json = JsonMapper.builder().build();
		assertThat(json.writeValueAsString(Money.yuan(2250))).isEqualTo("2250");
		assertThat(json.writeValueAsString(Money.of(new BigDecimal("2000.50")))).isEqualTo("2000.5");
		assertThat(json.writeValueAsString(Money.yuan(10000))).isEqualTo("10000");
		assertThat(json.readValue("2000.5", Money.class)).isEqualTo(Money.of(new BigDecimal("2000.50")));
		assertThat(json.readValue("300", Money.class)).isEqualTo(Money.yuan(300));
	}
}
