package cn.gongjiang.analytics.travel;

import java.util.List;

/**
 * Travel time from one place to many (ANA-4), in minutes. The straight-line estimate implements it today; a routing
 * engine on an OSM road file (GraphHopper's one-to-many matrix) can implement it tomorrow without touching a caller.
 */
public interface TravelTimes {

	/** Minutes from {@code origin} to each destination, in the destinations' order. */
	double[] minutes(Place origin, List<Place> destinations);

	/** What the figures were computed with, in words for the page: the version and source of the parameters. */
	String basis();
}
