package cn.gongjiang.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.analytics.travel.Calibration;
import cn.gongjiang.analytics.travel.Place;
import cn.gongjiang.analytics.travel.Point;
import cn.gongjiang.analytics.travel.Reach;
import cn.gongjiang.analytics.travel.StraightLineEstimate;
import cn.gongjiang.analytics.travel.TravelParameters;
import cn.gongjiang.analytics.travel.TravelTimes;
import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * The 30-minute training circle (30分钟职业技能培训圈, ANA-4; 001 (二)): from every township and key village to its
 * nearest active training site, the travel time by {@link TravelTimes} (today the straight-line estimate with the
 * parameters in force), which points lie beyond 30 minutes, and each county against 001's milestones — 2025: the
 * county towns and central towns covered (县城和中心镇全覆盖); 2027: the whole 县城—中心镇—重点村 axis.
 */
@Service
public class TrainingCircle {

	static final Set<String> MILESTONE_2025 = Set.of("COUNTY_TOWN", "CENTRAL_TOWN");
	static final Set<String> MILESTONE_2027 = Set.of("COUNTY_TOWN", "CENTRAL_TOWN", "KEY_VILLAGE");

	public record Location(long id, String regionCode, String countyPath, String name, String category,
			double longitude, double latitude, String source, boolean illustrative) {
	}

	/** A point and the site nearest to it in time; {@code site} null when no site exists at all. */
	public record Reached(Location location, TrainingSites.Site site, Double minutes, boolean within) {
	}

	/** Whether a milestone is met: MET, NOT_MET, or NO_POINTS when no point of its categories was imported. */
	public enum Milestone { MET, NOT_MET, NO_POINTS }

	/**
	 * One region below the one asked for (a city of the province, a county of a city, or the county itself): its
	 * points, how many lie within 30 minutes, and the two milestones (a city meets one when all its counties do).
	 */
	public record CountyCoverage(String countyCode, String countyName, boolean mountainCounty, int points, int within,
			int axisPoints, int axisWithin, Milestone milestone2025, Milestone milestone2027) {

		public Double share() {
			return points == 0 ? null : (double) within / points;
		}
	}

	/** The circle page and API body. */
	public record Circle(String regionCode, String regionName, String level, List<CountyCoverage> counties,
			Page<Reached> beyond, List<Reached> points, List<TrainingSites.Site> sites, TravelParameters parameters,
			long millis) {
	}

	/** A timed trip beside its estimate. */
	public record Trip(long id, Location location, TrainingSites.Site site, double minutes, LocalDate travelledOn,
			String mode, double estimated, String recordedBy) {
	}

	public record CalibrationView(Calibration calibration, Page<Trip> trips, TravelParameters parameters) {
	}

	private final JdbcClient jdbc;
	private final AnalyticsScope scope;
	private final TrainingSites sites;
	private final AuditLog audit;
	private final Clock clock;

	TrainingCircle(JdbcClient jdbc, AnalyticsScope scope, TrainingSites sites, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.sites = sites;
		this.audit = audit;
		this.clock = clock;
	}

	/** The parameters in force today. */
	@Transactional(readOnly = true)
	public TravelParameters parameters() {
		return jdbc.sql("select * from analytics.travel_parameters where valid_from <= :today order by version desc limit 1")
				.param("today", LocalDate.now(clock)).query((rs, i) -> parameters(rs)).optional()
				.orElseThrow(() -> new IllegalStateException("no travel parameters"));
	}

	@Transactional(readOnly = true)
	public List<TravelParameters> parameterHistory() {
		return jdbc.sql("select * from analytics.travel_parameters order by version desc").query((rs, i) -> parameters(rs))
				.list();
	}

	/** A new version of the parameters, from a province officer, with its source. */
	@Transactional
	public TravelParameters setParameters(Actor actor, double detour, double plainKmh, double mountainKmh,
			double ferryMinutes, LocalDate validFrom, String source) {
		if (!actor.is(Role.PROVINCE_OFFICER)) {
			throw actor.refuse("analytics.travel.set", "travel-parameters", null);
		}
		if (source == null || source.isBlank() || validFrom == null) {
			throw new InvalidValueException("analytics.travel.source-required");
		}
		TravelParameters checked;
		try {
			checked = new TravelParameters(0, validFrom, detour, plainKmh, mountainKmh, ferryMinutes, Set.of(), source);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidValueException("analytics.travel.range");
		}
		var version = jdbc.sql("""
				insert into analytics.travel_parameters (version, valid_from, detour_factor, plain_kmh, mountain_kmh,
				    ferry_minutes, island_townships, source, set_by)
				select coalesce(max(version), 0) + 1, :from, :detour, :plain, :mountain, :ferry,
				       (select island_townships from analytics.travel_parameters order by version desc limit 1), :source, :by
				from analytics.travel_parameters returning version
				""").param("from", validFrom).param("detour", checked.detourFactor()).param("plain", checked.plainKmh())
				.param("mountain", checked.mountainKmh()).param("ferry", checked.ferryMinutes())
				.param("source", source.strip()).param("by", actor.username()).query(Integer.class).single();
		audit.record(actor, "analytics.travel.set", "travel-parameters:" + version, AuditOutcome.SUCCESS, null);
		return parameterHistory().stream().filter(p -> p.version() == version).findFirst().orElseThrow();
	}

	/** The estimate in force: the one implementation of {@link TravelTimes} today. */
	TravelTimes travelTimes() {
		return new StraightLineEstimate(parameters());
	}

	/**
	 * The circle of a region: per county its coverage and milestones; for a county also its points and sites for the
	 * map and the points beyond 30 minutes, paged.
	 */
	@Transactional(readOnly = true)
	public Circle circle(Actor actor, String regionCode, PageRequest beyondPage) {
		var start = System.nanoTime();
		var region = scope.region(actor, regionCode);
		var all = scope.regions().all();
		var locations = locations(region.path());
		var active = sites.active();
		var times = travelTimes();
		var reached = reach(times, locations, active, all);
		var county = region.level() == RegionLevel.COUNTY;
		var counties = (county ? List.of(region) : all.values().stream()
				.filter(r -> region.code().equals(r.parentCode()) && r.level() != RegionLevel.TOWNSHIP)
				.sorted(Comparator.comparing(Region::code)).toList()).stream().map(c -> coverage(c, reached)).toList();
		var beyond = reached.stream().filter(r -> !r.within())
				.sorted(Comparator.comparing((Reached r) -> r.minutes() == null ? Double.MAX_VALUE : -r.minutes()))
				.toList();
		var siteList = county ? active.stream().filter(s -> near(s, region, locations)).toList() : List.<TrainingSites.Site>of();
		return new Circle(region.code(), region.name(), region.level().name(), counties,
				Page.slice(beyond, beyondPage), county ? reached : List.of(), siteList, parameters(),
				(System.nanoTime() - start) / 1_000_000);
	}

	/** Every point of the province against every site: the bench's whole-province run. */
	@Transactional(readOnly = true)
	public List<Reached> all() {
		return reach(travelTimes(), locations("/330000/"), sites.active(), scope.regions().all());
	}

	List<Reached> reach(TravelTimes times, List<Location> locations, List<TrainingSites.Site> active,
			Map<String, Region> regions) {
		var destinations = active.stream().map(s -> place(s.county(), null, s.longitude(), s.latitude(), regions))
				.toList();
		var siteTownships = active.stream().map(s -> township(s, locations)).toList();
		var withTownships = new ArrayList<Place>();
		for (int i = 0; i < destinations.size(); i++) {
			var d = destinations.get(i);
			withTownships.add(new Place(siteTownships.get(i), d.mountainCounty(), d.point()));
		}
		var result = new ArrayList<Reached>(locations.size());
		for (var location : locations) {
			var origin = place(countyOf(location), location.regionCode(), location.longitude(), location.latitude(),
					regions);
			var reach = Reach.nearest(times, origin, withTownships);
			result.add(reach.nearest() < 0 ? new Reached(location, null, null, false)
					: new Reached(location, active.get(reach.nearest()), reach.minutes(), reach.within()));
		}
		return result;
	}

	/**
	 * The township a site lies in, which a site (entered by address) does not carry: that of the nearest township
	 * point of its county within 8 km, so a site on an island serves its own island without a ferry.
	 */
	private static String township(TrainingSites.Site site, List<Location> locations) {
		var p = new Point(site.longitude(), site.latitude());
		String best = null;
		var bestKm = 8.0;
		for (var l : locations) {
			if (l.countyPath().equals(site.countyPath()) && !l.category().equals("KEY_VILLAGE")) {
				var km = new Point(l.longitude(), l.latitude()).kilometresTo(p);
				if (km < bestKm) {
					bestKm = km;
					best = l.regionCode();
				}
			}
		}
		return best;
	}

	private static boolean near(TrainingSites.Site site, Region county, List<Location> points) {
		if (site.countyPath().startsWith(county.path())) {
			return true;
		}
		var p = new Point(site.longitude(), site.latitude());
		return points.stream().anyMatch(l -> new Point(l.longitude(), l.latitude()).kilometresTo(p) < 30);
	}

	private static String countyOf(Location location) {
		return RegionPath.of(location.countyPath()).code().value();
	}

	private static Place place(String county, String township, double lon, double lat, Map<String, Region> regions) {
		var region = regions.get(county);
		return new Place(township, region != null && Boolean.TRUE.equals(region.mountainCounty()), new Point(lon, lat));
	}

	private static CountyCoverage coverage(Region county, List<Reached> reached) {
		var mine = reached.stream().filter(r -> r.location().countyPath().startsWith(county.path())).toList();
		var within = (int) mine.stream().filter(Reached::within).count();
		var axis = mine.stream().filter(r -> MILESTONE_2027.contains(r.location().category())).toList();
		return new CountyCoverage(county.code(), county.name(), Boolean.TRUE.equals(county.mountainCounty()), mine.size(),
				within, axis.size(), (int) axis.stream().filter(Reached::within).count(), milestone(mine, MILESTONE_2025),
				milestone(mine, MILESTONE_2027));
	}

	static Milestone milestone(List<Reached> points, Set<String> categories) {
		var relevant = points.stream().filter(r -> categories.contains(r.location().category())).toList();
		if (relevant.isEmpty()) {
			return Milestone.NO_POINTS;
		}
		return relevant.stream().allMatch(Reached::within) ? Milestone.MET : Milestone.NOT_MET;
	}

	List<Location> locations(String path) {
		return jdbc.sql("select * from analytics.location where county_path like :path || '%' order by region_code, name")
				.param("path", path).query((rs, i) -> location(rs)).list();
	}

	/** The points of a county (or a region), for pickers of the calibration form. */
	@Transactional(readOnly = true)
	public List<Location> locations(Actor actor, String regionCode) {
		return locations(scope.region(actor, regionCode).path());
	}

	/** An officer enters a trip they timed from a point to a site, for the calibration (ANA-4). */
	@Transactional
	public Trip recordTrip(Actor actor, long locationId, long siteId, Double minutes, LocalDate travelledOn,
			String mode) {
		var location = location(locationId).filter(l -> actor.regionalOfficer()
				&& actor.scope().covers(l.countyPath()))
				.orElseThrow(() -> new NotFoundException("analytics.location.not-found"));
		var site = sites.find(siteId).orElseThrow(() -> new NotFoundException("analytics.site.not-found"));
		if (minutes == null || minutes <= 0 || minutes >= 600) {
			throw new InvalidValueException("analytics.trip.minutes.invalid");
		}
		if (travelledOn == null || travelledOn.isAfter(LocalDate.now(clock))) {
			throw new InvalidValueException("analytics.trip.date.invalid");
		}
		var wantedMode = mode == null || mode.isBlank() ? "CAR" : mode;
		if (!Set.of("CAR", "BUS", "FERRY", "OTHER").contains(wantedMode)) {
			throw new InvalidValueException("analytics.trip.mode", mode);
		}
		var id = jdbc.sql("""
				insert into analytics.timed_trip (location_id, site_id, minutes, travelled_on, mode, recorded_by)
				values (:location, :site, :minutes, :on, :mode, :by) returning id
				""").param("location", location.id()).param("site", site.id()).param("minutes", minutes)
				.param("on", travelledOn).param("mode", wantedMode).param("by", actor.username()).query(Long.class).single();
		audit.record(actor, "analytics.trip.record", "trip:" + id, AuditOutcome.SUCCESS, null);
		return trips(actor, location.countyPath(), PageRequest.first(PageRequest.MAX_SIZE)).trips().items().stream()
				.filter(t -> t.id() == id).findFirst().orElseThrow();
	}

	/** The timed trips of a region beside the estimate, and how well the two agree. */
	@Transactional(readOnly = true)
	public CalibrationView calibration(Actor actor, String regionCode, PageRequest request) {
		return trips(actor, scope.region(actor, regionCode).path(), request);
	}

	private CalibrationView trips(Actor actor, String path, PageRequest request) {
		var times = travelTimes();
		var regions = scope.regions().all();
		var all = jdbc.sql("""
				select t.id, t.location_id, t.site_id, t.minutes, t.travelled_on, t.mode, t.recorded_by
				from analytics.timed_trip t join analytics.location l on l.id = t.location_id
				where l.county_path like :path || '%' order by t.travelled_on desc, t.id desc
				""").param("path", path).query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3),
						rs.getDouble(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7) }).list();
		var trips = new ArrayList<Trip>();
		for (var row : all) {
			var location = location((Long) row[1]).orElseThrow();
			var site = sites.find((Long) row[2]).orElseThrow();
			var origin = place(countyOf(location), location.regionCode(), location.longitude(), location.latitude(),
					regions);
			var estimate = times.minutes(origin, List.of(place(site.county(), null, site.longitude(), site.latitude(),
					regions)))[0];
			trips.add(new Trip((Long) row[0], location, site, (Double) row[3], (LocalDate) row[4], (String) row[5],
					estimate, (String) row[6]));
		}
		var calibration = Calibration.of(trips.stream().map(t -> new Calibration.Trip(t.estimated(), t.minutes())).toList());
		return new CalibrationView(calibration, Page.slice(trips, request), parameters());
	}

	Optional<Location> location(long id) {
		return jdbc.sql("select * from analytics.location where id = :id").param("id", id).query((rs, i) -> location(rs))
				.optional();
	}

	private static Location location(ResultSet rs) throws SQLException {
		return new Location(rs.getLong("id"), rs.getString("region_code"), rs.getString("county_path"),
				rs.getString("name"), rs.getString("category"), rs.getDouble("longitude"), rs.getDouble("latitude"),
				rs.getString("source"), rs.getBoolean("illustrative"));
	}

	private static TravelParameters parameters(ResultSet rs) throws SQLException {
		var islands = rs.getArray("island_townships");
		return new TravelParameters(rs.getInt("version"), rs.getObject("valid_from", LocalDate.class),
				rs.getDouble("detour_factor"), rs.getDouble("plain_kmh"), rs.getDouble("mountain_kmh"),
				rs.getDouble("ferry_minutes"),
				islands == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) islands.getArray())),
				rs.getString("source"));
	}
}
