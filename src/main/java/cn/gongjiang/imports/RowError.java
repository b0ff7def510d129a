package cn.gongjiang.imports;

import java.util.List;

/** Why a row was refused: the row, the column (header), a stable {@code import.*} code and message arguments. */
public record RowError(int row, String column, String code, List<String> arguments) {

	/** One {@code import.required} error per required column the row leaves empty. */
	public static List<RowError> missing(ImportRow row, List<ImportColumn> columns) {
		return columns.stream().filter(c -> c.required() && row.get(c.header()) == null)
				.map(c -> of(row.number(), c.header(), "required")).toList();
	}

	public static RowError of(int row, String column, String code, Object... arguments) {
		return new RowError(row, column, code.startsWith("import.") ? code : "import." + code,
				java.util.Arrays.stream(arguments).map(String::valueOf).toList());
	}
}
