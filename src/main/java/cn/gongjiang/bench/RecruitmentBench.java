package cn.gongjiang.bench;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.recruitment.Matching;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * REC-2 at scale: the top 20 candidates for a posting among the job seekers (100 k at medium scale, 1 M at province),
 * and the top 20 postings for a person among 200 k open postings, each p95 of 200 calls of the full product (draw,
 * score, explain, log the list shown) against the same run's plain indexed filter with no scoring. Seekers, their
 * skills and the postings are made with SQL (deterministic), spread over the 2022 classification's occupations and
 * Zhejiang's counties.
 */
@Component
class RecruitmentBench {

	private static final Logger log = LoggerFactory.getLogger(RecruitmentBench.class);

	private final JdbcClient jdbc;
	private final Matching matching;

	RecruitmentBench(JdbcClient jdbc, Matching matching) {
		this.jdbc = jdbc;
		this.matching = matching;
	}

	List<BenchCommand.Result> matchingVersusFilter(int seekers, int jobs, int calls) {
		log.info("recruitment: {} job seekers, {} open postings", seekers, jobs);
		// occupations of the metal-working middle groups hold most seekers, as a manufacturing province's would
		jdbc.sql("""
				create temporary table bench_occupation as
				select row_number() over (order by code) as n, code from occupation.occupation where level = 4
				""").update();
		jdbc.sql("""
				create temporary table bench_county as
				select row_number() over (order by code) as n, path from region.region where level = 3
				""").update();
		var occupations = jdbc.sql("select count(*) from bench_occupation").query(Integer.class).single();
		var counties = jdbc.sql("select count(*) from bench_county").query(Integer.class).single();
		jdbc.sql("""
				insert into recruitment.seeker (person_id, person_index, name, id_number_masked, residence_path, basis,
				    expected_wage, since)
				select 900000000 + i, decode(md5('seeker' || i), 'hex'), '求职者' || i, '330000********' || lpad((i % 10000)::text, 4, '0'),
				       (select path from bench_county where n = 1 + (i * 7) % :counties),
				       (array['REGISTERED','UNEMPLOYED','GRADUATING','TRAINEE_CONSENT'])[1 + i % 4],
				       4000 + (i % 9) * 1000, current_date
				from generate_series(1, :seekers) i
				""").param("counties", counties).param("seekers", seekers).update();
		jdbc.sql("""
				insert into recruitment.seeker_skill (person_id, occupation_code, grade_rank)
				select 900000000 + i, (select code from bench_occupation where n = 1 + ((i * 2654435761) % :occupations)),
				       1 + i % 6
				from generate_series(1, :seekers) i
				union all
				select 900000000 + i, (select code from bench_occupation where n = 1 + ((i::bigint * 40503 + 17) % :occupations)),
				       1 + (i + 3) % 6
				from generate_series(1, :seekers, 3) i
				on conflict do nothing
				""").param("occupations", occupations).param("seekers", seekers).update();
		jdbc.sql("""
				insert into recruitment.job (enterprise_code, enterprise_name, enterprise_path, title, occupation_code,
				    min_grade, headcount, county, county_path, wage_min, wage_max, closes_on, source, posted_by, status)
				select 'BENCH' || (i % 5000), '基准企业' || (i % 5000), c.path, '岗位' || i, o.code,
				       (array['junior','intermediate','senior','technician'])[1 + i % 4], 1 + i % 5,
				       split_part(c.path, '/', 4), c.path, 5000 + (i % 5) * 1000, 8000 + (i % 5) * 1000,
				       current_date + 60, 'IMPORT', 'bench', 'OPEN'
				from generate_series(1, :jobs) i
				join bench_occupation o on o.n = 1 + ((i * 2654435761) % :occupations)
				join bench_county c on c.n = 1 + (i * 11) % :counties
				""").param("occupations", occupations).param("counties", counties).param("jobs", jobs).update();
		jdbc.sql("analyze recruitment.seeker").update();
		jdbc.sql("analyze recruitment.seeker_skill").update();
		jdbc.sql("analyze recruitment.job").update();

		var province = new Actor(0, "bench", "bench", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		var jobIds = jdbc.sql("select id from recruitment.job where posted_by = 'bench' order by id limit :n")
				.param("n", calls).query(Long.class).list();
		var personIds = jdbc.sql("select person_id from recruitment.seeker where person_id > 900000000 order by person_id limit :n")
				.param("n", calls).query(Long.class).list();
		var jobOccupations = new ArrayList<String>();
		for (var id : jobIds) {
			jobOccupations.add(jdbc.sql("select occupation_code from recruitment.job where id = :id").param("id", id)
					.query(String.class).single());
		}
		var i = new int[] { 0 };
		var candidates = p95(calls, () -> matching.candidates(province, jobIds.get(i[0]++ % jobIds.size()), 20));
		i[0] = 0;
		var candidatesBaseline = p95(calls, () -> filterSeekers(jobOccupations.get(i[0]++ % jobOccupations.size())));
		i[0] = 0;
		var jobsFor = p95(calls, () -> matching.jobsFor(province, personIds.get(i[0]++ % personIds.size()), 20));
		i[0] = 0;
		var jobsBaseline = p95(calls, () -> filterJobs(personIds.get(i[0]++ % personIds.size())));
		log.info("recruitment: candidates p95 {} ms (filter {}), jobs-for-person p95 {} ms (filter {})", candidates,
				candidatesBaseline, jobsFor, jobsBaseline);
		return List.of(
				new BenchCommand.Result("recruitment.candidates.p95", "ms", candidates,
						"the indexed filter alone, no scoring", candidatesBaseline, candidates / candidatesBaseline,
						String.format("p95 < 100 ms and <= 3x the filter, %,d seekers", seekers),
						candidates < 100 && candidates / candidatesBaseline <= 3),
				new BenchCommand.Result("recruitment.jobs-for-person.p95", "ms", jobsFor,
						"the indexed filter alone, no scoring", jobsBaseline, jobsFor / jobsBaseline,
						String.format("p95 < 50 ms and <= 3x the filter, %,d open postings", jobs),
						jobsFor < 50 && jobsFor / jobsBaseline <= 3));
	}

	/** The seekers with a skill in the occupation's middle group, read as the product reads them: no scoring. */
	private void filterSeekers(String occupation) {
		var parts = occupation.split("-");
		var ids = jdbc.sql("""
				select k.person_id from recruitment.seeker_skill k join recruitment.seeker s on s.person_id = k.person_id
				where k.occupation_code like :prefix || '%' and s.status = 'SEEKING' limit 2000
				""").param("prefix", parts[0] + "-" + parts[1] + "-").query(Long.class).list();
		jdbc.sql("select * from recruitment.seeker_skill where person_id = any(:ids)").param("ids", ids.toArray(Long[]::new))
				.query().listOfRows();
		jdbc.sql("select * from recruitment.seeker where person_id = any(:ids)").param("ids", ids.toArray(Long[]::new))
				.query().listOfRows();
	}

	/** The open postings in the person's skills' middle groups, read as the product reads them: no scoring. */
	private void filterJobs(long personId) {
		var groups = jdbc.sql("select distinct split_part(occupation_code, '-', 1) || '-' || split_part(occupation_code, '-', 2) "
				+ "from recruitment.seeker_skill where person_id = :p").param("p", personId).query(String.class).list();
		jdbc.sql("""
				select j.* from unnest(cast(:groups as text[])) g (occupation_group)
				cross join lateral (select * from recruitment.job j
				    where j.status = 'OPEN' and j.occupation_group = g.occupation_group
				    order by j.closes_on, j.id limit 2000) j
				order by j.closes_on, j.id limit 2000""").param("groups", groups.toArray(String[]::new)).query().listOfRows();
	}

	/** The 95th percentile of {@code runs} calls, in milliseconds, after a warm-up. */
	private static double p95(int runs, Runnable call) {
		return Latency.p95(Math.min(runs, 20), runs, call);
	}
}
