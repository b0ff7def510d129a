package cn.gongjiang.imports;

import java.util.Map;

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
}
