package cn.gongjiang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.enrolment.Plan;
import cn.gongjiang.enrolment.Plans;
import cn.gongjiang.enrolment.Registration;
import cn.gongjiang.enrolment.Registrations;
import cn.gongjiang.enrolment.Schools;
import cn.gongjiang.enrolment.Specialties;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.ProviderRegistration;
import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * Demo enrolment: the Shaoxing demo technician college and a provincial one in Hangzhou with filed specialties, next
 * spring's plans issued and filed, and students registered against them through the same rules as everyone else.
 */
@Component
@Order(11)
class DemoEnrolment implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoEnrolment.class);
	static final String SHAOXING_SCHOOL = "12330600MB12345675";
	static final String PROVINCIAL_SCHOOL = DemoData.creditCode("12330000MB0000001");

	private final DemoMode demo;
	private final OrganisationRegistry organisations;
	private final Schools schools;
	private final Specialties specialties;
	private final Plans plans;
	private final Registrations registrations;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoEnrolment(DemoMode demo, OrganisationRegistry organisations, Schools schools, Specialties specialties,
			Plans plans, Registrations registrations, JdbcClient jdbc, Clock clock) {
		this.demo = demo;
		this.organisations = organisations;
		this.schools = schools;
		this.specialties = specialties;
		this.plans = plans;
		this.registrations = registrations;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || jdbc.sql("select exists (select 1 from enrolment.specialty)").query(Boolean.class).single()) {
			return;
		}
		var province = new Actor(0, "demo-loader", "演示数据", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		var shaoxing = new Actor(0, "demo-loader", "绍兴市人力社保局", Role.CITY_OFFICER,
				DataScope.region(RegionCode.of("330600"), "/330000/330600/"), false);
		organisations.registerProvider(province, new ProviderRegistration(PROVINCIAL_SCHOOL, "浙江省示范技师学院",
				"TECHNICIAN_COLLEGE", null, null, "330106", null, null, "ACTIVE", null, null));
		schools.setAffiliation(province, PROVINCIAL_SCHOOL, "PROVINCE");
		var filedOn = LocalDate.of(2023, 6, 1);
		specialties.file(province, SHAOXING_SCHOOL, new Specialties.Filing("0301", "数控加工",
				List.of("INTERMEDIATE", "SENIOR", "TECHNICIAN"), filedOn));
		specialties.file(province, SHAOXING_SCHOOL, new Specialties.Filing("0402", "电气自动化设备安装与维修",
				List.of("INTERMEDIATE", "SENIOR"), filedOn));
		specialties.file(province, SHAOXING_SCHOOL, new Specialties.Filing("0710", "纺织技术及营销",
				List.of("INTERMEDIATE"), filedOn));
		specialties.file(province, PROVINCIAL_SCHOOL, new Specialties.Filing("1101", "工业机器人应用与维护",
				List.of("SENIOR", "TECHNICIAN"), filedOn));
		// the next intake whose registration is still open
		var today = LocalDate.now(clock);
		int year = today.getYear() + 1;
		var sx = plans.draft(province, new Plans.Draft(SHAOXING_SCHOOL, year, "SPRING", List.of(
				new Plan.Line("0301", "INTERMEDIATE", 20), new Plan.Line("0301", "SENIOR", 10),
				new Plan.Line("0301", "TECHNICIAN", 8), new Plan.Line("0402", "SENIOR", 10),
				new Plan.Line("0710", "INTERMEDIATE", 15))));
		plans.file(province, plans.issue(shaoxing, sx.id()).id());
		var zj = plans.draft(province, new Plans.Draft(PROVINCIAL_SCHOOL, year, "SPRING", List.of(
				new Plan.Line("1101", "SENIOR", 20), new Plan.Line("1101", "TECHNICIAN", 10))));
		plans.file(province, plans.issue(province, zj.id()).id());

		var random = new Random(37);
		var counties = List.of("330602", "330603", "330604", "330624", "330681", "330683");
		var levels = List.of("INTERMEDIATE", "INTERMEDIATE", "SENIOR", "TECHNICIAN");
		int made = 0;
		for (int i = 0; i < 24; i++) {
			var county = counties.get(i % counties.size());
			var id = DemoData.idNumber(county, LocalDate.of(2010, 1 + random.nextInt(12), 1 + random.nextInt(28)), 500 + i);
			var level = levels.get(i % levels.size());
			registrations.register(province, new Registration.Request(id, name(random), SHAOXING_SCHOOL, "0301", level,
					year, "SPRING", "JUNIOR_SECONDARY_GRADUATE", "FULL_TIME", county, null));
			made++;
		}
		var origins = List.of("330106", "330206", "330302", "510104", "640104");
		for (int i = 0; i < 10; i++) {
			var origin = origins.get(i % origins.size());
			var id = DemoData.idNumber(origin, LocalDate.of(2008, 1 + random.nextInt(12), 1 + random.nextInt(28)), 600 + i);
			registrations.register(province, new Registration.Request(id, name(random), PROVINCIAL_SCHOOL, "1101",
					i % 3 == 0 ? "TECHNICIAN" : "SENIOR", year, "SPRING", "SENIOR_SECONDARY_GRADUATE", "FULL_TIME",
					origin, null));
			made++;
		}
		log.info("Demo enrolment: 2 technical schools with filed {} spring plans, {} students registered", year, made);
	}

	private static String name(Random random) {
		var surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
		var given = "宇轩浩然子涵欣怡梓萱一诺思远佳怡俊杰".split("");
		return surnames[random.nextInt(surnames.length)] + given[random.nextInt(given.length)]
				+ given[random.nextInt(given.length)];
	}
}
