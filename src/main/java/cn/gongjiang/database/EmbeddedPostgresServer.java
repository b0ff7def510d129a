package cn.gongjiang.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

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

	/** Where and how: {@code throwaway} wipes the folder at start and trades durability for speed (tests). */
	public record Settings(Path dataDirectory, boolean throwaway, int port, String sharedBuffers) {
	}

	public static EmbeddedPostgres start(Settings settings) {
		try {
			Files.createDirectories(settings.dataDirectory());
			var durable = settings.throwaway() ? "off" : "on";
			var server = EmbeddedPostgres.builder()
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
					.setLocaleConfig("encoding", "UTF8")
					.setLocaleConfig("locale", "C.UTF-8")
					.start();
			createDatabaseIfMissing(server);
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Embedded PostgreSQL did not start in " + settings.dataDirectory(), e);
		}
	}

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
