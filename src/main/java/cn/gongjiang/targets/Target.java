package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One figure a policy document sets, for a region or a department, with the document and section it comes from.
 * {@code value} is null when the document prints ** (待定).
 */
public record Target(long id, String indicator, String regionCode, String regionPath, String department, String label,
		Integer taskLineId, PeriodKind periodKind, LocalDate periodStart, LocalDate periodEnd, Comparison comparator,
		BigDecimal value, String document, String section) {

	/** The share of the period gone by on {@code asOf}, in [0, 1], counting whole days (序时进度). */
	public double elapsedShare(LocalDate asOf) {
		if (asOf.isBefore(periodStart)) {
			return 0;
		}
		if (!asOf.isBefore(periodEnd)) {
			return 1;
		}
		double days = ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
		return (ChronoUnit.DAYS.between(periodStart, asOf) + 1) / days;
	}

	/** The first day whose records count; null for a cumulative target, which counts everything before too. */
	public LocalDate countsFrom() {
		return periodKind == PeriodKind.CUMULATIVE ? null : periodStart;
	}

	/** The last day whose records count on {@code asOf}. */
	public LocalDate countsUntil(LocalDate asOf) {
		return asOf.isBefore(periodEnd) ? asOf : periodEnd;
	}

	/** 2023, 2023-2027, or 至2025-12-31 for a cumulative figure. */
	public String periodLabel() {
		return switch (periodKind) {
			case YEAR -> String.valueOf(periodStart.getYear());
			case RANGE -> periodStart.getYear() + "-" + periodEnd.getYear();
			case CUMULATIVE -> "至" + periodEnd;
		};
	}

	public String source() {
		return document + " " + section;
	}

	public boolean overlapsYear(int year) {
		return periodStart.getYear() <= year && periodEnd.getYear() >= year;
	}
}
