package cn.gongjiang.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.JsonValues;

import tools.jackson.databind.json.JsonMapper;

/**
 * X-5, issue 18: the bulk paths' rows streamed into COPY's text format come back exactly as written — text with the
 * format's own special characters, Chinese and characters beyond the BMP, JSON with escapes, bytes, numbers, dates
 * and nulls — however many buffers they take, and a broken constraint fails the copy with its SQL state.
 */
@IntegrationTest
class CopyRowsIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Test
	void rowsComeBackAsWrittenWhateverTheyContainAndAcrossManyBuffers() throws SQLException {
		var texts = List.of("plain", "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N",
				"测试·工匠（绍兴）", "emoji \uD83D\uDE00 after", "{\"reason\":\"a \\\"quoted\\\" word\\n\",\"n\":[1,2]}", "",
				"x".repeat(70_000));
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var create = connection.createStatement()) {
				create.execute("create temporary table copy_probe (n integer, t text, j json, b bytea, d date, m numeric)"
						+ " on commit drop");
			}
			try (var rows = CopyRows.into(connection, "copy_probe (n, t, j, b, d, m)")) {
				for (int i = 0; i < texts.size(); i++) {
					rows.value(i * 100_003 - 7).text(texts.get(i)).text(i == 8 ? texts.get(i) : null)
							.bytes(i % 2 == 0 ? new byte[] { 0, (byte) 0xff, (byte) i } : null)
							.value(LocalDate.of(2026, 1, 1 + i)).value(i == 3 ? null : new java.math.BigDecimal("1.5"))
							.endRow();
				}
				assertThat(rows.finish()).isEqualTo(texts.size());
			}
			var read = new ArrayList<String>();
			var bytes = new ArrayList<byte[]>();
			try (var query = connection.createStatement();
					var rs = query.executeQuery("select t, j::text, b, d, m, n from copy_probe order by n")) {
				while (rs.next()) {
					assertThat(rs.getInt(6)).isEqualTo((rs.getRow() - 1) * 100_003 - 7);
					read.add(rs.getString(1));
					bytes.add(rs.getBytes(3));
					if (rs.getRow() == 9) {
						assertThat(rs.getString(2)).isEqualTo(texts.get(8));
					}
					else {
						assertThat(rs.getString(2)).isNull();
					}
					assertThat(rs.getObject(4, LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, rs.getRow()));
					assertThat(rs.getString(5)).isEqualTo(rs.getRow() == 4 ? null : "1.5");
				}
			}
			assertThat(read).containsExactlyElementsOf(texts);
			assertThat(bytes.get(0)).containsExactly(0, 0xff, 0);
			assertThat(bytes.get(1)).isNull();
			assertThat(bytes.get(10)).containsExactly(0, 0xff, 10);
			connection.rollback();
		}
	}

	@Test
	void documentsWrittenByTheCopysOneGeneratorAreStoredEachAsItsOwnGeneratorWritesIt() throws SQLException {
		var json = JsonMapper.builder().build();
		var documents = new ArrayList<Object>();
		for (int i = 0; i < 3_000; i++) {
			// some long enough that the generator's buffer and the copy's fill in the middle of a document
			documents.add(i % 3 == 0 ? List.of(i, "第" + i + "行\t", Map.of("k", "x".repeat(i % 700)))
					: Map.of("reason", "a \"quoted\" word\n", "n", i));
		}
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var create = connection.createStatement()) {
				create.execute("create temporary table copy_documents (n integer, j json, k jsonb) on commit drop");
			}
			try (var rows = CopyRows.into(connection, "copy_documents (n, j, k)")) {
				for (int i = 0; i < documents.size(); i++) {
					var document = documents.get(i);
					rows.value(i).json(json, g -> JsonValues.write(g, document))
							.json(json, g -> JsonValues.write(g, document)).endRow();
				}
				assertThat(rows.finish()).isEqualTo(documents.size());
			}
			try (var query = connection.createStatement();
					var rs = query.executeQuery("select n, j::text, k = cast(j::text as jsonb) from copy_documents order by n")) {
				while (rs.next()) {
					assertThat(rs.getString(2)).isEqualTo(json.writeValueAsString(documents.get(rs.getInt(1))));
					assertThat(rs.getBoolean(3)).isTrue();
				}
			}
			connection.rollback();
		}
	}

	@Test
	void aRowThatBreaksAUniqueKeyFailsTheCopyWithItsSqlState() throws SQLException {
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var create = connection.createStatement()) {
				create.execute("create temporary table copy_unique (k text primary key) on commit drop");
			}
			assertThatThrownBy(() -> {
				try (var rows = CopyRows.into(connection, "copy_unique (k)")) {
					rows.text("same").endRow();
					rows.text("same").endRow();
					rows.finish();
				}
			}).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
			connection.rollback();
		}
	}
}
