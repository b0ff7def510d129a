package cn.gongjiang.analytics.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** ANA-4: the straight-line estimate, the nearest site, the calibration figures, on cases worked out by hand. */
class TravelTimesTests {

	static final TravelParameters PARAMETERS = new TravelParameters(1, LocalDate.of(2025, 1, 1), 1.4, 40, 25, 45,
			Set.of("330922100"), "test");
	static final StraightLineEstimate ESTIMATE = new StraightLineEstimate(PARAMETERS);

	/** A point {@code km} kilometres north of 30°N 120°E. */
	static Point north(double km) {
		return new Point(120, 30 + km / 111.19492664455873);
	}

	@Test
	void onPlainTenKilometresAsTheCrowFliesTakeTwentyOneMinutes() {
		// 10 km × 1.4 = 14 km at 40 km/h = 21 minutes
		var minutes = ESTIMATE.minutes(new Place(null, false, north(0)), List.of(new Place(null, false, north(10))));
		assertThat(minutes[0]).isCloseTo(21.0, within(0.01));
	}

	@Test
	void inAMountainCountyTheSameTripTakesLonger() {
		// 14 km at 25 km/h = 33.6 minutes: beyond the circle
		var minutes = ESTIMATE.minutes(new Place(null, true, north(0)), List.of(new Place(null, false, north(10))));
		assertThat(minutes[0]).isCloseTo(33.6, within(0.01));
		assertThat(new Reach(0, minutes[0]).within()).isFalse();
	}

	@Test
	void anIslandTownshipPaysTheFerryToASiteElsewhereButNotInsideItself() {
		var island = new Place("330922100", false, north(0));
		var minutes = ESTIMATE.minutes(island, List.of(new Place("330922100", false, north(2)),
				new Place(null, false, north(2))));
		assertThat(minutes[0]).isCloseTo(4.2, within(0.01));
		assertThat(minutes[1]).isCloseTo(49.2, within(0.01));
	}

	@Test
	void theNearestSiteIsTheOneFewestMinutesAway() {
		var reach = Reach.nearest(ESTIMATE, new Place(null, false, north(0)),
				List.of(new Place(null, false, north(30)), new Place(null, false, north(5)), new Place(null, false, north(12))));
		assertThat(reach.nearest()).isEqualTo(1);
		assertThat(reach.minutes()).isCloseTo(10.5, within(0.01));
		assertThat(reach.within()).isTrue();
		assertThat(Reach.nearest(ESTIMATE, new Place(null, false, north(0)), List.of()).within()).isFalse();
	}

	@Test
	void gcj02PointsComeBackToWgs84WithinAMetre() {
		var wgs = new Point(120.5803, 30.0303);
		var gcj = CoordinateSystem.toGcj02(wgs.longitude(), wgs.latitude());
		// the offset in Zhejiang is some hundreds of metres
		assertThat(new Point(gcj[0], gcj[1]).kilometresTo(wgs)).isBetween(0.2, 1.0);
		assertThat(CoordinateSystem.GCJ02.toWgs84(gcj[0], gcj[1]).kilometresTo(wgs)).isLessThan(0.001);
		assertThat(CoordinateSystem.of("GCJ-02")).isEqualTo(CoordinateSystem.GCJ02);
		assertThat(CoordinateSystem.of("wgs-84")).isEqualTo(CoordinateSystem.WGS84);
	}

	@Test
	void calibrationSaysHowCloseTheEstimateIs() {
		// errors +2, −4, +12, 0: three of four within 10 minutes, mean +2.5; estimates and timings rise together
		var c = Calibration.of(List.of(new Calibration.Trip(12, 10), new Calibration.Trip(16, 20),
				new Calibration.Trip(42, 30), new Calibration.Trip(25, 25)));
		assertThat(c.trips()).isEqualTo(4);
		assertThat(c.shareWithin()).isEqualTo(0.75);
		assertThat(c.meanError()).isEqualTo(2.5);
		assertThat(c.correlation()).isCloseTo(0.897, within(0.001));
		assertThat(Calibration.of(List.of(new Calibration.Trip(1, 2))).correlation()).isNull();
	}
}
