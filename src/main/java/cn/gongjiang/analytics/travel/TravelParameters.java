package cn.gongjiang.analytics.travel;

import java.time.LocalDate;
import java.util.Set;

/**
 * The versioned parameters of the straight-line estimate: the detour factor (road distance over straight-line
 * distance), the speeds on plain and in the 26 mountain counties, the minutes a ferry adds to or from an island
 * township, the island townships, and where the numbers come from.
 */
public record TravelParameters(int version, LocalDate validFrom, double detourFactor, double plainKmh,
		double mountainKmh, double ferryMinutes, Set<String> islandTownships, String source) {

	public TravelParameters {
		if (detourFactor < 1 || plainKmh <= 0 || mountainKmh <= 0 || ferryMinutes < 0) {
			throw new IllegalArgumentException("travel parameters out of range");
		}
		islandTownships = Set.copyOf(islandTownships);
	}
}
