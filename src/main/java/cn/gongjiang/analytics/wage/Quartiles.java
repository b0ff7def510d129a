package cn.gongjiang.analytics.wage;

import java.util.Arrays;

/**
 * The three quartiles of a set of wages, computed as PostgreSQL's {@code percentile_cont} does (linear
 * interpolation between the two nearest ranks), so exact figures from Java and from SQL agree to the fen.
 */
public record Quartiles(double p25, double p50, double p75) {

	public static Quartiles exact(double... wages) {
		var sorted = wages.clone();
		Arrays.sort(sorted);
		return new Quartiles(percentileCont(sorted, 0.25), percentileCont(sorted, 0.5), percentileCont(sorted, 0.75));
	}

	public static Quartiles of(WageSketch sketch) {
		return new Quartiles(sketch.quantile(0.25), sketch.quantile(0.5), sketch.quantile(0.75));
	}

	/** {@code percentile_cont(q)} over sorted values. */
	public static double percentileCont(double[] sorted, double q) {
		if (sorted.length == 0) {
			throw new IllegalArgumentException("no values");
		}
		var position = q * (sorted.length - 1);
		var below = (int) Math.floor(position);
		var above = (int) Math.ceil(position);
		return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
	}
}
