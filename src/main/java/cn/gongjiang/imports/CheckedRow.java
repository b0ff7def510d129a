package cn.gongjiang.imports;

import java.util.List;

/**
 * What a handler made of one row: the values to stage, in its staging columns' order (null for NULL), or the errors.
 */
public record CheckedRow(List<String> staged, List<RowError> errors) {

	public static CheckedRow staged(List<String> values) {
		return new CheckedRow(values, List.of());
	}

	public static CheckedRow rejected(List<RowError> errors) {
		return new CheckedRow(null, errors);
	}

	/** One error of the row: in which column, by which rule. */
	public static CheckedRow rejected(ImportRow row, String column, String code, Object... arguments) {
		return rejected(List.of(RowError.of(row.number(), column, code, arguments)));
	}

	public boolean accepted() {
		return errors.isEmpty();
	}
}
