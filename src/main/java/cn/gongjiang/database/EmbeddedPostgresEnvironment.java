package cn.gongjiang.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the embedded PostgreSQL before the context is built, when no datasource URL is configured, and points
 * {@code spring.datasource.*} at it: everything after that (Hikari, Flyway, the event registry) is ordinary Spring
 * Boot. One server per JVM, so all test contexts share it.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	private static EmbeddedPostgres server;

	// logging is not set up yet when this runs: Spring Boot replays deferred lines once it is
	private final Log log;

	public EmbeddedPostgresEnvironment(DeferredLogFactory logs) {
		this.log = logs.getLog(EmbeddedPostgresEnvironment.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		var settings = settings(environment);
		var url = startOnce(settings);
		String password;
		try {
			password = EmbeddedPostgresServer.password(settings.dataDirectory());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		environment.getPropertySources().addFirst(new MapPropertySource("gongjiangEmbeddedPostgres", Map.of(
				"spring.datasource.url", url,
				"spring.datasource.username", "postgres",
				"spring.datasource.password", password,
				"gongjiang.database.embedded", "true")));
	}

	private synchronized String startOnce(EmbeddedPostgresServer.Settings settings) {
		if (server == null) {
			server = EmbeddedPostgresServer.start(settings);
			// Spring runs shutdown handlers after closing every context, so nothing still needs the database when it
			// stops (a JVM hook of its own would race the context's last queries).
			SpringApplication.getShutdownHandlers().add(EmbeddedPostgresEnvironment::stop);
			log.info("Embedded PostgreSQL on port %d with data in %s%s".formatted(server.getPort(),
					settings.dataDirectory().toAbsolutePath().normalize(), settings.throwaway() ? " (throwaway)" : ""));
		}
		return EmbeddedPostgresServer.jdbcUrl(server);
	}

	private static synchronized void stop() {
		if (server != null) {
			try {
				server.close();
			}
			catch (IOException e) {
				LoggerFactory.getLogger(EmbeddedPostgresEnvironment.class)
						.warn("Embedded PostgreSQL did not stop cleanly", e);
			}
			server = null;
		}
	}

	static EmbeddedPostgresServer.Settings settings(ConfigurableEnvironment environment) {
		// GONGJIANG_DATA_DIR reaches here as gongjiang.data-dir through Spring's relaxed environment lookup
		return new EmbeddedPostgresServer.Settings(
				Path.of(environment.getProperty("gongjiang.data-dir", "./data")),
				environment.getProperty("gongjiang.database.throwaway", Boolean.class, false),
				environment.getProperty("gongjiang.database.port", Integer.class, 0),
				environment.getProperty("gongjiang.database.shared-buffers", "256MB"),
				environment.getProperty("gongjiang.database.max-wal-size", EmbeddedPostgresServer.DEFAULT_MAX_WAL_SIZE));
	}

	@Override
	public int getOrder() {
		// after application.yaml, the command line and the environment have been read
		return Ordered.LOWEST_PRECEDENCE;
	}
}
