package cn.gongjiang.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into {@code COPY … FROM STDIN} in PostgreSQL's text format, a buffer at a time. A bulk chunk's rows
 * are never held as one text: before this, a 5,000-decision chunk was built as a ≈ 14 MB string and copied twice more
 * into bytes, allocations G1 could only place as humongous objects, and the bulk decision spent a fifth of its time
 * in full collections (issue 18). The text format, unlike CSV, quotes nothing: a JSON field is written as it is, only
 * its backslashes doubled.
 */
public final class CopyRows implements AutoCloseable {

	private static final byte[] NULL = { '\\', 'N' };
	private static final HexFormat HEX = HexFormat.of();

	private final CopyIn copy;
	private final byte[] buffer = new byte[64 * 1024];
	private int used;
	private boolean firstField = true;

	private CopyRows(CopyIn copy) {
		this.copy = copy;
	}

	/** Starts copying into {@code table (columns)}; each row is its fields, in that order, then {@link #endRow()}. */
	public static CopyRows into(Connection connection, String tableWithColumns) throws SQLException {
		return new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy " + tableWithColumns + " from stdin"));
	}

	/** A text field; null is NULL. */
	public CopyRows text(String value) throws SQLException {
		separate();
		if (value == null) {
			put(NULL);
			return this;
		}
		// the JDK's encoder is an intrinsic; in UTF-8 a byte below 0x80 is always that character, never part of another
		var bytes = value.getBytes(StandardCharsets.UTF_8);
		int plain = 0; // bytes[plain..i) need no escape and are copied at once
		for (int i = 0; i < bytes.length; i++) {
			var escaped = switch (bytes[i]) {
				case '\\' -> '\\';
				case '\n' -> 'n';
				case '\r' -> 'r';
				case '\t' -> 't';
				default -> 0;
			};
			if (escaped != 0) {
				put(bytes, plain, i);
				put2('\\', escaped);
				plain = i + 1;
			}
		}
		put(bytes, plain, bytes.length);
		return this;
	}

	/** A number, date or other value by its text; null is NULL. */
	public CopyRows value(Object value) throws SQLException {
		return text(value == null ? null : value.toString());
	}

	/** A {@code bytea} field; null is NULL. */
	public CopyRows bytes(byte[] value) throws SQLException {
		if (value == null) {
			return text(null);
		}
		separate();
		// \x in the field's text, the backslash doubled by the text format
		put2('\\', '\\');
		put((byte) 'x');
		var hex = HEX.formatHex(value);
		for (int i = 0; i < hex.length(); i++) {
			put((byte) hex.charAt(i));
		}
		return this;
	}

	public void endRow() throws SQLException {
		put((byte) '\n');
		firstField = true;
	}

	/** Sends what is left and ends the copy; the rows copied. A constraint the rows break fails here at the latest. */
	public long finish() throws SQLException {
		flush();
		return copy.endCopy();
	}

	/** Abandons a copy not finished (an error on the way): the server discards what it received. */
	@Override
	public void close() throws SQLException {
		if (copy.isActive()) {
			copy.cancelCopy();
		}
	}

	private void separate() throws SQLException {
		if (!firstField) {
			put((byte) '\t');
		}
		firstField = false;
	}

	private void put2(int a, int b) throws SQLException {
		put((byte) a);
		put((byte) b);
	}

	private void put(byte[] bytes) throws SQLException {
		put(bytes, 0, bytes.length);
	}

	private void put(byte[] bytes, int from, int to) throws SQLException {
		while (from < to) {
			if (used == buffer.length) {
				flush();
			}
			int n = Math.min(to - from, buffer.length - used);
			System.arraycopy(bytes, from, buffer, used, n);
			used += n;
			from += n;
		}
	}

	private void put(byte b) throws SQLException {
		if (used == buffer.length) {
			flush();
		}
		buffer[used++] = b;
	}

	private void flush() throws SQLException {
		if (used > 0) {
			copy.writeToCopy(buffer, 0, used);
			used = 0;
		}
	}
}
