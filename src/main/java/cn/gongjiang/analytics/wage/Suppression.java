package cn.gongjiang.analytics.wage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Small-cell suppression for wage tables (ANA-2), so no person's wage can be read off a table: a cell of fewer than
 * {@value #MIN_COUNT} persons shows no count, one of fewer than {@value #MIN_QUANTILES} no quantiles, and where a
 * single hidden count could be recovered by subtracting the shown cells from the shown total, the smallest shown
 * cell is hidden too (complementary suppression); a table of one hidden cell hides its total instead.
 */
public final class Suppression {

	public static final int MIN_COUNT = 5;
	public static final int MIN_QUANTILES = 30;

	/** Why a figure is hidden: too few persons to count, too few for quantiles, or to protect another cell. */
	public enum Reason { NONE, FEW_PERSONS, FEW_FOR_QUANTILES, COMPLEMENTARY }

	/** What may be shown of one cell. */
	public record Verdict(boolean countShown, boolean quantilesShown, Reason reason) {

		static Verdict of(long persons) {
			if (persons < MIN_COUNT) {
				return new Verdict(false, false, Reason.FEW_PERSONS);
			}
			return persons < MIN_QUANTILES ? new Verdict(true, false, Reason.FEW_FOR_QUANTILES)
					: new Verdict(true, true, Reason.NONE);
		}

		Verdict hideCount() {
			return new Verdict(false, false, Reason.COMPLEMENTARY);
		}
	}

	/** The cells' verdicts, in the order given, and the total's. */
	public record Table(List<Verdict> cells, Verdict total) {
	}

	private Suppression() {
	}

	/** Verdicts for cells (persons each, all non-zero) that add up to the table's total. */
	public static Table of(List<Long> persons) {
		var cells = new ArrayList<Verdict>(persons.stream().map(Verdict::of).toList());
		var total = Verdict.of(persons.stream().mapToLong(Long::longValue).sum());
		var hidden = IntStream.range(0, cells.size()).filter(i -> !cells.get(i).countShown()).count();
		if (total.countShown() && hidden == 1) {
			var smallestShown = IntStream.range(0, cells.size()).filter(i -> cells.get(i).countShown()).boxed()
					.min(Comparator.comparingLong(persons::get));
			if (smallestShown.isPresent()) {
				cells.set(smallestShown.get(), cells.get(smallestShown.get()).hideCount());
			}
			else {
				total = total.hideCount();
			}
		}
		return new Table(List.copyOf(cells), total);
	}
}
