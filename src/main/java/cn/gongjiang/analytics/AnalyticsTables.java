package cn.gongjiang.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.analytics.wage.Quartiles;
import cn.gongjiang.analytics.wage.WageSketch;
import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.certification.HeldCertificates;
import cn.gongjiang.recruitment.OfferedWages;
import cn.gongjiang.registry.PersonFacts;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.training.TrainingRecords;

import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics tables (ANA-1..3), rebuilt whole the way DHIS2 builds its analytics tables: the modules' records
 * are copied in through the streams they publish, then every figure is computed set-based into rows tagged with a
 * new generation. Readers read the last finished generation, so a rebuild never blocks them and never shows half a
 * result; older generations are deleted once the new one is finished. Nightly at 02:30 Beijing time, and whenever a
 * province or city officer asks.
 */
@Service
public class AnalyticsTables {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsTables.class);
	static final String[] GRADES = Arrays.stream(SkillGrade.values()).map(SkillGrade::code).toArray(String[]::new);
	static final List<String> TABLES = List.of("grade_spell", "skilled_count", "skilled_group_count",
			"certified_occupation", "demand_occupation", "training_delivered", "wage_observation", "wage_cell");
	/** The first year a snapshot is kept for: the 2021-2025 plan period and a few years before it. */
	static final int FIRST_YEAR = 2015;

	/** A finished or running rebuild: how long each step took and how many rows it made. */
	public record Rebuild(int generation, String trigger, String requestedBy, Instant startedAt,
			Instant finishedAt, String status, List<Step> steps) {

		public Long millis() {
			return finishedAt == null ? null : Duration.between(startedAt, finishedAt).toMillis();
		}
	}

	public record Step(String step, long rows, long millis) {
	}

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final PersonFacts persons;
	private final HeldCertificates certificates;
	private final TrainingRecords training;
	private final OfferedWages offers;
	private final IncomeBands bands;
	private final AuditLog audit;
	private final JsonMapper json;
	private final Clock clock;
	private final AtomicBoolean running = new AtomicBoolean();

	AnalyticsTables(JdbcClient jdbc, DataSource dataSource, PersonFacts persons, HeldCertificates certificates,
			TrainingRecords training, OfferedWages offers, IncomeBands bands, AuditLog audit, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.persons = persons;
		this.certificates = certificates;
		this.training = training;
		this.offers = offers;
		this.bands = bands;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** The generation readers read: the last finished rebuild, empty before the first. */
	public Optional<Integer> current() {
		return jdbc.sql("select max(generation) from analytics.rebuild where status = 'DONE'").query(Integer.class)
				.optional();
	}

	public Optional<Rebuild> last() {
		return jdbc.sql("select * from analytics.rebuild where status = 'DONE' order by generation desc limit 1")
				.query((rs, i) -> rebuild(rs)).optional();
	}

	public List<Rebuild> recent(int limit) {
		return jdbc.sql("select * from analytics.rebuild order by generation desc limit :limit").param("limit", limit)
				.query((rs, i) -> rebuild(rs)).list();
	}

	public boolean running() {
		return running.get();
	}

	@Scheduled(cron = "${gongjiang.analytics.rebuild-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		if (!running.get()) {
			rebuild("NIGHTLY", "scheduler");
		}
	}

	/** An officer's rebuild on demand: province and city officers (a county's figures come from the same tables). */
	public Rebuild rebuild(Actor actor) {
		if (!(actor.is(Role.PROVINCE_OFFICER) || actor.is(Role.CITY_OFFICER))) {
			throw actor.refuse("analytics.rebuild", "analytics", null);
		}
		audit.record(actor, "analytics.rebuild", "analytics", AuditOutcome.SUCCESS, null);
		return rebuild("OFFICER", actor.username());
	}

	/** Rebuilds every analytics table; one rebuild at a time ({@code analytics.rebuild.running} otherwise). */
	public Rebuild rebuild(String trigger, String requestedBy) {
		if (!running.compareAndSet(false, true)) {
			throw new ConflictException("analytics.rebuild.running");
		}
		var generation = jdbc.sql("insert into analytics.rebuild (trigger, requested_by) values (:t, :by) returning generation")
				.param("t", trigger).param("by", requestedBy).query(Integer.class).single();
		var steps = new ArrayList<Step>();
		try {
			build(generation, steps);
			jdbc.sql("update analytics.rebuild set status = 'DONE', finished_at = now(), steps = cast(:steps as jsonb) "
					+ "where generation = :g").param("steps", json.writeValueAsString(steps)).param("g", generation)
					.update();
			for (var table : TABLES) {
				jdbc.sql("delete from analytics." + table + " where generation < :g").param("g", generation).update();
			}
			log.info("Analytics tables rebuilt (generation {}): {}", generation, steps);
		}
		catch (RuntimeException e) {
			log.error("Analytics rebuild {} failed", generation, e);
			jdbc.sql("update analytics.rebuild set status = 'FAILED', finished_at = now(), error = :e, "
					+ "steps = cast(:steps as jsonb) where generation = :g").param("e", String.valueOf(e.getMessage()))
					.param("steps", json.writeValueAsString(steps)).param("g", generation).update();
			for (var table : TABLES) {
				jdbc.sql("delete from analytics." + table + " where generation = :g").param("g", generation).update();
			}
			throw e;
		}
		finally {
			running.set(false);
		}
		return jdbc.sql("select * from analytics.rebuild where generation = :g").param("g", generation)
				.query((rs, i) -> rebuild(rs)).single();
	}

	private void build(int g, List<Step> steps) {
		var today = LocalDate.now(clock);
		step(steps, "src_person", () -> copy("analytics.src_person (person_id, holder_index, region_path, sex, birth_date, groups, industry_field)",
				out -> persons.forEach(p -> row(out, p.personId(), p.idNumberIndex(), p.regionPath(), p.sex(),
						p.birthDate(), p.groups(), p.industryField()))));
		step(steps, "src_certificate", () -> copy("analytics.src_certificate (holder_index, type, occupation_code, grade, issued_on, revoked_on)",
				out -> certificates.forEach(c -> row(out, c.holderIndex(), c.type(), c.occupationCode(), c.grade(),
						c.issuedOn(), c.revokedOn()))));
		step(steps, "src_demand", () -> copy("analytics.src_demand (id, place_path, occupation_code, grade, headcount, train_headcount, monthly_wage, recorded_on, open)",
				out -> training.forEachDemand(d -> row(out, d.id(), d.placePath(), d.occupationCode(), d.grade(),
						d.headcount(), d.trainHeadcount(), d.monthlyWage(), d.recordedOn(), d.open()))));
		step(steps, "src_enrolment", () -> copy("analytics.src_enrolment (county_path, occupation_code, status, last_day)",
				out -> training.forEachEnrolment(t -> row(out, t.countyPath(), t.occupationCode(), t.status(), t.lastDay()))));
		step(steps, "src_offer", () -> copy("analytics.src_offer (job_id, county_path, occupation_code, min_grade, wage_min, wage_max, posted_on)",
				out -> offers.forEach(o -> row(out, o.jobId(), o.countyPath(), o.occupationCode(), o.minGrade(),
						o.wageMin(), o.wageMax(), o.postedOn()))));
		jdbc.sql("analyze analytics.src_person").update();
		jdbc.sql("analyze analytics.src_certificate").update();
		step(steps, "grade_spell", () -> jdbc.sql("""
				insert into analytics.grade_spell (generation, person_id, holder_index, region_path, industry_field, sex,
				    birth_date, groups, grade_rank, valid_from, valid_to)
				with skill as (
				    select holder_index, array_position(cast(:grades as text[]), grade) as rank, issued_on, revoked_on
				    from analytics.src_certificate
				    where type in ('vocational-qualification', 'skill-level') and grade is not null
				      and array_position(cast(:grades as text[]), grade) >= 2
				      and (revoked_on is null or revoked_on > issued_on)
				), points as (
				    select holder_index, issued_on as day from skill
				    union
				    select holder_index, revoked_on from skill where revoked_on is not null
				), levels as (
				    select p.holder_index, p.day, max(s.rank) as rank
				    from points p left join skill s on s.holder_index = p.holder_index and s.issued_on <= p.day
				         and (s.revoked_on is null or s.revoked_on > p.day)
				    group by p.holder_index, p.day
				), spells as (
				    select holder_index, rank, day as valid_from,
				           lead(day) over (partition by holder_index order by day) as valid_to
				    from levels
				)
				select :g, p.person_id, s.holder_index,
				       case when p.region_path like '/330000/%' then p.region_path else '/330000/' end,
				       coalesce(p.industry_field, ''), coalesce(p.sex, 'U'), p.birth_date, coalesce(p.groups, '{}'),
				       s.rank, s.valid_from, s.valid_to
				from spells s left join analytics.src_person p on p.holder_index = s.holder_index
				where s.rank is not null
				""").param("grades", GRADES).param("g", g).update());
		var dates = Arrays.stream(snapshotDates(today)).map(LocalDate::toString).toArray(String[]::new);
		step(steps, "skilled_count", () -> jdbc.sql("""
				insert into analytics.skilled_count (generation, as_of, region_path, industry_field, grade_rank, sex,
				    age_band, persons)
				select :g, d.as_of, s.region_path, s.industry_field, s.grade_rank, s.sex,
				       case when s.birth_date is null then 'U'
				            when s.birth_date > d.as_of - interval '25 years' then '16-24'
				            when s.birth_date > d.as_of - interval '35 years' then '25-34'
				            when s.birth_date > d.as_of - interval '45 years' then '35-44'
				            when s.birth_date > d.as_of - interval '55 years' then '45-54'
				            when s.birth_date > d.as_of - interval '65 years' then '55-64'
				            else '65+' end, count(*)
				from analytics.grade_spell s
				join unnest(cast(:dates as date[])) d(as_of) on s.valid_from <= d.as_of
				     and (s.valid_to is null or s.valid_to > d.as_of)
				where s.generation = :g
				group by 1, 2, 3, 4, 5, 6, 7
				""").param("g", g).param("dates", dates).update());
		step(steps, "skilled_group_count", () -> jdbc.sql("""
				insert into analytics.skilled_group_count (generation, as_of, region_path, industry_field, person_group,
				    high_skilled, persons)
				select :g, d.as_of, s.region_path, s.industry_field, grp, s.grade_rank >= 4, count(*)
				from analytics.grade_spell s
				join unnest(cast(:dates as date[])) d(as_of) on s.valid_from <= d.as_of
				     and (s.valid_to is null or s.valid_to > d.as_of)
				cross join unnest(s.groups) grp
				where s.generation = :g
				group by 1, 2, 3, 4, 5, 6
				""").param("g", g).param("dates", dates).update());
		step(steps, "certified_occupation", () -> jdbc.sql("""
				insert into analytics.certified_occupation (generation, year, region_path, occupation_code, certificates)
				select :g, extract(year from c.issued_on), case when p.region_path like '/330000/%' then p.region_path
				       else '/330000/' end, c.occupation_code, count(*)
				from analytics.src_certificate c left join analytics.src_person p on p.holder_index = c.holder_index
				where c.occupation_code is not null and c.revoked_on is null
				group by 1, 2, 3, 4
				""").param("g", g).update());
		step(steps, "demand_occupation", () -> jdbc.sql("""
				insert into analytics.demand_occupation (generation, region_path, occupation_code, headcount, train_headcount)
				select :g, place_path, occupation_code, sum(headcount), sum(train_headcount)
				from analytics.src_demand where open group by 1, 2, 3
				""").param("g", g).update());
		step(steps, "training_delivered", () -> jdbc.sql("""
				insert into analytics.training_delivered (generation, year, region_path, enrolled, completed)
				select :g, extract(year from last_day), coalesce(county_path, '/330000/'), count(*),
				       count(*) filter (where status = 'COMPLETED')
				from analytics.src_enrolment where status <> 'WITHDRAWN' group by 1, 2, 3
				""").param("g", g).update());
		step(steps, "wage_observation", () -> observeWages(g));
		var band = bands.current();
		step(steps, "wage_cell", () -> wageCells(g, band.map(IncomeBands.Band::lowerYuan).orElse(null),
				band.map(IncomeBands.Band::upperYuan).orElse(null)));
		for (var table : List.of("skilled_count", "skilled_group_count", "wage_cell", "grade_spell")) {
			jdbc.sql("analyze analytics." + table).update();
		}
	}

	/** 31 December of every year from {@value #FIRST_YEAR} to last year, this and last year's quarter ends, today. */
	static LocalDate[] snapshotDates(LocalDate today) {
		var dates = new TreeSet<LocalDate>();
		for (int year = FIRST_YEAR; year < today.getYear(); year++) {
			dates.add(LocalDate.of(year, 12, 31));
		}
		for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
			for (int month = 3; month <= 12; month += 3) {
				var end = LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
				if (!end.isAfter(today)) {
					dates.add(end);
				}
			}
		}
		dates.add(today);
		return dates.toArray(LocalDate[]::new);
	}

	/**
	 * One observation per person, year and source: the mean of their months, placed where and as what they last
	 * worked that year, graded as reported or else by their certificates at that month's end; one per posting (the
	 * middle of its range) and per demand item with a stated wage.
	 */
	private long observeWages(int g) {
		var persons = jdbc.sql("""
				insert into analytics.wage_observation (generation, year, source, region_path, grade, occupation_group, wage)
				select :g, y.year, y.source, y.region_path,
				       coalesce(y.grade, (cast(:grades as text[]))[s.grade_rank], 'none'),
				       split_part(y.occupation_code, '-', 1) || '-' || split_part(y.occupation_code, '-', 2), y.wage
				from (
				    select distinct on (person_index, extract(year from period), source) person_index,
				           cast(extract(year from period) as integer) as year, source, region_path, grade, occupation_code,
				           (period + interval '1 month' - interval '1 day')::date as month_end,
				           avg(monthly_wage) over (partition by person_index, extract(year from period), source) as wage
				    from analytics.wage_record
				    order by person_index, extract(year from period), source, period desc
				) y
				left join analytics.grade_spell s on s.generation = :g and s.holder_index = y.person_index
				     and s.valid_from <= y.month_end and (s.valid_to is null or s.valid_to > y.month_end)
				""").param("g", g).param("grades", GRADES).update();
		var postings = jdbc.sql("""
				insert into analytics.wage_observation (generation, year, source, region_path, grade, occupation_group, wage)
				select :g, extract(year from posted_on), 'JOB_POSTING', county_path, coalesce(min_grade, 'none'),
				       split_part(occupation_code, '-', 1) || '-' || split_part(occupation_code, '-', 2),
				       case when wage_min is not null and wage_max is not null then (wage_min + wage_max) / 2.0
				            else coalesce(wage_min, wage_max) end
				from analytics.src_offer
				""").param("g", g).update();
		var demand = jdbc.sql("""
				insert into analytics.wage_observation (generation, year, source, region_path, grade, occupation_group, wage)
				select :g, extract(year from recorded_on), 'DEMAND', place_path, coalesce(grade, 'none'),
				       split_part(occupation_code, '-', 1) || '-' || split_part(occupation_code, '-', 2), monthly_wage
				from analytics.src_demand where monthly_wage is not null
				""").param("g", g).update();
		return persons + postings + demand;
	}

	/**
	 * The wage cells of every county: each grade × occupation group, each grade over all groups ({@code *}), each
	 * group over all grades and the county's total, with exact quartiles, the band counts and the cell's sketch.
	 * Read one county block at a time in order, so memory holds one county's wages at most.
	 */
	private long wageCells(int g, Integer lower, Integer upper) {
		var batch = new ArrayList<Map<String, Object>>();
		var block = new Object() {
			String key;
			Map<List<String>, DoubleList> cells = new HashMap<>();
		};
		var written = new long[1];
		Runnable flush = () -> {
			if (block.key == null) {
				return;
			}
			var parts = block.key.split("\\|", 3);
			for (var e : block.cells.entrySet()) {
				var values = e.getValue().sorted();
				long inBand = 0, below = 0;
				var sketch = WageSketch.empty();
				for (var v : values) {
					sketch.add(v);
					if (lower != null && v < lower) {
						below++;
					}
					else if (lower != null && v <= upper) {
						inBand++;
					}
				}
				var row = new LinkedHashMap<String, Object>();
				row.put("g", g);
				row.put("year", Integer.parseInt(parts[0]));
				row.put("source", parts[1]);
				row.put("region", parts[2]);
				row.put("grade", e.getKey().get(0));
				row.put("group", e.getKey().get(1));
				row.put("persons", values.length);
				row.put("inBand", inBand);
				row.put("below", below);
				row.put("p25", Quartiles.percentileCont(values, 0.25));
				row.put("p50", Quartiles.percentileCont(values, 0.5));
				row.put("p75", Quartiles.percentileCont(values, 0.75));
				row.put("digest", sketch.bytes());
				batch.add(row);
			}
			written[0] += block.cells.size();
			block.cells = new HashMap<>();
			if (batch.size() >= 2_000) {
				insertCells(batch);
			}
		};
		var template = new JdbcTemplate(dataSource);
		template.setFetchSize(20_000);
		new TransactionTemplate(
				new DataSourceTransactionManager(dataSource))
				.executeWithoutResult(tx -> template.query("""
						select year, source, region_path, grade, occupation_group, wage from analytics.wage_observation
						where generation = ? order by year, source, region_path
						""", rs -> {
					var key = rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
					if (!key.equals(block.key)) {
						flush.run();
						block.key = key;
					}
					var grade = rs.getString(4);
					var group = rs.getString(5);
					var wage = rs.getDouble(6);
					for (var k : List.of(List.of(grade, group), List.of(grade, "*"), List.of("*", group), List.of("*", "*"))) {
						block.cells.computeIfAbsent(k, x -> new DoubleList()).add(wage);
					}
				}, g));
		flush.run();
		insertCells(batch);
		return written[0];
	}

	private void insertCells(List<Map<String, Object>> batch) {
		if (batch.isEmpty()) {
			return;
		}
		var named = new NamedParameterJdbcTemplate(dataSource);
		named.batchUpdate("""
				insert into analytics.wage_cell (generation, year, source, region_path, grade, occupation_group, persons,
				    in_band, below_band, p25, p50, p75, digest)
				values (:g, :year, :source, :region, :grade, :group, :persons, :inBand, :below, :p25, :p50, :p75, :digest)
				""", batch.stream().map(MapSqlParameterSource::new)
				.toArray(SqlParameterSource[]::new));
		batch.clear();
	}

	/** A growable list of doubles, without boxing a wage per row. */
	private static final class DoubleList {
		private double[] values = new double[16];
		private int size;

		void add(double v) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = v;
		}

		double[] sorted() {
			var copy = Arrays.copyOf(values, size);
			Arrays.sort(copy);
			return copy;
		}
	}

	private void step(List<Step> steps, String name, LongSupplier work) {
		var start = System.nanoTime();
		var rows = work.getAsLong();
		steps.add(new Step(name, rows, (System.nanoTime() - start) / 1_000_000));
	}

	/** Empties {@code table} and fills it by COPY from what {@code producer} writes, in PostgreSQL's CSV. */
	private long copy(String tableWithColumns, ToLongFunction<Writer> producer) {
		var table = tableWithColumns.substring(0, tableWithColumns.indexOf(' '));
		jdbc.sql("truncate " + table).update();
		try (var connection = dataSource.getConnection()) {
			var copyOut = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
					"copy " + tableWithColumns + " from stdin with (format csv)", 1 << 16);
			try (var writer = new BufferedWriter(new OutputStreamWriter(copyOut, StandardCharsets.UTF_8), 1 << 16)) {
				return producer.applyAsLong(writer);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot copy into " + table, e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** One CSV row: null as an empty field, bytes as bytea hex, lists as array literals, text quoted. */
	static void row(Writer out, Object... values) {
		try {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					out.write(',');
				}
				var v = values[i];
				if (v == null) {
					continue;
				}
				if (v instanceof byte[] bytes) {
					out.write("\\x");
					out.write(HexFormat.of().formatHex(bytes));
				}
				else if (v instanceof IdNumberIndex index) {
					out.write(index.copyText());
				}
				else if (v instanceof List<?> list) {
					out.write('"');
					out.write('{');
					for (int j = 0; j < list.size(); j++) {
						if (j > 0) {
							out.write(',');
						}
						out.write(list.get(j).toString().replace("\"", "").replace(",", "").replace("{", "").replace("}", ""));
					}
					out.write('}');
					out.write('"');
				}
				else if (v instanceof Number || v instanceof Boolean || v instanceof LocalDate) {
					out.write(v.toString());
				}
				else {
					out.write('"');
					out.write(v.toString().replace("\"", "\"\""));
					out.write('"');
				}
			}
			out.write('\n');
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Rebuild rebuild(ResultSet rs) throws SQLException {
		var finished = rs.getTimestamp("finished_at");
		List<Step> steps = List.of();
		try {
			steps = List.of(json.readValue(rs.getString("steps"), Step[].class));
		}
		catch (RuntimeException e) {
			log.warn("unreadable rebuild steps {}", rs.getInt("generation"));
		}
		return new Rebuild(rs.getInt("generation"), rs.getString("trigger"), rs.getString("requested_by"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getString("status"), steps);
	}
}
