package cn.gongjiang.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gongjiang.IntegrationTest;

/**
 * every table docs/scaling.md names as distributed carries its distribution column in its primary key and in
 * every unique constraint and unique index, as Citus requires; so a change that would break the path to Citus fails
 * here, not on the day the province outgrows one machine.
 */
@IntegrationTest
class ScalingReadinessTests {

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+\\.[a-z_]+)` \\| `([a-z_]+)` \\|");

	@Autowired
	JdbcClient jdbc;

	/** The first table of the "Distributed tables" section: table → distribution column. */
	static Map<String, String> distributed() throws Exception {
		var tables = new LinkedHashMap<String, String>();
		var inSection = false;
		for (var line : Files.readAllLines(Path.of("docs/scaling.md"))) {
			if (line.startsWith("### ")) {
				inSection = line.startsWith("### Distributed tables");
				continue;
			}
			var row = ROW.matcher(line);
			if (inSection && row.find()) {
				tables.put(row.group(1), row.group(2));
			}
		}
		return tables;
	}

	@Test
	void everyDistributedTableCarriesItsDistributionColumnInEveryUniqueKey() throws Exception {
		var tables = distributed();
		assertThat(tables).as("docs/scaling.md names the distributed tables").hasSizeGreaterThanOrEqualTo(5)
				.containsEntry("registry.person_event", "person_id").containsEntry("archive.line", "person_id");
		tables.forEach((table, column) -> {
			var attnum = jdbc.sql("""
					select a.attnum from pg_attribute a
					where a.attrelid = cast(:table as regclass) and a.attname = :column and not a.attisdropped
					""").param("table", table).param("column", column).query(Integer.class).optional();
			assertThat(attnum).as(table + " has a column " + column).isPresent();
			var keys = jdbc.sql("""
					select c.relname, i.indisprimary, :attnum = any(string_to_array(i.indkey::text, ' ')::int[])
					from pg_index i join pg_class c on c.oid = i.indexrelid
					where i.indrelid = cast(:table as regclass) and i.indisunique
					""").param("table", table).param("attnum", attnum.get())
					.query((rs, n) -> new Object[] { rs.getString(1), rs.getBoolean(2), rs.getBoolean(3) }).list();
			assertThat(keys).as(table + " has a primary key").anyMatch(k -> (Boolean) k[1]);
			assertThat(keys).as(table + ": every unique key includes " + column)
					.allSatisfy(k -> assertThat((Boolean) k[2]).as(table + " " + k[0]).isTrue());
		});
	}
}
