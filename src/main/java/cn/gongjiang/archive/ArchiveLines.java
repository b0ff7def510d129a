package cn.gongjiang.archive;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import cn.gongjiang.database.CopyRows;
import cn.gongjiang.shared.JsonValues;
import cn.gongjiang.shared.PersonId;

import tools.jackson.databind.json.JsonMapper;

/**
 * The archive's own table, {@code archive.line}: what other modules reported of a person (REG-4), stored as a kind
 * and a small JSON document of codes and values, never prose (ArchiveSentences chooses the words).
 */
@Repository
class ArchiveLines {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A line to store: whose, on which day, what kind, its values, and which module reported it. */
	record Line(PersonId personId, LocalDate on, String kind, Map<String, ?> detail, String source) {
	}

	/** A stored line as the archive reads it back. */
	record Stored(LocalDate on, String kind, Map<String, Object> detail) {
	}

	private final JdbcClient jdbc;
	private final DataSource dataSource;

	ArchiveLines(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** The line, unless the same report is stored already (a redelivered event changes nothing). */
	void add(Line line) {
		jdbc.sql("""
				insert into archive.line (person_id, occurred_on, kind, detail, source)
				values (:person, :on, :kind, cast(:detail as jsonb), :source)
				on conflict (person_id, occurred_on, kind, source, detail_hash) do nothing
				""").param("person", line.personId()).param("on", line.on()).param("kind", line.kind())
				.param("detail", JSON.writeValueAsString(line.detail())).param("source", line.source()).update();
	}

	/**
	 * Many lines in one {@code COPY} (a chunk of the bulk subsidy decision has one per certificate). {@code COPY}
	 * cannot skip a line stored already; a redelivered chunk is rare, so it is tried plainly and, when it breaks the
	 * one-line-per-report primary key, undone to a savepoint and written line by line, skipping those stored.
	 */
	void addAll(List<Line> lines) {
		if (lines.isEmpty()) {
			return;
		}
		if (lines.size() == 1) {
			add(lines.get(0));
			return;
		}
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			var before = connection.setSavepoint();
			try {
				copy(connection, lines);
				connection.releaseSavepoint(before);
			}
			catch (SQLException e) {
				if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
					throw e;
				}
				connection.rollback(before);
				lines.forEach(this::add);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("writing archive lines", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static final String UNIQUE_VIOLATION = "23505";

	private static void copy(Connection connection, List<Line> lines) throws SQLException {
		try (var rows = CopyRows.into(connection, "archive.line (person_id, occurred_on, kind, detail, source)")) {
			for (var l : lines) {
				rows.number(l.personId().value()).value(l.on()).text(l.kind())
						.json(JSON, g -> JsonValues.write(g, l.detail())).text(l.source()).endRow();
			}
			rows.finish();
		}
	}

	/** The person's lines, oldest first. */
	List<Stored> of(PersonId personId) {
		return jdbc.sql("""
				select occurred_on, kind, detail::text from archive.line where person_id = :person
				order by occurred_on, id
				""").param("person", personId)
				.query((rs, i) -> new Stored(rs.getObject(1, LocalDate.class), rs.getString(2), detail(rs.getString(3))))
				.list();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> detail(String json) {
		return json == null ? Map.of() : JSON.readValue(json, LinkedHashMap.class);
	}
}
