package cn.gongjiang.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the embedded PostgreSQL before the context is built, when no datasource URL is configured, and points
 * {@code spring.datasource.*} at it: everything after that (Hikari, Flyway, the event registry) is ordinary Spring Boot.
 * One server per JVM, so every test context shares it.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String DATABASE = "gongjiang";
	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresEnvironment.class);
	private static EmbeddedPostgres server;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		var settings = EmbeddedDatabaseSettings.from(environment);
		var url = start(settings);
		environment.getPropertySources().addFirst(new MapPropertySource("gongjiangEmbeddedPostgres", Map.of(
				"spring.datasource.url", url,
				"spring.datasource.username", "postgres",
				"spring.datasource.password", "",
				"gongjiang.database.embedded", "true")));
	}

	static synchronized String start(EmbeddedDatabaseSettings settings) {
		if (server == null) {
			try {
				Files.createDirectories(settings.dataDirectory());
				server = EmbeddedPostgres.builder()
						.setDataDirectory(settings.dataDirectory().resolve("postgres"))
						.setCleanDataDirectory(settings.throwaway())
						.setPort(settings.port())
						// zonky's defaults are for tests; a platform's data must survive a power cut.
						.setServerConfig("fsync", settings.throwaway() ? "off" : "on")
						.setServerConfig("synchronous_commit", settings.throwaway() ? "off" : "on")
						.setServerConfig("full_page_writes", settings.throwaway() ? "off" : "on")
						.setServerConfig("listen_addresses", "localhost")
						.setServerConfig("max_connections", "100")
						.setServerConfig("shared_buffers", settings.sharedBuffers())
						.setLocaleConfig("encoding", "UTF8")
						.setLocaleConfig("locale", "C.UTF-8")
						.start();
				createDatabaseIfMissing(server);
				log.info("Embedded PostgreSQL on port {} with data in {}{}", server.getPort(),
						settings.dataDirectory().toAbsolutePath(), settings.throwaway() ? " (throwaway)" : "");
			}
			catch (IOException e) {
				throw new UncheckedIOException("Embedded PostgreSQL did not start in " + settings.dataDirectory(), e);
			}
		}
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

	@Override
	public int getOrder() {
		// after application.yaml and the environment have been read
		return Ordered.LOWEST_PRECEDENCE;
	}

	record EmbeddedDatabaseSettings(Path dataDirectory, boolean throwaway, int port, String sharedBuffers) {

		static EmbeddedDatabaseSettings from(ConfigurableEnvironment environment) {
			var dir = Path.of(environment.getProperty("gongjiang.data-dir", "./data"));
			var throwaway = environment.getProperty("gongjiang.database.throwaway", Boolean.class, false);
			var port = environment.getProperty("gongjiang.database.port", Integer.class, 0);
			var buffers = environment.getProperty("gongjiang.database.shared-buffers", "256MB");
			return new EmbeddedDatabaseSettings(dir, throwaway, port, buffers);
		}
	}
}
