package cn.gongjiang.demo;

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
import cn.gongjiang.supervision.Inspections;

/**
 * A double-random inspection (双随机、一公开, SUP-2) that Shaoxing drew among its providers, found compliant and
 * published, so the public page /public/inspections has something to show.
 */
@Component
@Order(14)
class DemoSupervision implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

	private final DemoMode demo;
	private final Inspections inspections;
	private final JdbcClient jdbc;

	DemoSupervision(DemoMode demo, Inspections inspections, JdbcClient jdbc) {
		this.demo = demo;
		this.inspections = inspections;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || jdbc.sql("select exists (select 1 from supervision.draw)").query(Boolean.class).single()) {
			return;
		}
		var shaoxing = new Actor(0, "demo-loader", "绍兴市人力社保局", Role.CITY_OFFICER,
				DataScope.region(RegionCode.of("330600"), "/330000/330600/"), false);
		inspections.addInspector(shaoxing, "王检查", "绍兴市人力社保局职业能力建设处");
		inspections.addInspector(shaoxing, "李督导", "绍兴市职业技能鉴定指导中心");
		var draw = inspections.draw(shaoxing, "PROVIDERS", 1, 20261101L);
		for (var target : draw.targets()) {
			inspections.recordFinding(shaoxing, draw.id(), target.kind(), target.id(), "COMPLIANT", null);
		}
		inspections.publish(shaoxing, draw.id());
		log.info("Demo supervision: one published double-random inspection in Shaoxing");
	}
}
