package cn.gongjiang.analytics.travel;

import java.util.List;

/**
 * Which destination is nearest in time (ANA-4): the index into the destinations and the minutes, or none when there
 * is no destination at all.
 */
public record Reach(int nearest, double minutes) {

	public static final double CIRCLE_MINUTES = 30;

	public static Reach none() {
		return new Reach(-1, Double.POSITIVE_INFINITY);
	}

	public boolean within() {
		return nearest >= 0 && minutes <= CIRCLE_MINUTES;
	}

	/** The nearest of {@code destinations} from {@code origin} by {@code times}. */
	public static Reach nearest(TravelTimes times, Place origin, List<Place> destinations) {
		if (destinations.isEmpty()) {
			return none();
		}
		var minutes = times.minutes(origin, destinations);
		var best = 0;
		for (int i = 1; i < minutes.length; i++) {
			if (minutes[i] < minutes[best]) {
				best = i;
			}
		}
		return new Reach(best, minutes[best]);
	}
}
