package cn.gongjiang.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.gongjiang.shared.security.DataScope;

/**
 * The region table. Visibility for a region-scoped account: the regions inside its scope, and the ancestors of its
 * scope root so that a breadcrumb from the province down still reads. Scope is always a bound parameter.
 */
@Repository
class Regions {

	private static final String SELECT = """
			select r.code, r.name, r.level, r.kind, r.parent_code, r.path, r.mountain_county, r.version,
			       exists (select 1 from region.region c where c.parent_code = r.code) as has_children
			from region.region r
			""";
	private static final String VISIBLE = """
			(cast(:scopePath as text) is null
			 or r.path like :scopePath || '%'
			 or :scopePath like r.path || '%')
			""";

	private final JdbcClient jdbc;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Region> find(String code, DataScope scope) {
		return jdbc.sql(SELECT + " where r.code = :code and " + VISIBLE)
				.param("code", code)
				.param("scopePath", scopePath(scope))
				.query(Regions::map)
				.optional();
	}

	List<Region> children(String code, DataScope scope) {
		return jdbc.sql(SELECT + " where r.parent_code = :code and " + VISIBLE + " order by r.code")
				.param("code", code)
				.param("scopePath", scopePath(scope))
				.query(Regions::map)
				.list();
	}

	List<Region> byCodes(List<String> codes) {
		return jdbc.sql(SELECT + " where r.code in (:codes) order by r.level")
				.param("codes", codes)
				.query(Regions::map)
				.list();
	}

	List<Region> all() {
		return jdbc.sql(SELECT).query(Regions::map).list();
	}

	List<Region> mountainCounties() {
		return jdbc.sql(SELECT + " where r.mountain_county order by r.code").query(Regions::map).list();
	}

	Optional<String> pathOf(String code) {
		return jdbc.sql("select path from region.region where code = :code").param("code", code)
				.query(String.class).optional();
	}

	boolean updateMountainCounty(String code, boolean mountainCounty, int expectedVersion) {
		return jdbc.sql("""
				update region.region
				set mountain_county = :flag, version = version + 1, updated_at = now()
				where code = :code and level = 3 and version = :version
				""")
				.param("flag", mountainCounty)
				.param("code", code)
				.param("version", expectedVersion)
				.update() == 1;
	}

	private static String scopePath(DataScope scope) {
		return scope.regional() ? scope.regionPath() : null;
	}

	private static Region map(ResultSet rs, int row) throws SQLException {
		return new Region(rs.getString("code"), rs.getString("name"), RegionLevel.of(rs.getInt("level")),
				rs.getString("kind"), rs.getString("parent_code"), rs.getString("path"),
				(Boolean) rs.getObject("mountain_county"), rs.getBoolean("has_children"), rs.getInt("version"));
	}
}
