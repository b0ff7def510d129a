package cn.gongjiang.analytics.travel;

import java.util.List;

/**
 * How well the estimate matches trips an officer timed (ANA-4): Pearson's correlation between estimated and timed
 * minutes, the share of trips estimated within {@value #WITHIN_MINUTES} minutes, and the mean error (estimate minus
 * timed, so a positive mean says the estimate is pessimistic).
 */
public record Calibration(int trips, Double correlation, Double shareWithin, Double meanError) {

	public static final double WITHIN_MINUTES = 10;

	/** One timed trip beside its estimate. */
	public record Trip(double estimated, double timed) {
	}

	public static Calibration of(List<Trip> trips) {
		var n = trips.size();
		if (n == 0) {
			return new Calibration(0, null, null, null);
		}
		double sx = 0, sy = 0, within = 0, error = 0;
		for (var t : trips) {
			sx += t.estimated();
			sy += t.timed();
			within += Math.abs(t.estimated() - t.timed()) <= WITHIN_MINUTES ? 1 : 0;
			error += t.estimated() - t.timed();
		}
		var mx = sx / n;
		var my = sy / n;
		double cov = 0, vx = 0, vy = 0;
		for (var t : trips) {
			cov += (t.estimated() - mx) * (t.timed() - my);
			vx += Math.pow(t.estimated() - mx, 2);
			vy += Math.pow(t.timed() - my, 2);
		}
		var correlation = n < 3 || vx == 0 || vy == 0 ? null : cov / Math.sqrt(vx * vy);
		return new Calibration(n, correlation, within / n, error / n);
	}
}
