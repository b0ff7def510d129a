package cn.gongjiang.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * after {@code kill -9} of the application its postmaster is orphaned and keeps the data folder's lock; the next
 * start finds it, stops it cleanly and comes up on the same data, nothing committed lost. The application here is a
 * second JVM that starts the embedded server, commits a row and is killed with SIGKILL.
 */
class KilledApplicationRestartTests {

	@TempDir
	Path folder;

	/** The killed application: starts the server on the folder, commits, says so, waits to be killed. */
	public static void main(String[] args) throws Exception {
		var server = EmbeddedPostgresServer.start(new EmbeddedPostgresServer.Settings(Path.of(args[0]), false, 0, "32MB"));
		var jdbc = JdbcClient.create(server.getDatabase("postgres", EmbeddedPostgresServer.DATABASE));
		jdbc.sql("create table committed (note text)").update();
		jdbc.sql("insert into committed values ('杀不掉的数据')").update();
		System.out.println("committed");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

	@Test
	void aStartAfterKillNineStopsTheOrphanedPostmasterAndFindsTheData() throws Exception {
		var application = startApplication();
		application.destroyForcibly(); // SIGKILL: no shutdown hook, no handler runs
		assertThat(application.waitFor(30, TimeUnit.SECONDS)).isTrue();

		var pidFile = folder.resolve("postgres").resolve("postmaster.pid");
		var orphan = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).orElseThrow();
		assertThat(orphan.isAlive()).as("the postmaster outlived the killed application").isTrue();

		try (var restarted = EmbeddedPostgresServer.start(new EmbeddedPostgresServer.Settings(folder, false, 0, "32MB"))) {
			assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
			var jdbc = JdbcClient.create(restarted.getDatabase("postgres", EmbeddedPostgresServer.DATABASE));
			assertThat(jdbc.sql("select note from committed").query(String.class).list()).containsExactly("杀不掉的数据");
		}
		finally {
			if (orphan.isAlive()) {
				orphan.destroyForcibly();
			}
		}
	}

	@Test
	void aSecondStartOnAFolderInUseIsRefusedAndLeavesTheFirstDatabaseRunning() throws Exception {
		// the postmaster of a live application is no orphan: stopping it would pull the database from under it
		var application = startApplication();
		var postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(folder.resolve("postgres")
				.resolve("postmaster.pid")).get(0).strip())).orElseThrow();
		try {
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(new EmbeddedPostgresServer.Settings(folder, false, 0,
					"32MB"))).hasRootCauseMessage("the data folder %s is in use by a running application: stop it first, "
							+ "or give this one its own GONGJIANG_DATA_DIR", folder);
			assertThat(postmaster.isAlive()).isTrue();
		}
		finally {
			application.destroyForcibly();
			application.waitFor(30, TimeUnit.SECONDS);
			postmaster.destroyForcibly();
			postmaster.onExit().get(30, TimeUnit.SECONDS);
		}
	}

	/** The other JVM, once it has committed its row. */
	private Process startApplication() throws Exception {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var application = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				KilledApplicationRestartTests.class.getName(), folder.toString()).redirectErrorStream(true).start();
		var out = new BufferedReader(new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8));
		String line;
		do {
			line = out.readLine();
		}
		while (line != null && !line.equals("committed"));
		assertThat(line).as("the application started its database and committed").isEqualTo("committed");
		return application;
	}
}
