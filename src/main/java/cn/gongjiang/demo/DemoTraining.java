package cn.gongjiang.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.identity.AccountBootstrap;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.training.Attendance;
import cn.gongjiang.training.ClassEnrolment;
import cn.gongjiang.training.ClassEnrolments;
import cn.gongjiang.training.DemandItem;
import cn.gongjiang.training.DemandSurvey;
import cn.gongjiang.training.Results;
import cn.gongjiang.training.SubsidyCatalogue;
import cn.gongjiang.training.TrainingClass;
import cn.gongjiang.training.TrainingOrder;
import cn.gongjiang.training.TrainingOrders;
import cn.gongjiang.training.Voucher;
import cn.gongjiang.training.Vouchers;

/**
 * Demo training: an illustrative catalogue (示例标准), and in every city demand recorded on a visit and four orders,
 * one in each state: open, taken up with its class enrolling, finished with results and a certificate, cancelled.
 * All through the same services and rules as real use.
 */
@Component
@Order(13)
class DemoTraining implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);
	private static final List<String> OCCUPATIONS = List.of("6-18-01-01", "6-31-01-03", "4-10-01-03", "6-29-01-01");

	private final DemoMode demo;
	private final RegionDirectory regions;
	private final DemandSurvey survey;
	private final SubsidyCatalogue catalogue;
	private final TrainingOrders orders;
	private final ClassEnrolments enrolments;
	private final Attendance attendance;
	private final Results results;
	private final Vouchers vouchers;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoTraining(DemoMode demo, RegionDirectory regions, DemandSurvey survey, SubsidyCatalogue catalogue,
			TrainingOrders orders, ClassEnrolments enrolments, Attendance attendance, Results results, Vouchers vouchers,
			JdbcClient jdbc, Clock clock) {
		this.vouchers = vouchers;
		this.demo = demo;
		this.regions = regions;
		this.survey = survey;
		this.catalogue = catalogue;
		this.orders = orders;
		this.enrolments = enrolments;
		this.attendance = attendance;
		this.results = results;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || jdbc.sql("select exists (select 1 from training.training_order)").query(Boolean.class).single()) {
			return;
		}
		var province = new Actor(0, "demo-loader", "演示数据", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		var today = LocalDate.now(clock);
		catalogue.add(province, new SubsidyCatalogue.Entry("6-18-01-01", "intermediate", 1500, true,
				LocalDate.of(2025, 1, 1), null, "示例标准（演示）"));
		var welding = catalogue.add(province, new SubsidyCatalogue.Entry("6-31-01-03", null, 1000, false,
				LocalDate.of(2025, 1, 1), null, "示例标准（演示）"));
		var all = regions.all().values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
		int made = 0;
		for (var city : all.stream().filter(r -> r.level() == RegionLevel.CITY).toList()) {
			var county = all.stream().filter(r -> city.code().equals(r.parentCode()) && r.level() == RegionLevel.COUNTY)
					.findFirst().orElseThrow();
			var shaoxing = city.code().equals(DemoData.SHAOXING);
			var enterprise = DemoData.enterpriseOf(city.code(), county.code());
			var providerCode = DemoData.providerOf(city.code(), county.code());
			var names = new Random(city.code().hashCode());
			var provider = new Actor(0, "demo-loader", city.name() + "示范职业技能培训学校", Role.TRAINING_PROVIDER,
					DataScope.organisation(providerCode), false);
			var occupation = OCCUPATIONS.get(made % OCCUPATIONS.size());
			var demand = survey.submit(province, new DemandItem.Entry(enterprise, occupation, null, 20,
					today.plusDays(45), 6000 + 500 * (made % 5), 12, county.code(), "VISIT"));
			orders.place(province, order(enterprise, demand.id(), occupation, 10, today.plusDays(10), county.code()));
			var taken = orders.place(province, order(enterprise, null, occupation, 8, today.plusDays(5), county.code()));
			// Shaoxing's enrolling class has a long practical session running when the demo is made, so a worker can
			// check in on the day the demo is tried
			var enrolling = orders.accept(provider, taken.id(), shaoxing ? runningNow()
					: plan(Instant.now(clock).plus(5, ChronoUnit.DAYS), 3));
			enrol(provider, enrolling.id(), county.code(), 1, 3, names);
			var done = orders.place(province, order(enterprise, null, occupation, 5, today, county.code()));
			// held yesterday and the day before, its attendance listed in time: a list days late would hold its money
			var finished = orders.accept(provider, done.id(), plan(Instant.now(clock).minus(40, ChronoUnit.HOURS), 2));
			var trainees = enrol(provider, finished.id(), county.code(), 4, 3, names);
			if (shaoxing) {
				// 张明 (worker-demo) passed the finished class, whose certificate is subsidised, and holds a voucher
				// redeemed in the class now running
				trainees.add(0, enrolments.enrol(provider, finished.id(), new ClassEnrolment.Request(
						AccountBootstrap.DEMO_WORKER_ID_NUMBER, "张明", null)).id());
				var voucher = vouchers.issue(province, new Voucher.Request(AccountBootstrap.DEMO_WORKER_ID_NUMBER, "张明",
						welding.id(), today.plusMonths(6)));
				enrolments.enrol(provider, enrolling.id(), new ClassEnrolment.Request(AccountBootstrap.DEMO_WORKER_ID_NUMBER,
						"张明", voucher.id()));
				vouchers.issue(province, new Voucher.Request(AccountBootstrap.DEMO_WORKER_ID_NUMBER, "张明",
						welding.id(), today.plusMonths(12)));
			}
			for (var session : finished.sessions()) {
				attendance.record(provider, finished.id(), session.id(), trainees.subList(0, 2));
			}
			attendance.complete(provider, finished.id());
			results.record(provider, finished.id(), List.of(
					new Results.Result(trainees.get(0), true, "skill-level", "PX" + city.code() + today.getYear() + "01",
							"intermediate"),
					new Results.Result(trainees.get(1), false, null, null, null)));
			var dropped = orders.place(province, order(enterprise, null, occupation, 4, today.plusDays(30), county.code()));
			orders.cancel(province, dropped.id());
			made++;
		}
		log.info("Demo training: demand and four orders (open, enrolling, finished, cancelled) in each of {} cities", made);
	}

	private static TrainingOrder.Request order(String enterprise, Long demand, String occupation, int headcount,
			LocalDate start, String county) {
		return new TrainingOrder.Request(enterprise, demand, occupation, null, headcount, start, county, "NAMED_CLASS",
				false);
	}

	private static TrainingClass.Plan plan(Instant first, int sessions) {
		var plans = new ArrayList<TrainingClass.SessionPlan>();
		for (int i = 0; i < sessions; i++) {
			var start = first.truncatedTo(ChronoUnit.HOURS).plus(i, ChronoUnit.DAYS);
			plans.add(new TrainingClass.SessionPlan(start, start.plus(3, ChronoUnit.HOURS), "实训基地"));
		}
		return new TrainingClass.Plan(null, null, null, null, List.of("示范讲师"), null, plans);
	}

	private List<Long> enrol(Actor provider, long classId, String county, int from, int count, Random names) {
		var ids = new ArrayList<Long>();
		for (int i = from; i < from + count; i++) {
			var id = DemoData.idNumber(county, LocalDate.of(1990 + i, 3, 3), 700 + i);
			ids.add(enrolments.enrol(provider, classId, new ClassEnrolment.Request(id, DemoData.name(names), null)).id());
		}
		return ids;
	}

	/** One practical session from an hour ago until 22:00 Beijing time (at least four hours from now). */
	private TrainingClass.Plan runningNow() {
		var now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
		var tenPm = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")))
				.atTime(22, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
		var end = tenPm.isAfter(now.plus(4, ChronoUnit.HOURS)) ? tenPm : now.plus(4, ChronoUnit.HOURS);
		return new TrainingClass.Plan(null, null, null, null, List.of("示范讲师"), null,
				List.of(new TrainingClass.SessionPlan(now.minus(1, ChronoUnit.HOURS), end, "越城区实训基地 3 号车间")));
	}
}
