package cn.gongjiang.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.enrolment.Duplicates;
import cn.gongjiang.enrolment.Plan;
import cn.gongjiang.enrolment.Plans;
import cn.gongjiang.enrolment.Registration;
import cn.gongjiang.enrolment.Registrations;
import cn.gongjiang.enrolment.Schools;
import cn.gongjiang.enrolment.Specialties;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.ProviderRegistration;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * ENR-3: the duplicate batch over N registrations against M roster entries, next to a plain indexed join of the same
 * tables; and single registrations through every rule, next to one indexed look-up of a roster entry.
 */
@Component
class EnrolmentBench {

	private static final Logger log = LoggerFactory.getLogger(EnrolmentBench.class);
	static final String SCHOOL = CreditCode.withCheckCharacter("12330106MB0BENCH1");

	private final JdbcClient jdbc;
	private final OrganisationRegistry organisations;
	private final Schools schools;
	private final Specialties specialties;
	private final Plans plans;
	private final Registrations registrations;
	private final Duplicates duplicates;

	EnrolmentBench(JdbcClient jdbc, OrganisationRegistry organisations, Schools schools, Specialties specialties,
			Plans plans, Registrations registrations, Duplicates duplicates) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.schools = schools;
		this.specialties = specialties;
		this.plans = plans;
		this.registrations = registrations;
		this.duplicates = duplicates;
	}

	List<BenchCommand.Result> duplicatesAndRegistration(int registered, int rosterEntries, int singles) {
		var province = new Actor(0, "bench", "bench", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		int year = LocalDate.now().getYear() + 1;
		organisations.registerProvider(province, new ProviderRegistration(SCHOOL, "基准测试技师学院", "TECHNICIAN_COLLEGE",
				null, null, "330106", null, null, "ACTIVE", null, null));
		schools.setAffiliation(province, SCHOOL, "PROVINCE");
		specialties.file(province, SCHOOL, new Specialties.Filing("0301", "数控加工", List.of("INTERMEDIATE"), null));
		var plan = plans.draft(province, new Plans.Draft(SCHOOL, year, "SPRING",
				List.of(new Plan.Line("0301", "INTERMEDIATE", 10_000_000))));
		plans.file(province, plans.issue(province, plan.id()).id());

		log.info("enrolment: {} roster entries, {} registrations, every 100th also on a roster", rosterEntries, registered);
		jdbc.sql("""
				insert into enrolment.roster_entry (person_index, id_number_masked, name, school_name, school_type, status)
				select decode(md5('p' || i) || md5('q' || i), 'hex'), '330000********0000', '基准',
				       '基准中学' || (i % 500), 'GENERAL_HIGH_SCHOOL', case when i % 10 = 0 then 'GRADUATED' else 'ENROLLED' end
				from generate_series(1, :n) i
				""").param("n", rosterEntries).update();
		// every 100th registered student is also on an enrolled roster entry (i = 100k + 1 is never a multiple of 10)
		jdbc.sql("""
				insert into enrolment.registration (person_index, person_id, id_number_masked, name, school_code,
				    school_path, specialty_code, class_level, intake_year, intake_season, learner_kind, study_mode,
				    origin_region, registered_on, source)
				select case when i % 100 = 0 then decode(md5('p' || (i + 1)) || md5('q' || (i + 1)), 'hex')
				            else decode(md5('s' || i) || md5('t' || i), 'hex') end,
				       0, '330000********0000', '基准', :school, '/330000/330100/330106/', '0301', 'INTERMEDIATE',
				       :year, 'AUTUMN', 'OTHER', 'FULL_TIME', '330106', current_date, 'bench'
				from generate_series(1, :n) i
				""").param("school", SCHOOL).param("year", year - 1).param("n", registered).update();
		jdbc.sql("analyze enrolment.roster_entry").update();
		jdbc.sql("analyze enrolment.registration").update();
		int planted = jdbc.sql("""
				select count(*) from enrolment.registration r
				join enrolment.roster_entry e on e.person_index = r.person_index and e.status = 'ENROLLED'
				where r.source = 'bench'
				""").query(Integer.class).single();

		var batch = new ArrayList<Double>();
		var join = new ArrayList<Double>();
		for (int run = 0; run < 3; run++) {
			jdbc.sql("delete from enrolment.duplicate_case").update();
			var start = System.nanoTime();
			int found = duplicates.findAll();
			batch.add((System.nanoTime() - start) / 1e9);
			if (found != planted) {
				throw new IllegalStateException("the batch found " + found + " cases, " + planted + " were planted");
			}
			start = System.nanoTime();
			jdbc.sql("""
					select (select count(*) from enrolment.registration a join enrolment.registration b
					        on b.person_index = a.person_index and b.id > a.id and b.school_code <> a.school_code
					        and b.status = 'REGISTERED' where a.status = 'REGISTERED')
					     + (select count(*) from enrolment.registration r join enrolment.roster_entry e
					        on e.person_index = r.person_index and e.status = 'ENROLLED' where r.status = 'REGISTERED')
					""").query(Long.class).single();
			join.add((System.nanoTime() - start) / 1e9);
		}
		var batchSeconds = median(batch);
		var joinSeconds = median(join);

		var single = new ArrayList<Double>();
		var lookup = new ArrayList<Double>();
		for (int i = 0; i < singles; i++) {
			var id = BenchCommand.idNumber("330106", LocalDate.of(2006, 1, 1).plusDays(i / 900), i % 900);
			var request = new Registration.Request(id, "基准生", SCHOOL, "0301", "INTERMEDIATE", year, "SPRING",
					"OTHER", "FULL_TIME", "330106", null);
			var start = System.nanoTime();
			registrations.register(province, request);
			single.add((System.nanoTime() - start) / 1e6);
			var key = "p" + (1 + i * 7 % rosterEntries);
			start = System.nanoTime();
			jdbc.sql("select status from enrolment.roster_entry where person_index = decode(md5(:k) || md5(:q), 'hex')")
					.param("k", key).param("q", "q" + key.substring(1)).query(String.class).list();
			lookup.add((System.nanoTime() - start) / 1e6);
		}
		var p99 = percentile(single.subList(Math.min(50, singles / 10), single.size()), 0.99);
		var lookupP99 = percentile(lookup.subList(Math.min(50, singles / 10), lookup.size()), 0.99);
		var sizes = String.format("%,d registrations vs %,d roster", registered, rosterEntries);
		return List.of(
				new BenchCommand.Result("enrolment.duplicates.batch", "s", batchSeconds,
						"plain indexed join, same tables", joinSeconds, batchSeconds / joinSeconds, "<= 10 s for " + sizes,
						batchSeconds <= 10),
				new BenchCommand.Result("enrolment.register.p99", "ms", p99,
						"indexed roster look-up p99", lookupP99, p99 / lookupP99, "p99 < 20 ms", p99 < 20));
	}

	private static double median(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).sorted().toArray()[values.size() / 2];
	}

	private static double percentile(List<Double> values, double p) {
		var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[(int) Math.ceil(p * sorted.length) - 1];
	}
}
