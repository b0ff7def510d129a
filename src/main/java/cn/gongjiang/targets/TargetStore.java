package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.gongjiang.shared.security.Actor;

/** Targets with their actuals on a date, in one statement: the rollup for computed facts, the latest return otherwise. */
@Repository
class TargetStore {

	/** A target and what the records say on the as-of date. */
	record Measured(Target target, BigDecimal actual, String actualSource) {
	}

	/** Which targets: every filter may be null. {@code parentCode}: the direct children of that region. */
	record Filter(String indicator, String regionCode, String parentCode, String department, Integer year) {
	}

	private final JdbcClient jdbc;

	TargetStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Indicator> indicators() {
		return jdbc.sql("select * from targets.indicator order by sort").query(Indicator.class).list();
	}

	List<Measured> measured(Actor actor, Filter filter, LocalDate asOf) {
		return TargetScope.bind(jdbc.sql("select t.*, " + TargetScope.DEPARTMENT + """
				, i.fact, a.computed, r.value as reported, r.status as reported_status
				from targets.target t
				join targets.indicator i on i.code = t.indicator
				left join lateral (
				    select coalesce(sum(d.amount), 0) as computed from targets.actual_daily d
				    where d.fact = i.fact and d.region_code = t.region_code
				      and d.day <= least(cast(:asOf as date), t.period_end)
				      and (t.period_kind = 'CUMULATIVE' or d.day >= t.period_start)
				) a on i.fact is not null and t.region_code is not null
				left join lateral (
				    select r.value, r.status from targets.return_report r
				    where r.indicator = t.indicator and r.region_code is not distinct from t.region_code
				      and r.status <> 'RETURNED'
				      and (t.region_code is not null or (r.task_line_id is not distinct from t.task_line_id
				           and r.label is not distinct from t.label))
				      and r.as_of <= least(cast(:asOf as date), t.period_end)
				      and (t.period_kind = 'CUMULATIVE' or r.as_of >= t.period_start)
				    order by r.as_of desc limit 1
				) r on i.fact is null
				where """ + TargetScope.VISIBLE + """
				  and (cast(:indicator as text) is null or t.indicator = :indicator)
				  and (cast(:region as text) is null or t.region_code = :region)
				  and (cast(:parent as text) is null or (t.region_path like '%/' || :parent || '/%'
				       and t.region_path ~ ('/' || :parent || '/[0-9]+/$')))
				  and (cast(:department as text) is null or """ + TargetScope.OF_DEPARTMENT + """
				  )
				  and (cast(:year as integer) is null
				       or (extract(year from t.period_start) <= :year and extract(year from t.period_end) >= :year))
				order by i.sort, t.region_code nulls last, department, t.label, t.period_start, t.period_end
				"""), actor)
				.param("asOf", asOf).param("indicator", filter.indicator()).param("region", filter.regionCode())
				.param("parent", filter.parentCode()).param("department", filter.department())
				.param("year", filter.year())
				.query(TargetStore::measured).list();
	}

	/** An indicator with a target in a year, and whether the platform or a return says anything about it then. */
	record Activity(String indicator, int sort, int year, boolean data) {
	}

	/**
	 * For the dashboard's opening view: every indicator with a target of {@code targetsOf} or of its direct children
	 * in some year, and whether anything was counted or reported for it in that year where the dashboard shows it:
	 * the platform's count at {@code dataAt}, or a return by a region whose target it is (by {@code dataAt} itself
	 * for a county, which has no targets). Ranges are left out, as the dashboard leaves them out.
	 */
	List<Activity> activity(String targetsOf, String dataAt, boolean county) {
		return jdbc.sql("""
				with candidate as (
				    select distinct t.indicator, i.fact, i.sort, t.region_code, cast(y.year as integer) as year
				    from targets.target t
				    join targets.indicator i on i.code = t.indicator
				    cross join lateral generate_series(cast(extract(year from t.period_start) as integer),
				        cast(extract(year from t.period_end) as integer)) y(year)
				    where t.period_kind <> 'RANGE' and t.region_code is not null
				      and (t.region_code = :region or t.region_path ~ ('/' || :region || '/[0-9]+/$'))
				)
				select c.indicator, c.sort, c.year, bool_or(
				    case when c.fact is not null then coalesce((select sum(d.amount) from targets.actual_daily d
				             where d.fact = c.fact and d.region_code = :dataAt
				               and d.day between make_date(c.year, 1, 1) and make_date(c.year, 12, 31)), 0) > 0
				         else exists (select 1 from targets.return_report r
				             where r.indicator = c.indicator and r.status <> 'RETURNED'
				               and r.region_code = case when :county then :dataAt else c.region_code end
				               and extract(year from r.as_of) = c.year)
				    end) as data
				from candidate c
				group by c.indicator, c.sort, c.year
				order by c.year, c.sort
				""").param("region", targetsOf).param("dataAt", dataAt).param("county", county)
				.query(Activity.class).list();
	}

	/** The years some target covers, for a year picker. */
	List<Integer> years() {
		return jdbc.sql("""
				select distinct cast(generate_series(cast(extract(year from period_start) as integer),
				    cast(extract(year from period_end) as integer)) as integer) as y
				from targets.target order by 1
				""").query(Integer.class).list();
	}

	/** Each task line's activity (or measure where it names none), for naming a department's figure. */
	Map<Integer, String> taskLineNames() {
		var names = new LinkedHashMap<Integer, String>();
		jdbc.sql("select id, coalesce(activity, measure) as name from targets.task_line order by id")
				.query((rs, i) -> names.put(rs.getInt("id"), rs.getString("name"))).list();
		return names;
	}

	/** A region's own latest return for an indicator between two days (not one sent back), or null. */
	BigDecimal latestReturn(String indicator, String regionCode, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				select value from targets.return_report
				where indicator = :indicator and region_code = :region and status <> 'RETURNED'
				  and as_of <= :until and as_of >= coalesce(cast(:from as date), date '-infinity')
				order by as_of desc limit 1
				""").param("indicator", indicator).param("region", regionCode).param("from", from)
				.param("until", until).query(BigDecimal.class).optional().orElse(null);
	}

	private static Measured measured(ResultSet rs, int row) throws SQLException {
		var target = new Target(rs.getLong("id"), rs.getString("indicator"), rs.getString("region_code"),
				rs.getString("region_path"), rs.getString("department"), rs.getString("label"),
				(Integer) rs.getObject("task_line_id"), PeriodKind.valueOf(rs.getString("period_kind")),
				rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
				Comparison.valueOf(rs.getString("comparator")), rs.getBigDecimal("value"), rs.getString("document"),
				rs.getString("section"));
		if (rs.getString("fact") != null) {
			return new Measured(target, target.regionCode() == null ? null : rs.getBigDecimal("computed"), "COMPUTED");
		}
		return new Measured(target, rs.getBigDecimal("reported"), rs.getString("reported_status"));
	}
}
