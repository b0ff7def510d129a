package cn.gongjiang.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.targets.Returns;

/**
 * Demo returns: each city reports its skill-based villages (技能型乡村) as of 30 September 2025, some ahead of the
 * elapsed time, some behind, and the province approves them, so the dashboard has colours to show. Illustrative
 * figures, not reported ones.
 */
@Component
@Order(12)
class DemoTargets implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTargets.class);
	/** Reported share of each city's 2025 target, in the order of the 002 table's cities. */
	private static final List<String> CITIES = List.of("330100", "330200", "330300", "330500", "330400", "330600",
			"330700", "330800", "330900", "331000", "331100");
	private static final double[] SHARE = { 1.05, 0.92, 0.60, 0.81, 0.74, 0.77, 0.45, 0.88, 1.0, 0.66, 0.71 };
	/** Reported share of each city's cumulative 2027 target by 30 September 2026 (61 % of the period elapsed). */
	private static final double[] CUMULATIVE_SHARE = { 1.02, 0.78, 0.40, 0.63, 0.59, 0.71, 0.35, 0.66, 0.85, 0.52, 0.60 };

	private final DemoMode demo;
	private final Returns returns;
	private final JdbcClient jdbc;

	DemoTargets(DemoMode demo, Returns returns, JdbcClient jdbc) {
		this.demo = demo;
		this.returns = returns;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || jdbc.sql("select exists (select 1 from targets.return_report)").query(Boolean.class).single()) {
			return;
		}
		var province = new Actor(0, "demo-loader", "省人力社保厅", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		var asOf = LocalDate.of(2025, 9, 30);
		for (int i = 0; i < CITIES.size(); i++) {
			var code = CITIES.get(i);
			var target = jdbc.sql("""
					select value from targets.target where indicator = 'SKILL_BASED_VILLAGES_NEW' and region_code = :code
					""").param("code", code).query(BigDecimal.class).single();
			var city = new Actor(0, "demo-loader", code, Role.CITY_OFFICER,
					DataScope.region(RegionCode.of(code), "/330000/" + code + "/"), false);
			var value = target.multiply(BigDecimal.valueOf(SHARE[i])).setScale(0, RoundingMode.HALF_UP);
			var report = returns.submit(city, new Returns.Submission("SKILL_BASED_VILLAGES_NEW", code, null, asOf, value,
					"演示数据：" + code + " 技能型乡村（社区）认定文件"));
			returns.approve(province, report.id());
		}
		// this year's view: the cumulative 2027 village targets as of 30 September 2026, at shares that give the
		// dashboard every status of its legend (done, ahead, on track, behind)
		var thisYear = LocalDate.of(2026, 9, 30);
		for (int i = 0; i < CITIES.size(); i++) {
			var code = CITIES.get(i);
			var target = jdbc.sql("""
					select value from targets.target where indicator = 'SKILL_BASED_VILLAGES_CUMULATIVE' and region_code = :code
					  and period_end = date '2027-12-31'
					""").param("code", code).query(BigDecimal.class).single();
			var city = new Actor(0, "demo-loader", code, Role.CITY_OFFICER,
					DataScope.region(RegionCode.of(code), "/330000/" + code + "/"), false);
			var value = target.multiply(BigDecimal.valueOf(CUMULATIVE_SHARE[i])).setScale(0, RoundingMode.HALF_UP);
			var report = returns.submit(city, new Returns.Submission("SKILL_BASED_VILLAGES_CUMULATIVE", code, null,
					thisYear, value, "演示数据：" + code + " 技能型乡村（社区）累计认定名单"));
			returns.approve(province, report.id());
		}
		log.info("Demo targets: 11 cities' skill-based village returns as of {} and {}, approved", asOf, thisYear);
	}
}
