package cn.gongjiang.recruitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;

/** The job postings table (REC-1). Every change names the version it was made against: zero rows is a lost race. */
@Repository
class Jobs {

	static final Map<String, String> SORTS = Map.of("closes", "j.closes_on", "updated", "j.updated_at", "title", "j.title");

	/** What is stored: the form resolved (enterprise named and placed, county placed). */
	record Row(String enterpriseCode, String enterpriseName, String enterprisePath, String title, String occupationCode,
			String minGrade, int headcount, String county, String countyPath, Integer wageMin, Integer wageMax,
			LocalDate startsOn, LocalDate closesOn, String requirements, boolean graduatesSought, Long demandItemId,
			String source, String postedBy) {
	}

	/** What a list narrows by: status, occupation (or its group, as a code prefix), and the places in scope. */
	record Filter(String status, String occupationPrefix, String countyPath, String enterpriseCode, String scopePath) {
	}

	private final JdbcClient jdbc;

	Jobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Row r) {
		return jdbc.sql("""
				insert into recruitment.job (enterprise_code, enterprise_name, enterprise_path, title, occupation_code,
				    min_grade, headcount, county, county_path, wage_min, wage_max, starts_on, closes_on, requirements,
				    graduates_sought, demand_item_id, source, posted_by)
				values (:enterprise, :enterpriseName, :enterprisePath, :title, :occupation, :grade, :headcount, :county,
				    :countyPath, :wageMin, :wageMax, :starts, :closes, :requirements, :graduates, :demand, :source, :by)
				returning id
				""").params(params(r)).query(Long.class).single();
	}

	boolean update(long id, int version, Row r) {
		var parameters = params(r);
		parameters.put("id", id);
		parameters.put("version", version);
		return jdbc.sql("""
				update recruitment.job set title = :title, occupation_code = :occupation, min_grade = :grade,
				    headcount = :headcount, county = :county, county_path = :countyPath, wage_min = :wageMin,
				    wage_max = :wageMax, starts_on = :starts, closes_on = :closes, requirements = :requirements,
				    graduates_sought = :graduates, updated_at = now(), version = version + 1
				where id = :id and version = :version and status in ('DRAFT', 'OPEN')
				""").params(parameters).update() == 1;
	}

	/** Moves a posting from one state to another against the version seen; false when someone else moved first. */
	boolean move(long id, int version, JobPosting.Status from, JobPosting.Status to) {
		return jdbc.sql("""
				update recruitment.job set status = :to, updated_at = now(), version = version + 1
				where id = :id and version = :version and status = :from
				""").param("id", id).param("version", version).param("from", from.name()).param("to", to.name())
				.update() == 1;
	}

	/** One more hire; the posting is filled when the hires reach its headcount. */
	void hired(long id) {
		jdbc.sql("""
				update recruitment.job set hired = hired + 1,
				    status = case when hired + 1 >= headcount then 'FILLED' else status end,
				    updated_at = now(), version = version + 1
				where id = :id
				""").param("id", id).update();
	}

	/** Closes open postings whose closing date has passed. */
	int closeExpired(LocalDate today) {
		return jdbc.sql("""
				update recruitment.job set status = 'CLOSED', updated_at = now(), version = version + 1
				where status = 'OPEN' and closes_on < :today
				""").param("today", today).update();
	}

	Optional<JobPosting> find(long id) {
		return jdbc.sql("select j.* from recruitment.job j where j.id = :id").param("id", id).query(Jobs::map).optional();
	}

	String countyPath(long id) {
		return jdbc.sql("select county_path from recruitment.job where id = :id").param("id", id).query(String.class)
				.single();
	}

	String enterprisePath(long id) {
		return jdbc.sql("select enterprise_path from recruitment.job where id = :id").param("id", id)
				.query(String.class).single();
	}

	Page<JobPosting> page(Filter filter, PageRequest request) {
		var where = new StringBuilder("true");
		var parameters = new HashMap<String, Object>();
		if (filter.status() != null) {
			where.append(" and j.status = :status");
			parameters.put("status", filter.status());
		}
		if (filter.occupationPrefix() != null) {
			where.append(" and j.occupation_code like :occupation || '%'");
			parameters.put("occupation", filter.occupationPrefix());
		}
		if (filter.countyPath() != null) {
			where.append(" and j.county_path like :county || '%'");
			parameters.put("county", filter.countyPath());
		}
		if (filter.enterpriseCode() != null) {
			where.append(" and j.enterprise_code = :enterprise");
			parameters.put("enterprise", filter.enterpriseCode());
		}
		if (filter.scopePath() != null) {
			where.append(" and (j.county_path like :scope || '%' or j.enterprise_path like :scope || '%')");
			parameters.put("scope", filter.scopePath());
		}
		var total = jdbc.sql("select count(*) from recruitment.job j where " + where).params(parameters)
				.query(Long.class).single();
		var rows = jdbc.sql("select j.* from recruitment.job j where " + where + " order by "
				+ request.orderBy(SORTS, "j.id") + " limit :limit offset :offset").params(parameters)
				.param("limit", request.size()).param("offset", request.offset()).query(Jobs::map).list();
		return Page.of(rows, total, request);
	}

	/** An open posting with the path of its place of work, as matching reads it. */
	record Open(JobPosting posting, String countyPath) {
	}

	/**
	 * Open postings in any of the middle groups of the classification (中类, e.g. {@code 6-18}), soonest closing first,
	 * at most {@code limit}: one index range per group, each already in closing order.
	 */
	List<Open> openIn(List<String> groups, int limit) {
		if (groups.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select j.* from unnest(cast(:groups as text[])) g (occupation_group)
				cross join lateral (select * from recruitment.job j
				    where j.status = 'OPEN' and j.occupation_group = g.occupation_group
				    order by j.closes_on, j.id limit :limit) j
				order by j.closes_on, j.id limit :limit
				""").param("groups", groups.toArray(String[]::new)).param("limit", limit)
				.query((rs, i) -> new Open(map(rs, i), rs.getString("county_path"))).list();
	}

	private static Map<String, Object> params(Row r) {
		var parameters = new HashMap<String, Object>();
		parameters.put("enterprise", r.enterpriseCode());
		parameters.put("enterpriseName", r.enterpriseName());
		parameters.put("enterprisePath", r.enterprisePath());
		parameters.put("title", r.title());
		parameters.put("occupation", r.occupationCode());
		parameters.put("grade", r.minGrade());
		parameters.put("headcount", r.headcount());
		parameters.put("county", r.county());
		parameters.put("countyPath", r.countyPath());
		parameters.put("wageMin", r.wageMin());
		parameters.put("wageMax", r.wageMax());
		parameters.put("starts", r.startsOn());
		parameters.put("closes", r.closesOn());
		parameters.put("requirements", r.requirements());
		parameters.put("graduates", r.graduatesSought());
		parameters.put("demand", r.demandItemId());
		parameters.put("source", r.source());
		parameters.put("by", r.postedBy());
		return parameters;
	}

	static JobPosting map(ResultSet rs, int row) throws SQLException {
		return new JobPosting(rs.getLong("id"), rs.getString("enterprise_code"), rs.getString("enterprise_name"),
				rs.getString("title"), rs.getString("occupation_code"), rs.getString("min_grade"), rs.getInt("headcount"),
				rs.getString("county"), (Integer) rs.getObject("wage_min"), (Integer) rs.getObject("wage_max"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
				rs.getString("requirements"), rs.getBoolean("graduates_sought"), (Long) rs.getObject("demand_item_id"),
				rs.getString("source"), rs.getString("posted_by"), JobPosting.Status.valueOf(rs.getString("status")),
				rs.getInt("hired"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant());
	}
}
