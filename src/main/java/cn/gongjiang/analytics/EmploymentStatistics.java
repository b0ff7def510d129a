package cn.gongjiang.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;

/**
 * Employed persons (从业人员) per region and year (ANA-1): the denominator of the skilled share, from the statistics
 * bureau's documents, entered by form or by import kind {@code employment-statistics}. A changed figure supersedes
 * the old one (kept as history); the same figure again changes nothing.
 */
@Service
public class EmploymentStatistics {

	static final Map<String, String> SORTS = Map.of("year", "s.year", "region", "s.region_path", "employed", "s.employed");

	/** A figure in force: the region, the year, how many, from which document, entered by whom and when. */
	public record Figure(long id, String regionCode, int year, long employed, String source, String recordedBy,
			Instant recordedAt) {
	}

	/** What an officer types. */
	public record Form(String region, Integer year, Long employed, String source) {
	}

	/** A checked figure, ready to store. */
	record Checked(String regionCode, String regionPath, int year, long employed, String source) {
	}

	private final JdbcClient jdbc;
	private final AnalyticsScope scope;
	private final AuditLog audit;
	private final Clock clock;

	EmploymentStatistics(JdbcClient jdbc, AnalyticsScope scope, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
	}

	/** Regional officers record figures for their region and the regions under it. */
	static boolean mayRecord(Actor actor) {
		return actor.regionalOfficer();
	}

	@Transactional
	public Figure record(Actor actor, Form form) {
		if (!mayRecord(actor)) {
			throw new AccessDeniedException("regional officers record employment statistics");
		}
		var checked = check(actor, form);
		var current = current(checked.regionCode(), checked.year());
		if (current.isPresent() && current.get().employed() == checked.employed()
				&& current.get().source().equals(checked.source())) {
			return current.get();
		}
		jdbc.sql("update analytics.employment_statistic set superseded_at = now() where region_code = :r and year = :y "
				+ "and superseded_at is null").param("r", checked.regionCode()).param("y", checked.year()).update();
		jdbc.sql("""
				insert into analytics.employment_statistic (region_code, region_path, year, employed, source, recorded_by)
				values (:r, :path, :y, :employed, :source, :by)
				""").param("r", checked.regionCode()).param("path", checked.regionPath()).param("y", checked.year())
				.param("employed", checked.employed()).param("source", checked.source()).param("by", actor.username())
				.update();
		audit.record(actor, "analytics.employment.record", checked.regionCode() + ":" + checked.year(),
				AuditOutcome.SUCCESS, String.valueOf(checked.employed()));
		return current(checked.regionCode(), checked.year()).orElseThrow();
	}

	/** The rules of a figure, for the form and the import alike; the first broken one is thrown. */
	Checked check(Actor actor, Form form) {
		if (form.region() == null || form.region().isBlank()) {
			throw InvalidValueException.of("region", "analytics.employment.region.required");
		}
		var region = BusinessException.about("region", () -> scope.regions().lookup(RegionCode.of(form.region())))
				.filter(r -> r.level() != RegionLevel.TOWNSHIP)
				.orElseThrow(() -> InvalidValueException.of("region", "analytics.employment.region.unknown",
						form.region()));
		if (!actor.scope().covers(region.path())) {
			throw new AccessDeniedException("outside the officer's region");
		}
		var thisYear = LocalDate.now(clock).getYear();
		if (form.year() == null || form.year() < 2000 || form.year() > thisYear) {
			throw InvalidValueException.of("year", "analytics.employment.year.invalid", form.year(), thisYear);
		}
		if (form.employed() == null || form.employed() <= 0 || form.employed() > 100_000_000L) {
			throw InvalidValueException.of("employed", "analytics.employment.employed.invalid", form.employed());
		}
		if (form.source() == null || form.source().isBlank() || form.source().strip().length() > 200) {
			throw InvalidValueException.of("source", "analytics.employment.source.required");
		}
		return new Checked(region.code(), region.path(), form.year(), form.employed(), form.source().strip());
	}

	@Transactional(readOnly = true)
	public Optional<Figure> current(String regionCode, int year) {
		return jdbc.sql("select * from analytics.employment_statistic s where region_code = :r and year = :y "
				+ "and superseded_at is null").param("r", regionCode).param("y", year).query((rs, i) -> figure(rs))
				.optional();
	}

	/** The latest figure of each region up to {@code year}, for a share "now" (the year said beside it). */
	@Transactional(readOnly = true)
	public Map<String, Figure> latest(Collection<String> regionCodes, int upToYear, boolean exactYear) {
		var result = new HashMap<String, Figure>();
		if (regionCodes.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select distinct on (region_code) * from analytics.employment_statistic s
				where region_code = any(:codes) and superseded_at is null and year <= :y and (not :exact or year = :y)
				order by region_code, year desc
				""").param("codes", regionCodes.toArray(String[]::new)).param("y", upToYear).param("exact", exactYear)
				.query((rs, i) -> result.put(rs.getString("region_code"), figure(rs))).list();
		return result;
	}

	/** The figures in force in an officer's region, newest year first, paged. */
	@Transactional(readOnly = true)
	public Page<Figure> list(Actor actor, String region, Integer year, PageRequest request) {
		var within = region == null || region.isBlank() ? scope.region(actor, null) : scope.region(actor, region);
		var where = "s.superseded_at is null and s.region_path like :path || '%' and (cast(:year as integer) is null or s.year = :year)";
		var total = jdbc.sql("select count(*) from analytics.employment_statistic s where " + where)
				.param("path", within.path()).param("year", year).query(Long.class).single();
		var rows = jdbc.sql("select * from analytics.employment_statistic s where " + where + " order by "
				+ request.orderBy(SORTS, "s.id") + " limit :limit offset :offset").param("path", within.path())
				.param("year", year).param("limit", request.size()).param("offset", request.offset())
				.query((rs, i) -> figure(rs)).list();
		return Page.of(rows, total, request);
	}

	/** Earlier figures of one region and year, newest first: what was superseded and when. */
	@Transactional(readOnly = true)
	public List<Figure> history(Actor actor, String region, int year) {
		var r = scope.region(actor, region);
		return jdbc.sql("select * from analytics.employment_statistic s where region_code = :r and year = :y "
				+ "order by id desc").param("r", r.code()).param("y", year).query((rs, i) -> figure(rs)).list();
	}

	private static Figure figure(ResultSet rs) throws SQLException {
		return new Figure(rs.getLong("id"), rs.getString("region_code"), rs.getInt("year"), rs.getLong("employed"),
				rs.getString("source"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
	}
}
