package cn.gongjiang.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;

import org.springframework.jdbc.core.SqlTypeValue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The keyed index of an ID number (SM3-HMAC, made by {@code privacy}): how every module finds a person without holding
 * the number. It travels as this type, not as bytes or hex text converted at each end; in SQL it is {@code bytea} and
 * binds as one when passed to a statement as it is; in JSON (an event in the publication registry) it is its hex text.
 */
public final class IdNumberIndex implements SqlTypeValue {

	private static final HexFormat HEX = HexFormat.of();

	private final byte[] bytes;

	private IdNumberIndex(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new IllegalArgumentException("an index has bytes");
		}
		this.bytes = bytes;
	}

	public static IdNumberIndex of(byte[] bytes) {
		return new IdNumberIndex(bytes.clone());
	}

	/** From a nullable {@code bytea} column: null stays null (a claim by an organisation names no person). */
	public static IdNumberIndex ofNullable(byte[] bytes) {
		return bytes == null ? null : of(bytes);
	}

	/** From its hex text (a worker's data scope, an event's field). */
	@JsonCreator
	public static IdNumberIndex fromHex(String hex) {
		return new IdNumberIndex(HEX.parseHex(hex));
	}

	/** The bytes, to bind as a {@code bytea} parameter. */
	public byte[] bytes() {
		return bytes.clone();
	}

	@JsonValue
	public String hex() {
		return HEX.formatHex(bytes);
	}

	/** As PostgreSQL's text form of {@code bytea}, for a COPY or a staged row. */
	public String copyText() {
		return "\\x" + hex();
	}

	@Override
	public void setTypeValue(PreparedStatement statement, int index, int sqlType, String typeName) throws SQLException {
		statement.setBytes(index, bytes);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IdNumberIndex i && Arrays.equals(bytes, i.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}

	@Override
	public String toString() {
		return hex();
	}
}
