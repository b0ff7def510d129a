package cn.gongjiang.targets;

/**
 * YEAR and RANGE count what happened between the period's start and end; CUMULATIVE (累计, or a stock such as "总量")
 * counts everything up to the as-of date, the start only marking where the elapsed time is measured from.
 */
public enum PeriodKind {
	YEAR, RANGE, CUMULATIVE
}
