package cn.gongjiang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.subsidy.FundingSource;
import cn.gongjiang.subsidy.SubsidyDecisions;

/**
 * Demo budgets: every county gets 200,000 yuan of this year's training-subsidy account before the demo trains anyone,
 * and each county of Shaoxing 1,000,000 of the city's talent fund, which pays its enterprise schemes, for last year
 * and this (a monthly allowance may have begun last year).
 */
@Component
@Order(9)
class DemoBudgets implements ApplicationRunner {

	private final DemoMode demo;
	private final RegionDirectory regions;
	private final SubsidyDecisions decisions;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoBudgets(DemoMode demo, RegionDirectory regions, SubsidyDecisions decisions, JdbcClient jdbc, Clock clock) {
		this.demo = demo;
		this.regions = regions;
		this.decisions = decisions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || jdbc.sql("select exists (select 1 from subsidy.budget)").query(Boolean.class).single()) {
			return;
		}
		var province = new Actor(0, "demo-loader", "演示数据", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		var year = LocalDate.now(clock).getYear();
		regions.all().values().stream().filter(r -> r.level() == RegionLevel.COUNTY).forEach(county -> {
			decisions.allocate(province, county.code(), FundingSource.SKILLS_ACCOUNT, year, Money.yuan(200_000));
			if (county.code().startsWith("3306")) {
				for (var y : List.of(year - 1, year)) {
					decisions.allocate(province, county.code(), FundingSource.CITY_TALENT_FUND, y,
							Money.yuan(1_000_000));
				}
			}
		});
	}
}
