package cn.gongjiang.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts PostgreSQL from the binaries shipped in Maven (zonky), with its cluster in a folder that outlives the
 * process. zonky's defaults are for tests (fsync and synchronous_commit off); a platform's data must survive a power
 * cut, so both are on unless the folder is declared throwaway.
 */
public final class EmbeddedPostgresServer {

	static final String DATABASE = "gongjiang";

	private EmbeddedPostgresServer() {
	}

	/**
	 * Where and how: {@code throwaway} wipes the folder at start and trades durability for speed (tests).
	 * {@code maxWalSize} is how much WAL may gather between two checkpoints: PostgreSQL's 1 GB made the 40 M-person
	 * load checkpoint about every 90 seconds, two thirds of its WAL full-page images (BENCHMARKS.md, issue 18).
	 */
	public record Settings(Path dataDirectory, boolean throwaway, int port, String sharedBuffers, String maxWalSize) {

		public Settings(Path dataDirectory, boolean throwaway, int port, String sharedBuffers) {
			this(dataDirectory, throwaway, port, sharedBuffers, DEFAULT_MAX_WAL_SIZE);
		}
	}

	/** Room for a bulk load's WAL between checkpoints; the disk holds at most about this much more. */
	static final String DEFAULT_MAX_WAL_SIZE = "8GB";

	public static EmbeddedPostgres start(Settings settings) {
		try {
			Files.createDirectories(settings.dataDirectory());
			if (!settings.throwaway()) {
				stopOrphan(settings.dataDirectory().resolve("postgres"));
			}
			var durable = settings.throwaway() ? "off" : "on";
			var password = password(settings.dataDirectory());
			var server = EmbeddedPostgres.builder()
					.setConnectConfig("password", password)
					.setDataDirectory(settings.dataDirectory().resolve("postgres"))
					.setCleanDataDirectory(settings.throwaway())
					.setPort(settings.port())
					// stopped by whoever started it, after the application is done with it (see EmbeddedPostgresEnvironment)
					.setRegisterShutdownHook(false)
					.setServerConfig("fsync", durable)
					.setServerConfig("synchronous_commit", durable)
					.setServerConfig("full_page_writes", durable)
					.setServerConfig("listen_addresses", "localhost")
					.setServerConfig("max_connections", "100")
					.setServerConfig("shared_buffers", settings.sharedBuffers())
					// checkpoints by time rather than by WAL volume during bulk loads: each page an insert touches
					// first after a checkpoint is written to the WAL whole, and random index inserts touch many
					.setServerConfig("max_wal_size", settings.maxWalSize())
					.setServerConfig("checkpoint_timeout", "15min")
					.setLocaleConfig("encoding", "UTF8")
					.setLocaleConfig("locale", "C.UTF-8")
					.start();
			requirePassword(server, settings.dataDirectory().resolve("postgres"), password);
			createDatabaseIfMissing(server);
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Embedded PostgreSQL did not start in " + settings.dataDirectory(), e);
		}
	}

	/**
	 * After the application was killed (kill -9, a crash) its postmaster lives on, orphaned, holding the folder's
	 * lock, and no new start succeeds. When {@code postmaster.pid} names a live postgres of this very folder, stop it
	 * cleanly: it checkpoints, so nothing committed is lost. A stale file (the machine restarted) is PostgreSQL's own
	 * to handle.
	 */
	static void stopOrphan(Path cluster) throws IOException {
		var pidFile = cluster.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		var lines = Files.readAllLines(pidFile);
		if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
			return;
		}
		var postmaster = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
				.filter(ProcessHandle::isAlive)
				.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
				.filter(p -> Path.of(lines.get(1).strip()).toAbsolutePath().normalize()
						.equals(cluster.toAbsolutePath().normalize()));
		if (postmaster.isEmpty()) {
			return;
		}
		requireNotInUse(cluster);
		var log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
		log.warn("A PostgreSQL left running on {} by an application that did not stop (pid {}): stopping it", cluster,
				postmaster.get().pid());
		// SIGTERM, PostgreSQL's smart shutdown: the dead application's connections are gone, so it checkpoints and
		// exits at once (pg_ctl would do the same, but refuses to run as root, as containers often are)
		postmaster.get().destroy();
		try {
			postmaster.get().onExit().get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while stopping the PostgreSQL left on " + cluster, e);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IOException("the PostgreSQL left on " + cluster + " did not stop within a minute", e);
		}
	}

	/**
	 * Not an orphan while the application that started it still runs: that application holds the folder's lock file
	 * (the operating system lets it go when a process dies, killed or not). A second start on a folder in use must not
	 * shut the first one's database down under it.
	 */
	private static void requireNotInUse(Path cluster) throws IOException {
		var lockFile = cluster.resolve("epg-lock");
		if (!Files.exists(lockFile)) {
			return;
		}
		try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			var lock = channel.tryLock();
			if (lock == null) {
				throw inUse(cluster);
			}
			lock.release();
		}
		catch (OverlappingFileLockException thisVeryProcess) {
			throw inUse(cluster);
		}
	}

	private static IOException inUse(Path cluster) {
		return new IOException("the data folder " + cluster.getParent() + " is in use by a running application: stop "
				+ "it first, or give this one its own GONGJIANG_DATA_DIR");
	}

	/** The password of the embedded cluster's one role, generated once beside the privacy key. */
	public static String password(Path dataDirectory) throws IOException {
		var file = dataDirectory.resolve("keys").resolve("database.password");
		if (Files.exists(file)) {
			return Files.readString(file).strip();
		}
		Files.createDirectories(file.getParent());
		var bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		var password = HexFormat.of().formatHex(bytes);
		Files.writeString(file, password);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// the data folder's own permissions then protect it
		}
		return password;
	}

	/**
	 * zonky's initdb trusts every local connection; from the first start on, every connection must prove the
	 * generated password (scram-sha-256), so another local user or process cannot open the platform's data.
	 */
	private static void requirePassword(EmbeddedPostgres server, Path cluster, String password) throws IOException {
		var hba = cluster.resolve("pg_hba.conf");
		if (Files.readString(hba).contains(HBA_MARKER)) {
			return;
		}
		try (var connection = server.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			// the password is ours, hexadecimal: nothing in it needs quoting
			statement.execute("alter role postgres password '" + password + "'");
			Files.writeString(hba, HBA_MARKER + "\n"
					+ "local all all scram-sha-256\n"
					+ "host all all 127.0.0.1/32 scram-sha-256\n"
					+ "host all all ::1/128 scram-sha-256\n");
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not require a password on the embedded PostgreSQL", e);
		}
	}

	private static final String HBA_MARKER = "# Gongjiang: every connection proves the password in keys/database.password";

	public static String jdbcUrl(EmbeddedPostgres server) {
		return server.getJdbcUrl("postgres", DATABASE);
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		try (var connection = postgres.getPostgresDatabase().getConnection();
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			try (var rows = exists.executeQuery()) {
				if (!rows.next()) {
					try (var create = connection.createStatement()) {
						create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
					}
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create database " + DATABASE, e);
		}
	}
}
