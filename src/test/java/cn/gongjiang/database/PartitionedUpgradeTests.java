package cn.gongjiang.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.zaxxer.hikari.HikariDataSource;

import cn.gongjiang.IntegrationTest;

/**
 * X-5 (issue 18): an installation upgraded to the partitioned tables keeps every row it had, in the partitions, and
 * goes on numbering lines after the last one. The four modules' migrations run, as the application runs them (one
 * history table per module), into a scratch database on the same server: first up to the version before the
 * partitions, then rows are written as the old schema had them, then the rest. (Sign-ins need a class, its sessions
 * and trainees; their move is the same statement, checked by hand on a demo database: docs/scaling.md.)
 */
@IntegrationTest
class PartitionedUpgradeTests {

	private static final String SCRATCH = "partitioned_upgrade_check";

	/** Module → its last migration before the partitions. */
	private static final Map<String, String> BEFORE = Map.of("registry", "19", "archive", "2", "training", "8",
			"targets", "10");

	@Autowired
	DataSource application;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void dropScratch() {
		jdbc.sql("drop database if exists " + SCRATCH + " with (force)").update();
	}

	@Test
	void theMigrationMovesEveryRowIntoThePartitionsAndKeepsNumbering() {
		jdbc.sql("drop database if exists " + SCRATCH + " with (force)").update();
		jdbc.sql("create database " + SCRATCH).update();
		var hikari = (HikariDataSource) application;
		var url = hikari.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + SCRATCH + "$1");
		var scratch = new SingleConnectionDataSource(url, hikari.getUsername(), hikari.getPassword(), true);
		try {
			var db = JdbcClient.create(scratch);
			for (var module : List.of("registry", "archive", "training", "targets")) {
				migrate(scratch, module, BEFORE.get(module));
			}
			db.sql("""
					insert into archive.line (person_id, occurred_on, kind, detail, source)
					select n, date '2026-01-01' + n % 300, 'TRAINING', jsonb_build_object('n', n), 'test'
					from generate_series(1, 500) n
					""").update();
			db.sql("""
					insert into registry.person_event (person_id, occurred_on, kind, detail, source)
					select n, date '2026-01-01', 'RESIDENCE', jsonb_build_object('n', n), 'test'
					from generate_series(1, 300) n
					""").update();
			db.sql("""
					insert into targets.contribution (fact, source_key, region_path, occurred_on, amount, evidence)
					select 'CERTIFIED', 'holder:' || n, '/330000/', date '2026-01-01', 1, 'certificate:' || n
					from generate_series(1, 400) n
					""").update();
			var before = checksums(db);

			for (var module : List.of("registry", "archive", "training", "targets")) {
				migrate(scratch, module, null);
			}

			assertThat(checksums(db)).as("every row as it was").isEqualTo(before);
			for (var table : List.of("archive.line", "registry.person_event", "targets.contribution")) {
				var spread = db.sql("select count(distinct tableoid) from " + table).query(Integer.class).single();
				assertThat(spread).as(table + " rows in its partitions").isGreaterThanOrEqualTo(14);
			}
			var next = db.sql("""
					insert into archive.line (person_id, occurred_on, kind, detail, source)
					values (7, date '2026-06-01', 'TRAINING', '{}', 'test') returning id
					""").query(Long.class).single();
			assertThat(next).as("numbering goes on after the moved lines").isEqualTo(501);
		}
		finally {
			scratch.destroy();
		}
	}

	private static void migrate(DataSource dataSource, String module, String target) {
		var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + module)
				.table("flyway_schema_history_" + module).baselineOnMigrate(true).baselineVersion("0");
		(target == null ? flyway : flyway.target(target)).load().migrate();
	}

	private static List<String> checksums(JdbcClient db) {
		return db.sql("""
				select md5(string_agg((person_id, id, occurred_on, kind, detail, source, created_at)::text, '|'
				    order by person_id, id)) from archive.line t
				union all select md5(string_agg(t::text, '|' order by person_id, id)) from registry.person_event t
				union all select md5(string_agg(t::text, '|' order by fact, source_key)) from targets.contribution t
				""").query(String.class).list();
	}
}
