package cn.gongjiang.shared;

/**
 * Text written into a CSV that people open in Excel or WPS (X-2, CWE-1236): a cell beginning with {@code = + - @},
 * a tab or a carriage return is taken there for a formula, so it is written with a leading apostrophe, which the
 * spreadsheet hides. Numbers are written as numbers and are left alone. (xlsx cells are typed: a text cell is never
 * evaluated.)
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String cell(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
			default -> text;
		};
	}
}
