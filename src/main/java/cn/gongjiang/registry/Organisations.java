package cn.gongjiang.registry;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.DataScope;

/**
 * Enterprises and providers: visible to the officers of their county's region and to themselves (their credit code).
 */
@Repository
class Organisations {

	static final String VISIBLE = """
			((:scopeKind = 'REGION' and o.region_path like :scopePath || '%')
			 or (:scopeKind = 'ORGANISATION' and o.credit_code = :scopeOrganisation))
			""";

	// "the same organisation again", shared by the API and the bulk import: write only what differs
	static final String ENTERPRISE_CONFLICT = """
			on conflict (credit_code) do update set
			    name = excluded.name, region = excluded.region, region_path = excluded.region_path,
			    industry_field = excluded.industry_field, cluster = excluded.cluster, size = excluded.size,
			    key_enterprise = excluded.key_enterprise, key_reason = excluded.key_reason,
			    skill_based_status = excluded.skill_based_status, skill_based_year = excluded.skill_based_year,
			    eight_grade_pilot = excluded.eight_grade_pilot, updated_at = now(), version = t.version + 1
			where (t.name, t.region, t.industry_field, t.cluster, t.size, t.key_enterprise, t.key_reason,
			       t.skill_based_status, t.skill_based_year, t.eight_grade_pilot)
			      is distinct from
			      (excluded.name, excluded.region, excluded.industry_field, excluded.cluster, excluded.size,
			       excluded.key_enterprise, excluded.key_reason, excluded.skill_based_status,
			       excluded.skill_based_year, excluded.eight_grade_pilot)
			""";

	static final String PROVIDER_CONFLICT = """
			on conflict (credit_code) do update set
			    name = excluded.name, kind = excluded.kind, licence_number = excluded.licence_number,
			    licence_valid_until = excluded.licence_valid_until, region = excluded.region,
			    region_path = excluded.region_path, star_rating = excluded.star_rating,
			    star_year = excluded.star_year, status = excluded.status, status_reason = excluded.status_reason,
			    status_date = excluded.status_date, updated_at = now(), version = t.version + 1
			where (t.name, t.kind, t.licence_number, t.licence_valid_until, t.region, t.star_rating, t.star_year,
			       t.status, t.status_reason, t.status_date)
			      is distinct from
			      (excluded.name, excluded.kind, excluded.licence_number, excluded.licence_valid_until,
			       excluded.region, excluded.star_rating, excluded.star_year, excluded.status,
			       excluded.status_reason, excluded.status_date)
			""";

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Enterprise> enterprise(long id, DataScope scope) {
		return RegistryScope.bind(jdbc.sql("select * from registry.enterprise o where o.id = :id and " + VISIBLE)
				.param("id", id), scope).query(Enterprise.class).optional();
	}

	List<Enterprise> enterprises(String creditCode, String name, DataScope scope, int limit) {
		return RegistryScope.bind(jdbc.sql("select * from registry.enterprise o where " + VISIBLE + """
				and (cast(:credit as text) is null or o.credit_code = :credit)
				and (cast(:name as text) is null or o.name like '%' || :name || '%')
				order by o.name limit :limit
				""").param("credit", creditCode).param("name", name).param("limit", limit), scope)
				.query(Enterprise.class).list();
	}

	long upsertEnterprise(Enterprise e, String regionPath) {
		return jdbc.sql("""
				insert into registry.enterprise as t (credit_code, name, region, region_path, industry_field, cluster,
				    size, key_enterprise, key_reason, skill_based_status, skill_based_year, eight_grade_pilot)
				values (:credit, :name, :region, :path, :field, :cluster, :size, :key, :keyReason, :skill, :skillYear,
				    :pilot)
				""" + ENTERPRISE_CONFLICT + """
				returning id
				""")
				.param("credit", e.creditCode()).param("name", e.name()).param("region", e.region())
				.param("path", regionPath).param("field", e.industryField()).param("cluster", e.cluster())
				.param("size", e.size()).param("key", e.keyEnterprise()).param("keyReason", e.keyReason())
				.param("skill", e.skillBasedStatus()).param("skillYear", e.skillBasedYear())
				.param("pilot", e.eightGradePilot())
				.query(Long.class).optional()
				.orElseGet(() -> jdbc.sql("select id from registry.enterprise where credit_code = :credit")
						.param("credit", e.creditCode()).query(Long.class).single());
	}

	Optional<Provider> provider(long id, DataScope scope) {
		return RegistryScope.bind(jdbc.sql("select * from registry.provider o where o.id = :id and " + VISIBLE)
				.param("id", id), scope).query(Provider.class).optional();
	}

	List<Provider> providers(String creditCode, String name, DataScope scope, int limit) {
		return RegistryScope.bind(jdbc.sql("select * from registry.provider o where " + VISIBLE + """
				and (cast(:credit as text) is null or o.credit_code = :credit)
				and (cast(:name as text) is null or o.name like '%' || :name || '%')
				order by o.name limit :limit
				""").param("credit", creditCode).param("name", name).param("limit", limit), scope)
				.query(Provider.class).list();
	}

	/** The sort columns the enterprise and provider lists offer (X-4: a whitelist, never a spliced name). */
	static final Map<String, String> SORTS = Map.of("name", "o.name", "region", "o.region");

	/** One page of the enterprises in scope, with the total; only the filter's own predicates are in the SQL. */
	Page<Enterprise> enterprisePage(DataScope scope, OrganisationFilter filter, String regionPath,
			PageRequest request) {
		var where = new StringBuilder(VISIBLE);
		var parameters = new HashMap<String, Object>();
		common(filter, regionPath, where, parameters);
		if (filter.field() != null) {
			where.append(" and o.industry_field = :field");
			parameters.put("field", filter.field());
		}
		if (filter.size() != null) {
			where.append(" and o.size = :size");
			parameters.put("size", filter.size());
		}
		if (Boolean.TRUE.equals(filter.key())) {
			where.append(" and o.key_enterprise");
		}
		return page("registry.enterprise", Enterprise.class, scope, where, parameters, request);
	}

	/** One page of the providers in scope, with the total. */
	Page<Provider> providerPage(DataScope scope, OrganisationFilter filter, String regionPath,
			PageRequest request) {
		var where = new StringBuilder(VISIBLE);
		var parameters = new HashMap<String, Object>();
		common(filter, regionPath, where, parameters);
		if (filter.kind() != null) {
			where.append(" and o.kind = :kind");
			parameters.put("kind", filter.kind());
		}
		if (filter.status() != null) {
			where.append(" and o.status = :status");
			parameters.put("status", filter.status());
		}
		return page("registry.provider", Provider.class, scope, where, parameters, request);
	}

	private <T> Page<T> page(String table, Class<T> type, DataScope scope, StringBuilder where,
			Map<String, Object> parameters, PageRequest request) {
		var total = RegistryScope.bind(jdbc.sql("select count(*) from " + table + " o where " + where)
				.params(parameters), scope).query(Long.class).single();
		var rows = RegistryScope.bind(jdbc.sql("select * from " + table + " o where " + where + " order by "
				+ request.orderBy(SORTS, "o.id") + " limit :limit offset :offset").params(parameters)
				.param("limit", request.size()).param("offset", request.offset()), scope).query(type).list();
		return Page.of(rows, total, request);
	}

	private static void common(OrganisationFilter filter, String regionPath, StringBuilder where,
			Map<String, Object> parameters) {
		if (filter.name() != null) {
			where.append(" and o.name like '%' || :name || '%'");
			parameters.put("name", filter.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
		}
		if (regionPath != null) {
			where.append(" and o.region_path like :regionPath || '%'");
			parameters.put("regionPath", regionPath);
		}
	}

	/** Organisations whose name contains {@code name}, whoever asks: names of registered organisations are public. */
	List<Map.Entry<String, String>> named(String table, String name, Set<String> kinds, int limit) {
		var kindFilter = kinds == null ? "" : " and o.kind = any(:kinds)";
		var statement = jdbc.sql("select o.credit_code, o.name from " + table + " o where o.name like '%' || :name || '%'"
				+ kindFilter + " order by length(o.name), o.name limit :limit")
				.param("name", name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")).param("limit", limit);
		if (kinds != null) {
			statement = statement.param("kinds", kinds.toArray(String[]::new));
		}
		return statement.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list();
	}

	Optional<Enterprise> enterpriseAnywhere(String creditCode) {
		return jdbc.sql("select * from registry.enterprise where credit_code = :credit").param("credit", creditCode)
				.query(Enterprise.class).optional();
	}

	List<Enterprise> keyEnterprises(DataScope scope) {
		return RegistryScope.bind(jdbc.sql("select * from registry.enterprise o where o.key_enterprise and " + VISIBLE
				+ " order by o.name limit 5000"), scope).query(Enterprise.class).list();
	}

	void rate(String creditCode, int stars, int year) {
		jdbc.sql("""
				update registry.provider set star_rating = :stars, star_year = :year, updated_at = now(),
				    version = version + 1 where credit_code = :credit
				""").param("stars", stars).param("year", year).param("credit", creditCode).update();
	}

	void changeStatus(String creditCode, String status, String reason, LocalDate on) {
		jdbc.sql("""
				update registry.provider set status = :status, status_reason = :reason, status_date = :on,
				    updated_at = now(), version = version + 1 where credit_code = :credit
				""").param("status", status).param("reason", reason).param("on", on).param("credit", creditCode)
				.update();
	}

	Optional<Provider> providerAnywhere(String creditCode) {
		return jdbc.sql("select * from registry.provider where credit_code = :credit").param("credit", creditCode)
				.query(Provider.class).optional();
	}

	Optional<ProviderIdentity> providerIdentity(String creditCode) {
		return jdbc.sql("select credit_code, name, kind, region_path, status from registry.provider where credit_code = :c")
				.param("c", creditCode).query(ProviderIdentity.class).optional();
	}

	long upsertProvider(Provider p, String regionPath) {
		return jdbc.sql("""
				insert into registry.provider as t (credit_code, name, kind, licence_number, licence_valid_until,
				    region, region_path, star_rating, star_year, status, status_reason, status_date)
				values (:credit, :name, :kind, :licence, :licenceUntil, :region, :path, :stars, :starYear, :status,
				    :reason, :statusDate)
				""" + PROVIDER_CONFLICT + """
				returning id
				""")
				.param("credit", p.creditCode()).param("name", p.name()).param("kind", p.kind())
				.param("licence", p.licenceNumber()).param("licenceUntil", p.licenceValidUntil())
				.param("region", p.region()).param("path", regionPath).param("stars", p.starRating())
				.param("starYear", p.starYear()).param("status", p.status()).param("reason", p.statusReason())
				.param("statusDate", p.statusDate())
				.query(Long.class).optional()
				.orElseGet(() -> jdbc.sql("select id from registry.provider where credit_code = :credit")
						.param("credit", p.creditCode()).query(Long.class).single());
	}
}
