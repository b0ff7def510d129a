package cn.gongjiang.imports;

import java.util.Map;
import java.util.function.Function;

import cn.gongjiang.shared.BusinessException;

/** One data row: its number as Excel shows it (header = 1) and its cells by header. */
public record ImportRow(int number, Map<String, String> cells) {

	/** The trimmed cell, or null when empty or absent. */
	public String get(String header) {
		var value = cells.get(header);
		if (value == null) {
			return null;
		}
		var stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/**
	 * The trimmed cell as {@code parse} reads it, or null when empty, for the rules of a {@link RowCheck}: a rule
	 * the parser refuses is about this column, and a cell it cannot read at all (a number that is none, a day that
	 * is no day) is the row's format error in this column.
	 */
	public <T> T read(String header, Function<String, T> parse) {
		var cell = get(header);
		if (cell == null) {
			return null;
		}
		try {
			return parse.apply(cell);
		}
		catch (BusinessException e) {
			throw e.about(header);
		}
		catch (RuntimeException e) {
			throw new UnreadableCell(header, e);
		}
	}

	/** A cell {@link #read} could not read; {@link RowCheck} reports it. */
	static final class UnreadableCell extends RuntimeException {

		private final String header;

		UnreadableCell(String header, RuntimeException cause) {
			super(header, cause);
			this.header = header;
		}

		String header() {
			return header;
		}
	}
}
