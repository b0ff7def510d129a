package cn.gongjiang.subsidy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Policy packs (SUB-2): the published version in force on a day, for the province and for a city. */
@Service
public class PolicyPacks {

	private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	PolicyPacks(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(readOnly = true)
	public List<PolicyPack> published() {
		return jdbc.sql("select * from subsidy.policy_pack where status = 'PUBLISHED' order by scope_path, version")
				.query((rs, i) -> pack(rs)).list();
	}

	PolicyPack inForce(String scopePath, LocalDate day) {
		return find(scopePath, day).orElseThrow(() -> new IllegalStateException("no pack in force for " + scopePath));
	}

	/** The pack of the city the paying county lies in, if that city has one in force. */
	Optional<PolicyPack> cityInForce(String countyPath, LocalDate day) {
		var cityPath = countyPath.replaceAll("^(/\\d+/\\d+/).*", "$1");
		return find(cityPath, day);
	}

	private Optional<PolicyPack> find(String scopePath, LocalDate day) {
		return jdbc.sql("""
				select * from subsidy.policy_pack where scope_path = :path and status = 'PUBLISHED'
				  and effective_from <= :day order by effective_from desc, version desc limit 1
				""").param("path", scopePath).param("day", day).query((rs, i) -> pack(rs)).optional();
	}

	private PolicyPack pack(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new PolicyPack(rs.getLong("id"), rs.getString("scope_region"), rs.getString("scope_path"),
				rs.getInt("version"), rs.getObject("effective_from", LocalDate.class), rs.getString("title"),
				rs.getString("source"), json.readValue(rs.getString("parameters"), PARAMETERS));
	}
}
