package cn.gongjiang.occupation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.OccupationCode;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;

/** Looks occupations up by code and by name; the table is small (2,176 rows) and never changes at run time. */
@Service
public class OccupationCatalogue {

	private static final String SELECT = "select code, name, level, parent_code, green, digital from occupation.occupation ";

	private final JdbcClient jdbc;

	OccupationCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Occupation find(OccupationCode code) {
		return jdbc.sql(SELECT + "where code = :code").param("code", code.value()).query(OccupationCatalogue::map)
				.optional()
				.orElseThrow(() -> new NotFoundException("occupation.not-found", code.value()));
	}

	public boolean exists(OccupationCode code) {
		return jdbc.sql("select exists (select 1 from occupation.occupation where code = :code)")
				.param("code", code.value()).query(Boolean.class).single();
	}

	/**
	 * Every code, for checking many at once (a bulk import, each certificate issued). The classification only changes
	 * by migration, so it is read once per process.
	 */
	public Set<String> allCodes() {
		var codes = allCodes;
		if (codes == null) {
			codes = Set.copyOf(jdbc.sql("select code from occupation.occupation").query(String.class).list());
			allCodes = codes;
		}
		return codes;
	}

	private volatile Set<String> allCodes;

	/** An occupation's name by code; the code itself when unknown. Read once per process. */
	public String nameOf(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		var cached = names;
		if (cached == null) {
			cached = jdbc.sql("select code, name from occupation.occupation")
					.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
					.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
							Map.Entry::getValue));
			names = cached;
		}
		return cached.getOrDefault(code, code);
	}

	private volatile Map<String, String> names;

	/** Name search, occupations (细类) first, then shorter names: "车工" finds 车工 before 数控车工. */
	public List<Occupation> search(String text, int limit) {
		var q = text == null ? "" : text.strip();
		if (q.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				where name like '%' || :q || '%' or code like :q || '%'
				order by (name = :q) desc, level desc, length(name), code
				limit :limit
				""")
				.param("q", escapeLike(q))
				.param("limit", Math.min(Math.max(limit, 1), 200))
				.query(OccupationCatalogue::map)
				.list();
	}

	/**
	 * A page of the classification matching a name or code (either may be empty) and the green or digital flag,
	 * with the count: at most 2,176 rows, so always counted.
	 */
	public Page<Occupation> search(String text, Boolean green, Boolean digital, PageRequest request) {
		var q = text == null || text.isBlank() ? null : escapeLike(text.strip());
		var where = """
				where (cast(:q as text) is null or name like '%' || :q || '%' or code like :q || '%')
				  and (cast(:green as boolean) is null or green = :green)
				  and (cast(:digital as boolean) is null or digital = :digital)
				""";
		var total = jdbc.sql("select count(*) from occupation.occupation " + where).param("q", q)
				.param("green", green).param("digital", digital).query(Long.class).single();
		var order = q == null ? "code" : "(name = :q) desc, level desc, length(name), code";
		var items = jdbc.sql(SELECT + where + " order by " + order + " limit :size offset :offset").param("q", q)
				.param("green", green).param("digital", digital).param("size", request.size())
				.param("offset", request.offset()).query(OccupationCatalogue::map).list();
		return Page.of(items, total, request);
	}

	/** The entries above an occupation, from its 大类 down to its parent, for a breadcrumb. */
	public List<Occupation> ancestors(String code) {
		var chain = new ArrayList<Occupation>();
		var current = code == null ? null : jdbc.sql(SELECT + "where code = :code").param("code", code)
				.query(OccupationCatalogue::map).optional().orElse(null);
		while (current != null) {
			chain.add(0, current);
			var parent = current.parentCode();
			current = parent == null ? null : jdbc.sql(SELECT + "where code = :code").param("code", parent)
					.query(OccupationCatalogue::map).optional().orElse(null);
		}
		return chain;
	}

	public List<Occupation> children(String parentCode) {
		return jdbc.sql(SELECT + "where parent_code is not distinct from :parent order by code")
				.param("parent", parentCode)
				.query(OccupationCatalogue::map)
				.list();
	}

	private static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Occupation map(ResultSet rs, int row) throws SQLException {
		return new Occupation(rs.getString("code"), rs.getString("name"), rs.getInt("level"),
				rs.getString("parent_code"), (Boolean) rs.getObject("green"), (Boolean) rs.getObject("digital"));
	}
}
