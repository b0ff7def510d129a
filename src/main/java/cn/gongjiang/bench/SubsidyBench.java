package cn.gongjiang.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.subsidy.BulkDecision;

/**
 * SUB-3: deciding a million certificates at once (those issued before the engine existed, or imported) through the
 * same gathering and rule code as one certificate, against a plain {@code INSERT … SELECT} of the same number of
 * decision rows into an identically shaped and indexed table. Goal: 1 M in ≤ 60 s.
 */
@Component
class SubsidyBench {

	private static final Logger log = LoggerFactory.getLogger(SubsidyBench.class);

	private final JdbcClient jdbc;
	private final RegionDirectory regions;
	private final BulkDecision bulk;

	SubsidyBench(JdbcClient jdbc, RegionDirectory regions, BulkDecision bulk) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.bulk = bulk;
	}

	List<BenchCommand.Result> decideVersusInsertSelect(int certificates) {
		var counties = regions.all().values().stream().filter(r -> r.level() == RegionLevel.COUNTY)
				.map(r -> r.code()).sorted().toArray(String[]::new);
		generate(certificates, counties);
		var cpu = ProcessCpu.of(jdbc);
		var cpuStart = cpu.now();
		var walStart = wal();
		var start = System.nanoTime();
		// issue 18: whether the rate holds as the tables grow, a figure per million certificates read
		var millions = new ConcurrentSkipListMap<Long, long[]>();
		var logged = new AtomicLong();
		var run = bulk.decideAll(read -> {
			// chunks differ in size (a worker's share of what was read): logged as each hundred thousand is passed
			var step = read / 100_000;
			if (step > logged.getAndAccumulate(step, Math::max)) {
				log.info("subsidy: {} certificates decided", read);
			}
			if (read >= 1_000_000 && read < certificates) {
				millions.putIfAbsent(read / 1_000_000, new long[] { read, System.nanoTime() });
			}
		});
		var end = System.nanoTime();
		var seconds = (end - start) / 1e9;
		millions.put((certificates + 999_999L) / 1_000_000, new long[] { certificates, end });
		// REG-4: the decisions' archive lines come after them, one event per chunk; a worker reads the decision when
		// its line is on the archive, so that time is reported too (before issue 17 it was inside the decision)
		var archivedSeconds = untilArchived(start);
		var cpuDecided = cpu.now();
		var walDecided = wal();
		var decided = jdbc.sql("select count(*) from subsidy.decision where certificate_number like 'BENCH-%'")
				.query(Long.class).single();
		if (decided != certificates) {
			throw new IllegalStateException("bench decided " + decided + " of " + certificates);
		}
		var outcomes = jdbc.sql("""
				select outcome || ' ' || count(*) from subsidy.decision where certificate_number like 'BENCH-%'
				group by outcome order by outcome
				""").query(String.class).list();
		log.info("subsidy: {} decided in {} s: {}", run.decided(), String.format("%.1f", seconds), outcomes);

		// the baseline's input vacuumed too, as the decision's was (generate): each side starts on settled rows
		jdbc.sql("vacuum (analyze) subsidy.decision").update();
		jdbc.sql("drop table if exists public.bench_decision").update();
		jdbc.sql("create table public.bench_decision (like subsidy.decision including all)").update();
		var cpuBaselineStart = cpu.now();
		var walBaselineStart = wal();
		var baselineStart = System.nanoTime();
		jdbc.sql("""
				insert into public.bench_decision (scheme, business_key, certificate_id, certificate_number, holder_index,
				    beneficiary_masked, person_id, occupation_code, grade, year, paying_region, paying_path, outcome, code,
				    amount, policy_versions, steps, inputs)
				select scheme, 'copy:' || business_key, certificate_id, certificate_number, holder_index, beneficiary_masked,
				       person_id, occupation_code, grade, year, paying_region, paying_path, outcome, code, amount,
				       policy_versions, steps, inputs
				from subsidy.decision where certificate_number like 'BENCH-%'
				""").update();
		var baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
		var cpuBaseline = cpu.now();
		var walBaseline = wal();
		jdbc.sql("drop table public.bench_decision").update();
		var rate = certificates / seconds;
		var baselineRate = certificates / baselineSeconds;
		var results = new ArrayList<BenchCommand.Result>();
		var previous = new long[] { 0, start };
		// a mark is the first report past a million (chunks differ in size), named by that million
		millions.forEach((million, mark) -> {
			var millionRate = (mark[0] - previous[0]) / ((mark[1] - previous[1]) / 1e9);
			results.add(new BenchCommand.Result("subsidy.decide.to" + million + "M", "cert/s",
					millionRate, "INSERT…SELECT of the decision rows", baselineRate, millionRate / baselineRate,
					String.format("(for information: certificates %,d to %,d, %.1f s)", previous[0] + 1, mark[0],
							(mark[1] - previous[1]) / 1e9), true));
			previous[0] = mark[0];
			previous[1] = mark[1];
		});
		// CPU milliseconds per thousand rows of the JVM and the database: what each side costs whatever else runs
		var decideJvm = (cpuDecided[0] - cpuStart[0]) * 1e6 / certificates;
		var decideDatabase = (cpuDecided[1] - cpuStart[1]) * 1e6 / certificates;
		var baselineCpu = (cpuBaseline[0] - cpuBaselineStart[0] + cpuBaseline[1] - cpuBaselineStart[1]) * 1e6
				/ certificates;
		// for information: what each side wrote to the WAL (full-page images only where full_page_writes is on, which
		// the throwaway bench database leaves off; checkpoints begun in between show whether one fell inside a side)
		log.info("subsidy: WAL per 1,000: decision {} kB ({} full-page images, {} checkpoints), baseline {} kB ({}, {})",
				(walDecided[0] - walStart[0]) / certificates, (walDecided[1] - walStart[1]) * 1000 / certificates,
				walDecided[2] - walStart[2], (walBaseline[0] - walBaselineStart[0]) / certificates,
				(walBaseline[1] - walBaselineStart[1]) * 1000 / certificates, walBaseline[2] - walBaselineStart[2]);
		log.info("subsidy: CPU ms per 1,000: decision JVM {} + database {}; baseline {}", Math.round(decideJvm),
				Math.round(decideDatabase), Math.round(baselineCpu));
		results.add(new BenchCommand.Result("subsidy.decide.cpu", "CPU ms/1000 cert", decideJvm + decideDatabase,
				"INSERT…SELECT, CPU ms/1000 rows", baselineCpu, (decideJvm + decideDatabase) / baselineCpu,
				String.format("(for information: JVM %.0f + database %.0f, until every line was on the archive)",
						decideJvm, decideDatabase), true));
		results.addAll(0, List.of(new BenchCommand.Result("subsidy.decide", "cert/s", rate,
				"INSERT…SELECT of the decision rows", baselineRate, rate / baselineRate,
				String.format("1 M in ≤ 60 s, ≥ 16,667 cert/s (%,d took %.1f s)", certificates, seconds),
				seconds <= 60.0 * certificates / 1_000_000),
				new BenchCommand.Result("subsidy.decide.archived", "cert/s", certificates / archivedSeconds,
						"INSERT…SELECT of the decision rows", baselineRate, certificates / archivedSeconds / baselineRate,
						String.format("(for information: until every decision is on the archive, %.1f s)", archivedSeconds),
						true)));
		return results;
	}

	/** The WAL written so far (bytes, full-page images) and the checkpoints begun. */
	private long[] wal() {
		return jdbc.sql("""
				select w.wal_bytes::bigint, w.wal_fpi, b.checkpoints_timed + b.checkpoints_req
				from pg_stat_wal w, pg_stat_bgwriter b
				""").query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
	}

	/** Seconds from {@code start} until the archive has taken every event published to it. */
	private double untilArchived(long start) {
		while (jdbc.sql("""
				select count(*) from event_publication
				where completion_date is null and listener_id like 'cn.gongjiang.archive.%'
				""").query(Long.class).single() > 0) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * Persons (two certificates each on average), one finished class per county, a completed enrolment behind every
	 * certificate, certificates by type and a grade pyramid over the last year, budgets that run out in a few counties.
	 */
	private void generate(int certificates, String[] counties) {
		var persons = Math.max(1, certificates / 2);
		log.info("subsidy: generating {} persons, {} enrolments and certificates", persons, certificates);
		jdbc.sql("""
				insert into registry.person (id_number_index, id_number_sealed, id_number_masked, name, sex, birth_date,
				    residence_region, residence_path, groups)
				select decode(md5('bench-person-' || i), 'hex'), '\\x00', '330000********' || lpad(cast(i % 10000 as text), 4, '0'),
				       '测试' || i, case when i % 2 = 0 then 'F' else 'M' end, date '1965-01-01' + cast(i % 14000 as integer),
				       c, '/330000/' || substr(c, 1, 4) || '00/' || c || '/',
				       case when i % 7 = 0 then '{industrial-worker}'::text[] else '{}'::text[] end
				from generate_series(1, :n) i, lateral (select (cast(:counties as text[]))[1 + i % :k] as c) county
				on conflict do nothing
				""").param("n", persons).param("counties", counties).param("k", counties.length).update();
		// two classes per county: a person's two trainings are in different classes
		jdbc.sql("""
				insert into training.training_class (provider_code, provider_name, provider_path, occupation_code, kind,
				    capacity, status, code_secret)
				select 'BENCH-' || c || '-' || k, '测试机构', '/330000/' || substr(c, 1, 4) || '00/' || c || '/',
				       '6-18-01-01', 'ON_JOB', 1000000, 'FINISHED', '\\x00'
				from unnest(cast(:counties as text[])) c, generate_series(0, 1) k
				""").param("counties", counties).update();
		jdbc.sql("""
				insert into training.enrolment (class_id, person_index, person_id, id_number_sealed, id_number_masked, name,
				    status, result)
				select k.id, decode(md5('bench-person-' || p), 'hex'), p, '\\x00', '330000********0000', '测试' || p,
				       'COMPLETED', 'PASSED'
				from generate_series(1, :n) i
				cross join lateral (select 1 + (i - 1) % :persons as p, ((i - 1) / :persons) % 2 as twice) person
				join training.training_class k
				  on k.provider_code = 'BENCH-' || (cast(:counties as text[]))[1 + p % :k] || '-' || twice
				""").param("n", certificates).param("persons", persons).param("counties", counties)
				.param("k", counties.length).update();
		jdbc.sql("""
				insert into certification.certificate (number, type, holder_index, holder_name, holder_id_masked,
				    occupation_code, grade, issuer, issued_on, source, training_enrolment_id)
				select 'BENCH-' || e.id,
				       case when e.id % 10 < 6 then 'skill-level' when e.id % 10 < 8 then 'special-ability'
				            else 'training-completion' end,
				       e.person_index, e.name, e.id_number_masked,
				       (array['6-18-01-01', '6-18-02-01', '4-10-01-01', '6-31-01-03', '4-07-05-02', '6-25-01-01'])[1 + e.id % 6],
				       case when e.id % 10 >= 6 then null
				            else (array['junior', 'junior', 'junior', 'intermediate', 'intermediate', 'senior', 'technician',
				                        'senior-technician'])[1 + (e.id / 10) % 8] end,
				       '测试机构', current_date - cast(e.id % 360 as integer), 'bench', e.id
				from training.enrolment e join training.training_class k on k.id = e.class_id
				where k.provider_code like 'BENCH-%'
				""").update();
		jdbc.sql("""
				insert into subsidy.budget (region_code, funding_source, year, allocated)
				select c, 'SKILLS_ACCOUNT', y, case when c like '3311%' then 100000 else 10000000000 end
				from unnest(cast(:counties as text[])) c, generate_series(extract(year from current_date)::int - 1,
				     extract(year from current_date)::int) y
				on conflict (region_code, funding_source, year) do nothing
				""").param("counties", counties).update();
		// as pgbench does after loading: the generated rows vacuumed (hint bits set, pages all-visible) and analyzed,
		// so that the decision does not pay, in its first minutes, for the first reads of rows the generator wrote
		jdbc.sql("vacuum (analyze) registry.person, training.training_class, training.enrolment, certification.certificate,"
				+ " subsidy.budget").update();
		jdbc.sql("analyze").update();
	}
}
