package cn.gongjiang.analytics.travel;

import java.util.List;
import java.util.Objects;

/**
 * Travel time as straight-line distance × detour factor ÷ speed, the speed of the origin's terrain (mountain
 * counties slower), plus a ferry crossing when the trip leaves or reaches an island township and does not stay
 * inside one township. A model to be calibrated against timed trips, not a route.
 */
public final class StraightLineEstimate implements TravelTimes {

	private final TravelParameters parameters;

	public StraightLineEstimate(TravelParameters parameters) {
		this.parameters = parameters;
	}

	public TravelParameters parameters() {
		return parameters;
	}

	@Override
	public double[] minutes(Place origin, List<Place> destinations) {
		var result = new double[destinations.size()];
		var speed = origin.mountainCounty() ? parameters.mountainKmh() : parameters.plainKmh();
		for (int i = 0; i < result.length; i++) {
			var destination = destinations.get(i);
			var kilometres = origin.point().kilometresTo(destination.point()) * parameters.detourFactor();
			var minutes = kilometres / speed * 60;
			var sameTownship = origin.township() != null && Objects.equals(origin.township(), destination.township());
			if (!sameTownship && (island(origin) || island(destination))) {
				minutes += parameters.ferryMinutes();
			}
			result[i] = minutes;
		}
		return result;
	}

	@Override
	public String basis() {
		return parameters.source();
	}

	private boolean island(Place place) {
		return place.township() != null && parameters.islandTownships().contains(place.township());
	}
}
