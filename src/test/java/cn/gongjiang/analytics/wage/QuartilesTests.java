package cn.gongjiang.analytics.wage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** ANA-2: exact quartiles as percentile_cont computes them, and the sketch within 1 % of them. */
class QuartilesTests {

	@Test
	void exactQuartilesInterpolateBetweenTheTwoNearestRanksAsPercentileContDoes() {
		// 5,000 … 8,900 in steps of 100 (40 wages): positions 9.75, 19.5 and 29.25
		var wages = new double[40];
		for (int i = 0; i < wages.length; i++) {
			wages[i] = 5_000 + 100 * i;
		}
		var q = Quartiles.exact(wages);
		assertThat(q.p25()).isEqualTo(5_975);
		assertThat(q.p50()).isEqualTo(6_950);
		assertThat(q.p75()).isEqualTo(7_925);
		assertThat(Quartiles.exact(4_000, 6_000).p50()).isEqualTo(5_000);
	}

	@Test
	void mergedSketchesOfCountiesGiveTheCitysQuartilesWithinOnePercent() {
		var random = new Random(7);
		var all = new double[60_000];
		var counties = new ArrayList<WageSketch>();
		for (int c = 0; c < 6; c++) {
			var county = WageSketch.empty();
			for (int i = 0; i < 10_000; i++) {
				var wage = Math.round(6_500 * (1 + c * 0.05) * Math.exp(0.35 * random.nextGaussian()));
				all[c * 10_000 + i] = wage;
				county.add(wage);
			}
			counties.add(WageSketch.fromBytes(county.bytes()));
		}
		var exact = Quartiles.exact(all);
		var sketch = Quartiles.of(WageSketch.merge(counties));
		assertThat(sketch.p25()).isCloseTo(exact.p25(), within(exact.p25() * 0.01));
		assertThat(sketch.p50()).isCloseTo(exact.p50(), within(exact.p50() * 0.01));
		assertThat(sketch.p75()).isCloseTo(exact.p75(), within(exact.p75() * 0.01));
	}

	@Test
	void theGradePremiumIsOverTheNearestLowerGradeWhoseMedianIsShown() {
		// junior 6,000, intermediate hidden, senior 7,500: senior is 25 % above junior
		assertThat(GradePremium.overLowerGrade(Arrays.asList(6_000.0, null, 7_500.0)))
				.containsExactly(null, null, 0.25);
	}
}
