package cn.gongjiang.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default installation keeps its data: a second start on the same folder finds it, and the server runs with
 * fsync and synchronous_commit on, unlike zonky's test defaults. (A second server beside the tests' shared one.)
 */
class EmbeddedPostgresServerTests {

	@TempDir
	Path folder;

	@Test
	void aRestartOnTheSameFolderFindsTheDataAndRunsDurably() throws Exception {
		var settings = new EmbeddedPostgresServer.Settings(folder, false, 0, "32MB");
		try (var first = EmbeddedPostgresServer.start(settings)) {
			var jdbc = JdbcClient.create(first.getDatabase("postgres", EmbeddedPostgresServer.DATABASE));
			jdbc.sql("create table kept (note text)").update();
			jdbc.sql("insert into kept values ('浙江')").update();
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show server_encoding").query(String.class).single()).isEqualTo("UTF8");
			// X-5 (issue 18): a bulk load checkpoints by time, not every gigabyte of WAL
			assertThat(jdbc.sql("show max_wal_size").query(String.class).single()).isEqualTo("8GB");
			assertThat(jdbc.sql("show checkpoint_timeout").query(String.class).single()).isEqualTo("15min");
		}
		try (var second = EmbeddedPostgresServer.start(settings)) {
			var jdbc = JdbcClient.create(second.getDatabase("postgres", EmbeddedPostgresServer.DATABASE));
			assertThat(jdbc.sql("select note from kept").query(String.class).list()).containsExactly("浙江");
		}
	}

	@Test
	void everyConnectionMustProveTheGeneratedPassword() throws Exception {
		var settings = new EmbeddedPostgresServer.Settings(folder, false, 0, "32MB");
		try (var server = EmbeddedPostgresServer.start(settings)) {
			var url = EmbeddedPostgresServer.jdbcUrl(server);
			// no "trust" for local connections, as zonky's initdb leaves it
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
					.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guess").close())
					.hasMessageContaining("password authentication failed");
			var password = Files.readString(folder.resolve("keys/database.password")).strip();
			assertThat(Files.getPosixFilePermissions(folder.resolve("keys/database.password")))
					.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
							PosixFilePermission.OWNER_WRITE);
			try (var connection = DriverManager.getConnection(url, "postgres", password);
					var rows = connection.createStatement().executeQuery(
							"select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'")) {
				rows.next();
				assertThat(rows.getBoolean(1)).as("stored as a SCRAM verifier").isTrue();
			}
		}
		// and again after a restart, with the same password
		try (var again = EmbeddedPostgresServer.start(settings)) {
			assertThat(JdbcClient.create(again.getDatabase("postgres", EmbeddedPostgresServer.DATABASE))
					.sql("select 1").query(Integer.class).single()).isEqualTo(1);
		}
	}

	@Test
	void aThrowawayFolderStartsEmpty() throws Exception {
		var settings = new EmbeddedPostgresServer.Settings(folder, true, 0, "32MB");
		try (var first = EmbeddedPostgresServer.start(settings)) {
			JdbcClient.create(first.getDatabase("postgres", EmbeddedPostgresServer.DATABASE))
					.sql("create table gone (x int)").update();
		}
		try (var second = EmbeddedPostgresServer.start(settings)) {
			var tables = JdbcClient.create(second.getDatabase("postgres", EmbeddedPostgresServer.DATABASE))
					.sql("select count(*) from pg_tables where tablename = 'gone'").query(Long.class).single();
			assertThat(tables).isZero();
		}
	}
}
