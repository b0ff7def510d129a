package cn.gongjiang.analytics.travel;

import java.util.Locale;

/**
 * The two coordinate systems officials' points come in: WGS-84 (GPS, OpenStreetMap, 天地图 is CGCS2000, within
 * centimetres of it) and GCJ-02 (the offset system of Chinese web maps such as 高德 and 腾讯). Points are stored in
 * WGS-84; GCJ-02 is converted back by the published forward formula, inverted by iteration (error under a metre).
 */
public enum CoordinateSystem {

	WGS84, GCJ02;

	private static final double A = 6378245.0;
	private static final double EE = 0.00669342162296594323;

	public static CoordinateSystem of(String text) {
		var t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
		return switch (t) {
			case "WGS84", "GPS", "CGCS2000" -> WGS84;
			case "GCJ02", "火星坐标", "高德" -> GCJ02;
			default -> throw new IllegalArgumentException(text);
		};
	}

	/** The point in WGS-84. */
	public Point toWgs84(double longitude, double latitude) {
		if (this == WGS84) {
			return new Point(longitude, latitude);
		}
		double lon = longitude, lat = latitude;
		for (int i = 0; i < 10; i++) {
			var forward = toGcj02(lon, lat);
			lon -= forward[0] - longitude;
			lat -= forward[1] - latitude;
		}
		return new Point(lon, lat);
	}

	/** WGS-84 to GCJ-02 (the published formula; inside China only). */
	static double[] toGcj02(double lon, double lat) {
		var dLat = latitudeOffset(lon - 105.0, lat - 35.0);
		var dLon = longitudeOffset(lon - 105.0, lat - 35.0);
		var radLat = lat / 180.0 * Math.PI;
		var magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
		var sqrtMagic = Math.sqrt(magic);
		dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
		dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
		return new double[] { lon + dLon, lat + dLat };
	}

	private static double latitudeOffset(double x, double y) {
		var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
		r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
		r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
		return r;
	}

	private static double longitudeOffset(double x, double y) {
		var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
		r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
		r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
		return r;
	}
}
