package cn.gongjiang.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.targets.Rollups;
import cn.gongjiang.targets.TargetMonitor;

/**
 * TGT-4: a city officer's dashboard data (every target of the city for a year with its actual) read from the rollup,
 * against the same numbers computed by a {@code GROUP BY} over the counted records themselves, with an index made for
 * it. Both must agree; the product must be at least 20 times faster with p95 under 50 ms.
 */
@Component
class TargetsBench {

	private static final Logger log = LoggerFactory.getLogger(TargetsBench.class);
	private static final List<String> FACTS = List.of("NEW_SKILLED", "NEW_HIGH_SKILLED", "SKILL_BASED_ENTERPRISES",
			"TECH_SCHOOL_REGISTRATIONS", "ORDER_TRAINING_COMPLETIONS");

	private final JdbcClient jdbc;
	private final RegionDirectory regions;
	private final Rollups rollups;
	private final TargetMonitor monitor;

	TargetsBench(JdbcClient jdbc, RegionDirectory regions, Rollups rollups, TargetMonitor monitor) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.rollups = rollups;
		this.monitor = monitor;
	}

	List<BenchCommand.Result> dashboardVersusGroupBy(int facts, int runs) {
		var counties = regions.all().values().stream().filter(r -> r.level() == RegionLevel.COUNTY)
				.map(r -> r.path()).sorted().toArray(String[]::new);
		log.info("targets: {} counted records over {} counties", facts, counties.length);
		jdbc.sql("""
				insert into targets.contribution (fact, source_key, region_path, occurred_on, amount, evidence)
				select (cast(:facts as text[]))[1 + cast(i % 5 as integer)], 'bench-' || i,
				       (cast(:counties as text[]))[1 + cast((i * 7919) % :n as integer)],
				       date '2023-01-01' + cast((i * 31) % 1826 as integer), 1, 'bench'
				from generate_series(cast(1 as bigint), :total) i
				on conflict do nothing
				""").param("facts", FACTS.toArray(String[]::new)).param("counties", counties)
				.param("n", counties.length).param("total", facts).update();
		rollups.rebuild();
		jdbc.sql("create index if not exists bench_contribution_idx on targets.contribution "
				+ "(fact, region_path text_pattern_ops, occurred_on) include (amount)").update();
		jdbc.sql("analyze targets.contribution").update();
		jdbc.sql("analyze targets.actual_daily").update();

		var shaoxing = new Actor(0, "bench", "bench", Role.CITY_OFFICER,
				DataScope.region(RegionCode.of("330600"), "/330000/330600/"), false);
		var asOf = LocalDate.of(2025, 9, 30);
		var query = new TargetMonitor.Query(null, "330600", false, null, 2025, asOf);
		var product = new TreeMap<Long, BigDecimal>();
		monitor.progress(shaoxing, query).stream().filter(p -> "COMPUTED".equals(p.actualSource()))
				.forEach(p -> product.put(p.target().id(), p.actual()));
		var baseline = groupBy(asOf);
		if (!product.keySet().equals(baseline.keySet()) || product.entrySet().stream()
				.anyMatch(e -> e.getValue().compareTo(baseline.get(e.getKey())) != 0)) {
			throw new IllegalStateException("rollup " + product + " differs from GROUP BY " + baseline);
		}
		var productMs = p95(runs, () -> monitor.progress(shaoxing, query));
		var baselineMs = p95(Math.max(20, runs / 10), () -> groupBy(asOf));
		jdbc.sql("drop index targets.bench_contribution_idx").update();
		return List.of(new BenchCommand.Result("targets.dashboard.p95",
				"ms", productMs, "GROUP BY over the records", baselineMs, baselineMs / productMs,
				">= 20x faster, p95 < 50 ms", baselineMs / productMs >= 20 && productMs < 50));
	}

	/** Every computed target of the city for 2025 and its actual, straight from the counted records. */
	private Map<Long, BigDecimal> groupBy(LocalDate asOf) {
		var result = new TreeMap<Long, BigDecimal>();
		jdbc.sql("""
				select t.id, coalesce(sum(c.amount), 0) as actual
				from targets.target t
				join targets.indicator i on i.code = t.indicator and i.fact is not null
				left join targets.contribution c on c.fact = i.fact and c.region_path like t.region_path || '%'
				     and c.occurred_on <= least(cast(:asOf as date), t.period_end)
				     and (t.period_kind = 'CUMULATIVE' or c.occurred_on >= t.period_start)
				where t.region_code = '330600'
				  and extract(year from t.period_start) <= 2025 and extract(year from t.period_end) >= 2025
				group by t.id
				""").param("asOf", asOf).query((rs, i) -> result.put(rs.getLong(1), rs.getBigDecimal(2))).list();
		return result;
	}

	/** The 95th percentile of {@code runs} calls, in milliseconds, after a warm-up. */
	private static double p95(int runs, Runnable call) {
		return Latency.p95(Math.min(runs, 20), runs, call);
	}

}
