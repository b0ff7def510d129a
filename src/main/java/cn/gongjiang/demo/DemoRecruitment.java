package cn.gongjiang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.identity.AccountBootstrap;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.recruitment.Application;
import cn.gongjiang.recruitment.Applications;
import cn.gongjiang.recruitment.JobPosting;
import cn.gongjiang.recruitment.JobPostings;
import cn.gongjiang.recruitment.Placements;
import cn.gongjiang.recruitment.RecruitmentEvent;
import cn.gongjiang.recruitment.RecruitmentEvents;
import cn.gongjiang.recruitment.Seeker;
import cn.gongjiang.recruitment.Seekers;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.training.DemandItem;
import cn.gongjiang.training.DemandSurvey;

/**
 * Demo recruitment (REC-1..3): in every city two open postings of its demo enterprise (one made from its demand
 * list), three job seekers, an online job fair held last month with one hire and an on-site event at the city's
 * school planned for next fortnight. In Shaoxing 张明 (worker-demo) looks for work and enterprise-demo still has a
 * demand item to post from.
 */
@Component
@Order(15)
class DemoRecruitment implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRecruitment.class);

	private final DemoMode demo;
	private final RegionDirectory regions;
	private final DemandSurvey demand;
	private final JobPostings postings;
	private final Seekers seekers;
	private final RecruitmentEvents events;
	private final Applications applications;
	private final Placements placements;
	private final PersonalDataCipher cipher;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoRecruitment(DemoMode demo, RegionDirectory regions, DemandSurvey demand, JobPostings postings, Seekers seekers,
			RecruitmentEvents events, Applications applications, Placements placements, PersonalDataCipher cipher,
			JdbcClient jdbc, Clock clock) {
		this.cipher = cipher;
		this.demo = demo;
		this.regions = regions;
		this.demand = demand;
		this.postings = postings;
		this.seekers = seekers;
		this.events = events;
		this.applications = applications;
		this.placements = placements;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || jdbc.sql("select exists (select 1 from recruitment.job)").query(Boolean.class).single()) {
			return;
		}
		var today = LocalDate.now(clock);
		var all = regions.all().values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
		var hires = 0;
		for (var city : all.stream().filter(r -> r.level() == RegionLevel.CITY).toList()) {
			var county = all.stream().filter(r -> city.code().equals(r.parentCode()) && r.level() == RegionLevel.COUNTY)
					.findFirst().orElseThrow();
			var officer = new Actor(0, "demo-loader", city.name() + "人力社保局", Role.CITY_OFFICER,
					DataScope.region(RegionCode.of(city.code()), city.path()), false);
			var enterprise = DemoData.enterpriseOf(city.code(), county.code());
			var item = demand.submit(officer, new DemandItem.Entry(enterprise, "6-18-01-02", "intermediate", 3,
					today.plusDays(60), 8000, 0, county.code(), "VISIT"));
			var fromDemand = postings.postFromDemand(officer, item.id());
			fromDemand = postings.open(officer, fromDemand.id(), fromDemand.version());
			var typed = postings.post(officer, new JobPosting.Form(enterprise, "车工（" + city.name() + "）", "6-18-01-01",
					"intermediate", 2, county.code(), 6500, 9000, today.plusDays(20), today.plusDays(45),
					"持中级工及以上证书，能看懂零件图，两班倒", true));
			typed = postings.open(officer, typed.id(), typed.version());
			// job seekers: the persons of the first county who hold a certificate, an intermediate or higher one first
			// (the hire below can then be claimed under a per-hire scheme such as Shaoxing's 004 第8条)
			var people = jdbc.sql("""
					select p.id_number_sealed, p.name from registry.person p
					where p.residence_path = :path and exists (select 1 from certification.certificate c
					    where c.holder_index = p.id_number_index)
					order by exists (select 1 from certification.certificate c where c.holder_index = p.id_number_index
					    and c.grade in ('intermediate', 'senior', 'technician', 'senior-technician')) desc, p.id
					limit 3""").param("path", county.path())
					.query((rs, i) -> new Object[] { rs.getBytes(1), rs.getString(2) }).list();
			var seekerIds = new ArrayList<Long>();
			for (var person : people) {
				var idNumber = cipher.open((byte[]) person[0]);
				seekerIds.add(seekers.register(officer, idNumber, (String) person[1], Seeker.Basis.REGISTERED, null,
						7000).personId());
			}
			var fair = events.plan(officer, new RecruitmentEvent.Plan(city.name() + "技能人才云聘会（" + today.minusMonths(1).getMonthValue() + "月）",
					RecruitmentEvent.Format.CLOUD_FAIR, null, null, "https://live.example.gov.cn/zj/" + city.code(),
					today.minusMonths(1)));
			events.addJob(officer, fair.id(), typed.id());
			if (!seekerIds.isEmpty()) {
				var applied = applications.applyAtEvent(officer, fair.id(), typed.id(), seekerIds.get(0));
				var offered = applications.move(officer, applied.id(), applied.version(),
						Application.Status.OFFERED);
				placements.hire(officer, offered.id(), offered.version(),
						new Placements.Hire(today.minusDays(20), 24, null));
				hires++;
			}
			var held = events.details(officer, fair.id()).event();
			events.hold(officer, fair.id(), held.version());
			var onsite = events.plan(officer, new RecruitmentEvent.Plan(city.name() + "订单式现场招聘会",
					RecruitmentEvent.Format.ONSITE, "SCHOOL_IN_PROVINCE", city.name() + "技师学院体育馆",
					null, today.plusDays(14)));
			events.addJob(officer, onsite.id(), fromDemand.id());
			if (city.code().equals(DemoData.SHAOXING)) {
				// the event is at the demo technician college, which puts two of its graduating students forward
				events.addOrganisation(officer, onsite.id(), DemoEnrolment.SHAOXING_SCHOOL);
				var school = new Actor(0, "demo-loader", "绍兴市示范技师学院", Role.TECHNICAL_SCHOOL,
						DataScope.organisation(DemoEnrolment.SHAOXING_SCHOOL), false);
				jdbc.sql("""
						select p.id_number_sealed, p.name from registry.person p
						where p.residence_path = :path and not exists (select 1 from recruitment.seeker s where s.person_id = p.id)
						order by p.id desc limit 2""").param("path", county.path())
						.query((rs, i) -> new Object[] { rs.getBytes(1), rs.getString(2) }).list()
						.forEach(p -> events.registerSeeker(school, onsite.id(), cipher.open((byte[]) p[0]), (String) p[1]));
				seekers.register(officer, AccountBootstrap.DEMO_WORKER_ID_NUMBER, "张明", Seeker.Basis.REGISTERED,
						"6-18-01-02", 8500);
				demand.submit(officer, new DemandItem.Entry(enterprise, "6-31-01-03", "senior", 2, today.plusDays(30),
						9000, 0, "330603", "VISIT"));
			}
		}
		log.info("Demo recruitment: postings, job seekers, a held and a planned event in every city, {} hires", hires);
	}

}
