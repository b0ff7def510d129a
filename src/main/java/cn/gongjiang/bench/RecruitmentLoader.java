package cn.gongjiang.bench;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.recruitment.Application;
import cn.gongjiang.recruitment.Applications;
import cn.gongjiang.recruitment.Placements;
import cn.gongjiang.recruitment.RecruitmentEvent;
import cn.gongjiang.recruitment.RecruitmentEvents;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * Generated recruitment events (REC-1, REC-3), after the postings and seekers are imported: in every city the bureau
 * held an online fair (云聘会) last month with some of the city's open postings, where seekers of the city applied and
 * every third was hired, and plans an on-site event (现场招聘) in two weeks — through the same services the console
 * uses, so holding the fair counts for the targets and the hires reach the archives.
 */
@Component
class RecruitmentLoader {

	static final int JOBS_PER_EVENT = 10, APPLICANTS_PER_EVENT = 30;

	/** What was loaded. */
	record Loaded(int held, int planned, int applications, int hires, int refused) {
	}

	private final RegionDirectory regions;
	private final RecruitmentEvents events;
	private final Applications applications;
	private final Placements placements;
	private final JdbcClient jdbc;
	private final Clock clock;

	RecruitmentLoader(RegionDirectory regions, RecruitmentEvents events, Applications applications,
			Placements placements, JdbcClient jdbc, Clock clock) {
		this.regions = regions;
		this.events = events;
		this.applications = applications;
		this.placements = placements;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Loaded load() {
		var today = LocalDate.now(clock);
		int held = 0, planned = 0, applied = 0, hires = 0, refused = 0;
		var cities = regions.all().values().stream().filter(r -> r.level() == RegionLevel.CITY)
				.sorted((a, b) -> a.code().compareTo(b.code())).toList();
		for (var city : cities) {
			var officer = new Actor(0, "generator", city.name() + "人力社保局", Role.CITY_OFFICER,
					DataScope.region(RegionCode.of(city.code()), city.path()), false);
			var jobs = jdbc.sql("""
					select id from recruitment.job where enterprise_path like :path || '%' and status = 'OPEN'
					order by id limit :limit""").param("path", city.path()).param("limit", JOBS_PER_EVENT)
					.query(Long.class).list();
			if (jobs.isEmpty()) {
				continue;
			}
			var seekers = jdbc.sql("""
					select person_id from recruitment.seeker where residence_path like :path || '%' and status = 'SEEKING'
					order by person_id limit :limit""").param("path", city.path()).param("limit", APPLICANTS_PER_EVENT)
					.query(Long.class).list();
			var fair = events.plan(officer, new RecruitmentEvent.Plan(city.name() + "技能人才云聘会（生成）",
					RecruitmentEvent.Format.CLOUD_FAIR, null, null, "https://live.example.gov.cn/generated/" + city.code(),
					today.minusMonths(1)));
			jobs.forEach(job -> events.addJob(officer, fair.id(), job));
			for (int k = 0; k < seekers.size(); k++) {
				try {
					var application = applications.applyAtEvent(officer, fair.id(), jobs.get(k % jobs.size()), seekers.get(k));
					applied++;
					if (k % 3 == 0) {
						var offered = applications.move(officer, application.id(), application.version(),
								Application.Status.OFFERED);
						placements.hire(officer, offered.id(), offered.version(),
								new Placements.Hire(today.minusDays(7), k % 2 == 0 ? 12 : 36, null));
						hires++;
					}
				}
				catch (BusinessException closedOrPlaced) {
					// a posting filled by earlier hires, or a person placed meanwhile: as at a real fair
					refused++;
				}
			}
			events.hold(officer, fair.id(), events.details(officer, fair.id()).event().version());
			held++;
			var onsite = events.plan(officer, new RecruitmentEvent.Plan(city.name() + "订单式现场招聘会（生成）",
					RecruitmentEvent.Format.ONSITE, "VENUE", city.name() + "人力资源市场", null, today.plusDays(14)));
			// the postings still open after the fair (some were filled there) go on to the on-site event
			jdbc.sql("""
					select id from recruitment.job where id = any(:jobs) and status = 'OPEN' order by id limit 5""")
					.param("jobs", jobs.toArray(Long[]::new)).query(Long.class).list()
					.forEach(job -> events.addJob(officer, onsite.id(), job));
			planned++;
		}
		return new Loaded(held, planned, applied, hires, refused);
	}
}
