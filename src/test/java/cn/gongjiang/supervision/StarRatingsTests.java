package cn.gongjiang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** SUP-1: score bands to stars. */
class StarRatingsTests {

	@Test
	void ninetyIsFiveStarsAndBelowSixtyIsOne() {
		assertThat(StarRatings.stars(new BigDecimal("90"))).isEqualTo(5);
		assertThat(StarRatings.stars(new BigDecimal("89.9"))).isEqualTo(4);
		assertThat(StarRatings.stars(new BigDecimal("70"))).isEqualTo(3);
		assertThat(StarRatings.stars(new BigDecimal("60"))).isEqualTo(2);
		assertThat(StarRatings.stars(new BigDecimal("59.99"))).isEqualTo(1);
	}
}
