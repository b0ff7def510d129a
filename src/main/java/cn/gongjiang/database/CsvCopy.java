package cn.gongjiang.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.CRC32;

import org.postgresql.PGConnection;
import org.springframework.core.io.ClassPathResource;

/**
 * Streams a CSV file into a table with PostgreSQL's {@code COPY}: the fastest way in, and the way reference data
 * and bulk imports enter their staging tables. The table and column list are code, never user input.
 */
public final class CsvCopy {

	private CsvCopy() {
	}

	/** Copies a classpath CSV with a header row into {@code table (columns)}; returns the rows copied. */
	public static long copyResource(Connection connection, String resource, String tableWithColumns)
			throws SQLException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return copy(connection, in, tableWithColumns);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + resource, e);
		}
	}

	public static long copy(Connection connection, InputStream csv, String tableWithColumns) throws SQLException {
		return copy(connection, csv, tableWithColumns, true);
	}

	/**
	 * Copies CSV into {@code table (columns)}. An empty unquoted field is NULL, a quoted empty field an empty string.
	 */
	public static long copy(Connection connection, InputStream csv, String tableWithColumns, boolean header)
			throws SQLException {
		try {
			var copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
			return copyManager.copyIn("copy " + tableWithColumns + " from stdin with (format csv, header " + header
					+ ")", csv);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A checksum of a classpath file, so that Flyway notices when reference data behind a migration changes. */
	public static int checksum(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			var crc = new CRC32();
			crc.update(in.readAllBytes());
			return (int) crc.getValue();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + resource, e);
		}
	}
}
