package cn.gongjiang.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.analytics.AnalyticsTables;
import cn.gongjiang.analytics.SkilledTalents;
import cn.gongjiang.analytics.TrainingCircle;
import cn.gongjiang.analytics.Wages;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * ANA-1, ANA-2, ANA-4 at scale: persons, certificates and wage records made set-based with {@code generate_series}
 * (importing 10 M persons through the pipeline is the import scenario's business), the analytics tables rebuilt and
 * timed against one plain copy of the persons, a city's shares by county and grade against a {@code GROUP BY} over
 * the certificates and persons (the two must agree), a city's wage quartiles by grade from merged sketches against
 * {@code percentile_cont} over the same observations (with the sketch's worst relative error), and every township
 * against every site against the same nearest-site search in SQL.
 */
@Component
class AnalyticsBench {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsBench.class);
	static final String[] GRADES = Arrays.stream(SkillGrade.values()).map(SkillGrade::code)
			.toArray(String[]::new);

	/** How much an analytics run makes at each scale. */
	record Size(int persons, int certificates, int wageRows, int sites) {

		static Size of(Scale scale) {
			return switch (scale) {
				case SMALL -> new Size(100_000, 30_000, 240_000, 5_000);
				case MEDIUM -> new Size(10_000_000, 3_000_000, 10_000_000, 5_000);
				case PROVINCE -> new Size(40_000_000, 3_000_000, 10_000_000, 5_000);
			};
		}
	}

	private final JdbcClient jdbc;
	private final RegionDirectory regions;
	private final AnalyticsTables tables;
	private final SkilledTalents skilled;
	private final Wages wages;
	private final TrainingCircle circle;

	AnalyticsBench(JdbcClient jdbc, RegionDirectory regions, AnalyticsTables tables, SkilledTalents skilled,
			Wages wages, TrainingCircle circle) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.tables = tables;
		this.skilled = skilled;
		this.wages = wages;
		this.circle = circle;
	}

	List<BenchCommand.Result> run(Scale scale, int runs) {
		var size = Size.of(scale);
		var counties = regions.all().values().stream().filter(r -> r.level() == RegionLevel.COUNTY)
				.map(r -> r.path()).sorted().toArray(String[]::new);
		generate(size, counties);
		var results = new ArrayList<BenchCommand.Result>();

		// the rebuild against reading the persons once into a plain table
		var start = System.nanoTime();
		tables.rebuild("BENCH", "bench");
		var rebuildMs = (System.nanoTime() - start) / 1e6;
		var persons = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
		start = System.nanoTime();
		jdbc.sql("create table public.bench_person_copy as select id, id_number_index, residence_path, hukou_path, sex, "
				+ "birth_date, groups, employer_credit_code from registry.person").update();
		var copyMs = (System.nanoTime() - start) / 1e6;
		jdbc.sql("drop table public.bench_person_copy").update();
		// each step projected by what drives it: persons, certificates or wage rows at province size
		var province = Size.of(Scale.PROVINCE);
		var projected = tables.last().orElseThrow().steps().stream().mapToDouble(step -> step.millis() * (switch (step.step()) {
			case "src_person" -> (double) province.persons() / Math.max(1, persons);
			case "wage_observation", "wage_cell" -> (double) province.wageRows() / size.wageRows();
			case "src_certificate", "grade_spell", "skilled_count", "skilled_group_count", "certified_occupation" ->
				(double) province.certificates() / size.certificates();
			default -> 1.0;
		})).sum() / 60_000;
		results.add(new BenchCommand.Result("analytics.rebuild", "ms", rebuildMs, "copy of " + persons + " persons",
				copyMs, rebuildMs / copyMs, "<= 15 min at 40 M persons (projected %.1f min)".formatted(projected),
				projected <= 15));

		// ANA-1: a city's shares by county and grade
		var shaoxing = new Actor(0, "bench", "bench", Role.CITY_OFFICER,
				DataScope.region(RegionCode.of("330600"), "/330000/330600/"), false);
		var asOf = LocalDate.of(2025, 12, 31);
		var product = new TreeMap<String, Long>();
		skilled.shares(shaoxing, "330600", 2025).children().forEach(r -> r.byGrade().forEach((g, n) -> {
			if (n > 0) {
				product.put(r.regionCode() + ":" + g, n);
			}
		}));
		var baseline = sharesGroupBy(asOf);
		if (!product.equals(baseline)) {
			throw new IllegalStateException("analytics shares " + product + " differ from GROUP BY " + baseline);
		}
		var sharesMs = p95(runs, () -> skilled.shares(shaoxing, "330600", 2025));
		var groupByMs = p95(Math.max(5, runs / 20), () -> sharesGroupBy(asOf));
		results.add(new BenchCommand.Result("analytics.shares.p95", "ms", sharesMs, "GROUP BY certificates x persons",
				groupByMs, groupByMs / sharesMs, ">= 20x faster, p95 < 50 ms", groupByMs / sharesMs >= 20 && sharesMs < 50));

		// ANA-2: a city's quartiles by grade, sketches merged against percentile_cont of the same observations
		var sketch = wages.table(shaoxing, "330600", 2025, "WAGE_SURVEY", Wages.GroupBy.GRADE, Wages.Precision.SKETCH);
		var exact = wages.table(shaoxing, "330600", 2025, "WAGE_SURVEY", Wages.GroupBy.GRADE, Wages.Precision.EXACT);
		var worst = 0.0;
		for (int i = 0; i < sketch.rows().size(); i++) {
			var s = sketch.rows().get(i);
			var e = exact.rows().get(i);
			if (s.p50() != null && e.p50() != null) {
				worst = Math.max(worst, Math.max(Math.abs(s.p25() - e.p25()) / e.p25(),
						Math.max(Math.abs(s.p50() - e.p50()) / e.p50(), Math.abs(s.p75() - e.p75()) / e.p75())));
			}
		}
		var observations = jdbc.sql("select count(*) from analytics.wage_observation where year = 2025 "
				+ "and region_path like '/330000/330600/%'").query(Long.class).single();
		var wageMs = p95(runs, () -> wages.table(shaoxing, "330600", 2025, "WAGE_SURVEY", Wages.GroupBy.GRADE,
				Wages.Precision.SKETCH));
		var exactMs = p95(Math.max(5, runs / 20), () -> wages.table(shaoxing, "330600", 2025, "WAGE_SURVEY",
				Wages.GroupBy.GRADE, Wages.Precision.EXACT));
		results.add(new BenchCommand.Result("analytics.wages.p95", "ms", wageMs,
				"percentile_cont of " + observations + " obs.", exactMs, exactMs / wageMs, ">= 20x faster, p95 < 50 ms",
				exactMs / wageMs >= 20 && wageMs < 50));
		results.add(new BenchCommand.Result("analytics.wages.error", "ppm", worst * 1e6, "exact quartiles", 0, 0,
				"worst relative error <= 1 % (10,000 ppm)", worst <= 0.01));

		// ANA-4: every township against every site
		var points = jdbc.sql("select count(*) from analytics.location").query(Long.class).single();
		var sites = jdbc.sql("select count(*) from analytics.training_site where active").query(Long.class).single();
		var circleMs = p95(5, circle::all);
		var sqlMs = p95(2, this::nearestInSql);
		results.add(new BenchCommand.Result("analytics.circle", "ms", circleMs,
				"nearest site in SQL (" + points + "x" + sites + ")", sqlMs, sqlMs / circleMs, "< 2 s", circleMs < 2_000));
		return results;
	}

	/** Persons in every county, skill certificates of a third of them (some revoked), wages of the others. */
	private void generate(Size size, String[] counties) {
		log.info("analytics: {} persons, {} certificates, {} wage rows, {} sites", size.persons(), size.certificates(),
				size.wageRows(), size.sites());
		jdbc.sql("""
				insert into registry.enterprise (credit_code, name, region, region_path, industry_field, size)
				select 'BENCHANA' || lpad(i::text, 10, '0'), '测算企业' || i, split_part(p, '/', 4), p,
				       (array['advanced-manufacturing','sx-high-end-equipment','digital-economy','construction',
				              'life-services'])[1 + i % 5], 'MEDIUM'
				from generate_series(0, 499) i, lateral (select (cast(:counties as text[]))[1 + i % :n] as p) c
				on conflict (credit_code) do nothing
				""").param("counties", counties).param("n", counties.length).update();
		jdbc.sql("""
				insert into registry.person (id_number_index, id_number_sealed, id_number_masked, name, sex, birth_date,
				    hukou_region, hukou_path, residence_region, residence_path, groups, employer_credit_code)
				select sha256(('bench-ana-' || i)::bytea), '\\x00', '330000********0000', '测算' || i,
				       case when i % 2 = 0 then 'M' else 'F' end, date '1960-01-01' + (i * 37 % 16000),
				       split_part(p, '/', 4), p, split_part(p, '/', 4), p,
				       array[(array['rural-migrant','industrial-worker','college-graduate','veteran'])[1 + i % 4]],
				       case when i % 3 = 0 then 'BENCHANA' || lpad((i % 500)::text, 10, '0') end
				from generate_series(1, :persons) i,
				     lateral (select (cast(:counties as text[]))[1 + (i::bigint * 7919) % :n] as p) c
				on conflict (id_number_index) do nothing
				""").param("persons", size.persons()).param("counties", counties).param("n", counties.length).update();
		jdbc.sql("""
				insert into certification.certificate (number, type, holder_index, holder_name, holder_id_masked,
				    occupation_code, grade, issuer, issued_on, status, revoked_reason, revoked_on, source)
				select 'BENCHANA' || i, case when i % 4 = 0 then 'vocational-qualification' else 'skill-level' end,
				       sha256(('bench-ana-' || (1 + (i * 3) % :persons))::bytea), '测算', '330000********0000',
				       (array['6-18-01-01','6-18-01-02','6-31-01-03','4-10-01-03'])[1 + i % 4],
				       (cast(:grades as text[]))[2 + (i * 13) % 6], '测算鉴定机构',
				       date '2015-01-01' + (i * 31 % 4000),
				       case when i % 50 = 0 then 'REVOKED' else 'VALID' end,
				       case when i % 50 = 0 then '测算' end, case when i % 50 = 0 then date '2026-01-01' end, 'bench'
				from generate_series(1, :certificates) i
				on conflict (number) do nothing
				""").param("persons", size.persons()).param("certificates", size.certificates()).param("grades", GRADES)
				.update();
		jdbc.sql("""
				insert into analytics.wage_record (person_index, enterprise_code, region_path, occupation_code, grade,
				    monthly_wage, period, source, recorded_by)
				select sha256(('bench-ana-' || (1 + i / 12))::bytea), 'BENCHANA' || lpad(((i / 12) % 500)::text, 10, '0'),
				       (cast(:counties as text[]))[1 + ((1 + i / 12)::bigint * 7919) % :n],
				       (array['6-18-01-01','6-18-01-02','6-31-01-03','4-10-01-03'])[1 + (i / 12) % 4],
				       (cast(:grades as text[]))[2 + ((i / 12) * 17) % 5],
				       greatest(2000, round(exp(ln(6500) + 0.12 * (2 + ((i / 12) * 17) % 5)
				           + 0.35 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))),
				       date '2025-01-01' + make_interval(months => i % 12), 'WAGE_SURVEY', 'bench'
				from generate_series(0, :rows - 1) i
				on conflict do nothing
				""").param("counties", counties).param("n", counties.length).param("grades", GRADES)
				.param("rows", size.wageRows()).update();
		if (jdbc.sql("select count(*) from analytics.location").query(Long.class).single() < 1_387) {
			jdbc.sql("""
					insert into analytics.location (region_code, county_path, name, category, longitude, latitude,
					    entered_crs, entered_longitude, entered_latitude, source, illustrative, recorded_by)
					select t.code, c.path, t.name, case when t.kind = '街道' then 'COUNTY_TOWN' else 'TOWNSHIP' end,
					       118.6 + random() * 3.4, 27.6 + random() * 3.3, 'WGS84', 0, 0, 'bench', true, 'bench'
					from region.region t join region.region c on c.code = t.parent_code where t.level = 4
					on conflict do nothing
					""").update();
		}
		jdbc.sql("""
				insert into analytics.training_site (kind, name, address, county, county_path, longitude, latitude,
				    entered_crs, entered_longitude, entered_latitude, source, illustrative, recorded_by)
				select 'STATION', '测算站点' || i, '测算', split_part(p, '/', 4), p, 118.6 + random() * 3.4,
				       27.6 + random() * 3.3, 'WGS84', 0, 0, 'bench', true, 'bench'
				from generate_series(1, :sites) i, lateral (select (cast(:counties as text[]))[1 + i % :n] as p) c
				""").param("sites", size.sites()).param("counties", counties).param("n", counties.length).update();
		jdbc.sql("analyze registry.person").update();
		jdbc.sql("analyze certification.certificate").update();
	}

	/** Skilled persons of Shaoxing's counties by grade as of a day, straight from certificates and persons. */
	private Map<String, Long> sharesGroupBy(LocalDate asOf) {
		var result = new TreeMap<String, Long>();
		jdbc.sql("""
				with held as (
				    select holder_index, max(array_position(cast(:grades as text[]), grade)) as rank
				    from certification.certificate
				    where type in ('vocational-qualification', 'skill-level') and grade is not null
				      and array_position(cast(:grades as text[]), grade) >= 2 and issued_on <= :d
				      and (status = 'VALID' or coalesce(revoked_on, issued_on) > :d)
				    group by holder_index
				)
				select split_part(coalesce(p.residence_path, p.hukou_path), '/', 4), h.rank, count(*)
				from held h join registry.person p on p.id_number_index = h.holder_index
				where coalesce(p.residence_path, p.hukou_path) like '/330000/330600/_%'
				group by 1, 2
				""").param("grades", GRADES).param("d", asOf)
				.query((rs, i) -> result.put(rs.getString(1) + ":" + GRADES[rs.getInt(2) - 1], rs.getLong(3))).list();
		return result;
	}

	private List<Object[]> nearestInSql() {
		return jdbc.sql("""
				select distinct on (l.id) l.id, s.id,
				       2 * 6371.0088 * asin(sqrt(power(sin(radians(s.latitude - l.latitude) / 2), 2)
				           + cos(radians(l.latitude)) * cos(radians(s.latitude))
				             * power(sin(radians(s.longitude - l.longitude) / 2), 2))) as km
				from analytics.location l cross join analytics.training_site s
				where s.active order by l.id, km
				""").query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2) }).list();
	}

	/** The 95th percentile of {@code runs} calls, in milliseconds, after a warm-up. */
	private static double p95(int runs, Runnable call) {
		return Latency.p95(Math.min(runs, 10), runs, call);
	}
}
