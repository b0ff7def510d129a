package cn.gongjiang.imports;

import java.util.Arrays;
import java.util.List;

import cn.gongjiang.shared.Violation;

/**
 * Why a row was refused: the row's number and the rule it broke, whose field is the column (header) and whose code
 * is a stable {@code import.*} code; its arguments are kept as the text the report shows.
 */
public record RowError(int row, Violation violation) {

	/** One {@code import.required} error per required column the row leaves empty. */
	public static List<RowError> missing(ImportRow row, List<ImportColumn> columns) {
		return columns.stream().filter(c -> c.required() && row.get(c.header()) == null)
				.map(c -> of(row.number(), c.header(), "required")).toList();
	}

	public static RowError of(int row, String column, String code, Object... arguments) {
		return new RowError(row, new Violation(column, code.startsWith(Violation.IMPORT_PREFIX) ? code
				: Violation.IMPORT_PREFIX + code, Arrays.stream(arguments).map(a -> (Object) String.valueOf(a)).toList()));
	}

	/** A rule a check found, in the column that holds its field. */
	public static RowError of(int row, Violation violation) {
		return of(row, violation.field(), violation.code(), violation.argumentArray());
	}
}
