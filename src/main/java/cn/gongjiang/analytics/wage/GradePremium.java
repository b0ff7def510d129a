package cn.gongjiang.analytics.wage;

import java.util.ArrayList;
import java.util.List;

/**
 * The grade premium (ANA-2): how much more the median of one grade is than the median of the nearest lower grade
 * whose median is shown (中级工 against 初级工, 高级工 against 中级工 …), as a share; null where either is hidden.
 */
public final class GradePremium {

	private GradePremium() {
	}

	/** Medians in grade order, lowest first, null where hidden; the premium of each over the one below it. */
	public static List<Double> overLowerGrade(List<Double> medians) {
		var premiums = new ArrayList<Double>();
		Double lower = null;
		for (var median : medians) {
			premiums.add(median == null || lower == null ? null : median / lower - 1);
			if (median != null) {
				lower = median;
			}
		}
		return premiums;
	}
}
