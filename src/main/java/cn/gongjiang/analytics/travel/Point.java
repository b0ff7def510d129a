package cn.gongjiang.analytics.travel;

/** A point on the WGS-84 ellipsoid, in degrees. */
public record Point(double longitude, double latitude) {

	private static final double EARTH_RADIUS_KM = 6371.0088;

	public Point {
		if (!(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90)) {
			throw new IllegalArgumentException("not a coordinate: " + longitude + ", " + latitude);
		}
	}

	/** The great-circle distance (haversine), in kilometres. */
	public double kilometresTo(Point other) {
		var dLat = Math.toRadians(other.latitude - latitude);
		var dLon = Math.toRadians(other.longitude - longitude);
		var a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(latitude))
				* Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}
}
