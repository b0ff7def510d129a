package cn.gongjiang.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

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
		}
		try (var second = EmbeddedPostgresServer.start(settings)) {
			var jdbc = JdbcClient.create(second.getDatabase("postgres", EmbeddedPostgresServer.DATABASE));
			assertThat(jdbc.sql("select note from kept").query(String.class).list()).containsExactly("浙江");
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
