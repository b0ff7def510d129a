package cn.gongjiang.analytics.wage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gongjiang.analytics.wage.Suppression.Reason;

/** ANA-2: the small-cell rules, as the issue states them, on tables worked out by hand. */
class SuppressionTests {

	@Test
	void aCellOfFewerThanFivePersonsShowsNoCountAndOneOfFewerThanThirtyNoQuantiles() {
		var table = Suppression.of(List.of(40L, 12L, 8L));
		assertThat(table.cells()).extracting(Suppression.Verdict::reason)
				.containsExactly(Reason.NONE, Reason.FEW_FOR_QUANTILES, Reason.FEW_FOR_QUANTILES);
		assertThat(table.cells().get(1).countShown()).isTrue();
		assertThat(table.cells().get(1).quantilesShown()).isFalse();
		assertThat(table.total().quantilesShown()).isTrue();
	}

	@Test
	void aSingleHiddenCountThatTheTotalWouldGiveAwayHidesTheSmallestShownCellToo() {
		// 40 + 12 + 3 = 55 shown: 3 would be 55 - 40 - 12, so 12 (the smallest shown) goes as well
		var table = Suppression.of(List.of(40L, 12L, 3L));
		assertThat(table.cells()).extracting(Suppression.Verdict::reason)
				.containsExactly(Reason.NONE, Reason.COMPLEMENTARY, Reason.FEW_PERSONS);
		assertThat(table.cells().get(1).countShown()).isFalse();
		assertThat(table.total().countShown()).isTrue();
	}

	@Test
	void twoHiddenCellsNeedNoSecondSuppression() {
		var table = Suppression.of(List.of(40L, 2L, 3L));
		assertThat(table.cells()).extracting(Suppression.Verdict::reason)
				.containsExactly(Reason.NONE, Reason.FEW_PERSONS, Reason.FEW_PERSONS);
	}

	@Test
	void aTableOfOneHiddenCellHidesItsTotal() {
		var table = Suppression.of(List.of(7L, 3L));
		// 7 is the only shown cell: it is hidden so that 3 cannot be read as total − 7 … and the total is 10
		assertThat(table.cells()).extracting(Suppression.Verdict::reason)
				.containsExactly(Reason.COMPLEMENTARY, Reason.FEW_PERSONS);
		var single = Suppression.of(List.of(4L));
		assertThat(single.total().countShown()).isFalse();
	}
}
