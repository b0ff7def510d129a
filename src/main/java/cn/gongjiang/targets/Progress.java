package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/**
 * A target measured on a date (TGT-3): the actual, progress = actual / target, the elapsed share of the period and
 * the status. {@code actualSource}: COMPUTED from platform records, or the status of the return it was reported by.
 */
public record Progress(Target target, BigDecimal actual, String actualSource, Double progress, double elapsedShare,
		ProgressStatus status, LocalDate asOf) {

	/**
	 * Behind when progress trails the elapsed share by more than {@code thresholdPoints} percentage points or the period
	 * has ended short of the figure, ahead when it leads by more, done when the figure is reached.
	 */
	static Progress assess(Target target, BigDecimal actual, String actualSource, LocalDate asOf,
			double thresholdPoints) {
		double elapsed = target.elapsedShare(asOf);
		if (target.comparator() == Comparison.UNKNOWN) {
			return new Progress(target, actual, actualSource, null, elapsed, ProgressStatus.UNKNOWN_TARGET, asOf);
		}
		if (actual == null) {
			return new Progress(target, null, actualSource, null, elapsed, ProgressStatus.NOT_REPORTED, asOf);
		}
		double progress = target.value().signum() == 0 ? 1
				: actual.divide(target.value(), MathContext.DECIMAL64).doubleValue();
		ProgressStatus status;
		double gap = (progress - elapsed) * 100;
		if (target.comparator().met(actual, target.value())) {
			status = ProgressStatus.DONE;
		}
		else if (gap < -thresholdPoints || elapsed >= 1) { // the period is over and the figure not reached
			status = ProgressStatus.BEHIND;
		}
		else if (gap > thresholdPoints) {
			status = ProgressStatus.AHEAD;
		}
		else {
			status = ProgressStatus.ON_TRACK;
		}
		return new Progress(target, actual, actualSource, progress, elapsed, status, asOf);
	}
}
