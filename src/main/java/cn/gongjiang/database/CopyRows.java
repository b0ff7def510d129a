package cn.gongjiang.database;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Rows streamed into {@code COPY … FROM STDIN} in PostgreSQL's text format, a buffer at a time. A bulk chunk's rows
 * are never held as one text: before this, a 5,000-decision chunk was built as a ≈ 14 MB string and copied twice more
 * into bytes, allocations G1 could only place as humongous objects, and the bulk decision spent a fifth of its time
 * in full collections (issue 18). The text format, unlike CSV, quotes nothing: a JSON field is written as it is, only
 * its backslashes doubled.
 */
public final class CopyRows implements AutoCloseable {

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
			put2('\\', 'N');
			return this;
		}
		if (!asciiEscaped(value)) {
			escaped(value.getBytes(StandardCharsets.UTF_8));
		}
		return this;
	}

	/**
	 * Writes a text that is all ASCII (the codes, keys and numbers that are most of a bulk row's fields) straight into
	 * the buffer, escaping as it goes, without the byte array of its UTF-8 (issue 18: 0.5 GB of the 13 GB a million
	 * bulk decisions allocated); false, with nothing written, for any other text.
	 */
	private boolean asciiEscaped(String value) throws SQLException {
		int length = value.length();
		if (2 * length > buffer.length) {
			return false;
		}
		if (buffer.length - used < 2 * length) {
			flush();
		}
		int start = used;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c >= 0x80) {
				used = start;
				return false;
			}
			if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
				putEscape(c);
			}
			else {
				buffer[used++] = (byte) c;
			}
		}
		return true;
	}

	/** Writes the text of a field, given as UTF-8 bytes, escaping what the text format needs escaped. */
	private void escaped(byte[] bytes) throws SQLException {
		escaped(bytes, 0, bytes.length);
	}

	private void escaped(byte[] bytes, int from, int to) throws SQLException {
		int plain = from; // bytes[plain..i) need no escape and are copied at once
		for (int i = nextSpecial(bytes, from, to); i < to; i = nextSpecial(bytes, i + 1, to)) {
			var b = bytes[i];
			if (b == '\\' || b == '\n' || b == '\r' || b == '\t') {
				put(bytes, plain, i);
				putEscape(b);
				plain = i + 1;
			}
		}
		put(bytes, plain, to);
	}

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	private static final long ONES = 0x0101010101010101L;
	private static final long HIGHS = 0x8080808080808080L;

	/**
	 * The first byte from {@code from} that may need an escape, a backslash or a control character, else {@code to};
	 * eight bytes at a time, since a chunk's JSON documents are most of what it copies and have almost none. In UTF-8
	 * a byte below 0x80 is always that character, never part of another.
	 */
	static int nextSpecial(byte[] bytes, int from, int to) {
		int i = from;
		for (; i + 8 <= to; i += 8) {
			long x = (long) LONGS.get(bytes, i);
			long backslashes = x ^ (ONES * '\\');
			// a byte of zero in backslashes, or below 0x20 in x, sets its high bit here (the standard SWAR tests)
			long flagged = ((backslashes - ONES) & ~backslashes) | ((x - ONES * 0x20) & ~x);
			if ((flagged & HIGHS) != 0) {
				break;
			}
		}
		for (; i < to; i++) {
			var b = bytes[i];
			if (b == '\\' || (b >= 0 && b < 0x20)) {
				return i;
			}
		}
		return to;
	}

	private void putEscape(int c) throws SQLException {
		put2('\\', switch (c) {
			case '\n' -> 'n';
			case '\r' -> 'r';
			case '\t' -> 't';
			default -> '\\';
		});
	}

	/** Writes a field's UTF-8 bytes to the stream it is given; a JSON generator writes to it as to a file. */
	@FunctionalInterface
	public interface FieldWriter {
		void writeTo(OutputStream out) throws Exception;
	}

	/**
	 * A field that {@code writer} writes straight into the buffer as UTF-8 (a JSON document): no String of it, no
	 * second copy into bytes (issue 18: these were a quarter of the bulk decision's allocation). Never NULL.
	 */
	public CopyRows written(FieldWriter writer) throws SQLException {
		separate();
		field.failure = null;
		try {
			writer.writeTo(field);
		}
		catch (Exception e) {
			if (field.failure != null) {
				throw field.failure;
			}
			throw new IllegalStateException("writing a field to copy", e);
		}
		if (field.failure != null) {
			throw field.failure;
		}
		return this;
	}

	/** The stream {@link #written} hands out: escapes into the buffer; closing or flushing it does nothing. */
	private final class Field extends OutputStream {

		SQLException failure;

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int from, int length) {
			if (failure != null) {
				return;
			}
			try {
				escaped(bytes, from, from + length);
			}
			catch (SQLException e) {
				// kept and thrown by written(): a writer (Jackson) would wrap it into its own exception
				failure = e;
			}
		}
	}

	private final Field field = new Field();

	/** The generator of {@link #json}, made at its first document and kept for the copy's others. */
	private JsonGenerator documents;

	/**
	 * A JSON document field, written by {@code document} to one generator that serves every document of this copy
	 * (issue 18: a generator made per document, three a decision, was ≈ 0.8 GB of the 13 GB a million bulk decisions
	 * allocated).
	 * Documents follow each other with nothing between them, as if each had its own generator. The first call's
	 * {@code mapper} makes it (for values only data binding writes). Never NULL.
	 */
	public CopyRows json(ObjectMapper mapper, Consumer<JsonGenerator> document) throws SQLException {
		return written(out -> {
			if (documents == null) {
				documents = mapper.writer().withRootValueSeparator((String) null).createGenerator(field);
			}
			document.accept(documents);
			documents.flush();
		});
	}

	/** A number, date or other value by its text; null is NULL. */
	public CopyRows value(Object value) throws SQLException {
		if (value instanceof Long n) {
			return number(n);
		}
		if (value instanceof Integer n) {
			return number(n);
		}
		return text(value == null ? null : value.toString());
	}

	/** A whole number, its digits written straight into the buffer (ids are a fifth of a chunk's fields). */
	public CopyRows number(long value) throws SQLException {
		if (value == Long.MIN_VALUE) {
			return text(Long.toString(value));
		}
		separate();
		if (buffer.length - used < 20) {
			flush();
		}
		if (value < 0) {
			buffer[used++] = '-';
			value = -value;
		}
		int first = used;
		do {
			buffer[used++] = (byte) ('0' + value % 10);
			value /= 10;
		}
		while (value != 0);
		for (int i = first, j = used - 1; i < j; i++, j--) {
			var digit = buffer[i];
			buffer[i] = buffer[j];
			buffer[j] = digit;
		}
		return this;
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
