package cn.gongjiang.shared;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The keyed index of an ID number (SM3-HMAC, made by {@code privacy}): how every module finds a person without holding
 * the number. It travels as this type, not as bytes or hex text converted at each end; in SQL it is {@code bytea}.
 */
public final class IdNumberIndex {

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

	/** From its hex text (a worker's data scope, an event's field). */
	public static IdNumberIndex fromHex(String hex) {
		return new IdNumberIndex(HEX.parseHex(hex));
	}

	/** The bytes, to bind as a {@code bytea} parameter. */
	public byte[] bytes() {
		return bytes.clone();
	}

	public String hex() {
		return HEX.formatHex(bytes);
	}

	/** As PostgreSQL's text form of {@code bytea}, for a COPY or a staged row. */
	public String copyText() {
		return "\\x" + hex();
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
