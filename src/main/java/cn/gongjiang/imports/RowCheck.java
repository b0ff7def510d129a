package cn.gongjiang.imports;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.Violation;

/**
 * How a kind checks one row, the same for every kind: the required cells first, then the kind's rules (mostly the
 * owning module's own check of the form the row stands for), whose refusals become the row's errors. A
 * {@link BusinessException} is each rule it broke, in the column of the field the rule names
 * ({@link ImportColumn#headerOf}); an {@link AccessDeniedException} is a row outside the uploader's jurisdiction
 * ({@code import.scope.outside}, in the scope column, with that cell); a cell {@link ImportRow#read} could not read is
 * a format error in its column, and any other value the rules could not take one of the row. A fault of the database
 * is the job's, not the row's.
 *
 * @param scopeColumn where a refusal of the jurisdiction is reported (null: the row's)
 * @param formatCode the rule of an unreadable value ({@code value.format} unless a module words its own)
 */
public record RowCheck(List<ImportColumn> columns, String scopeColumn, String formatCode) {

	public static RowCheck of(List<ImportColumn> columns) {
		return new RowCheck(columns, null, "value.format");
	}

	/** The same check, reporting a row outside the jurisdiction in this column. */
	public RowCheck scopeIn(String column) {
		return new RowCheck(columns, column, formatCode);
	}

	/** The same check, reporting unreadable values under this rule. */
	public RowCheck formatErrorsAs(String code) {
		return new RowCheck(columns, scopeColumn, code);
	}

	/** Each broken rule as the row's error, in the column of the field it names. */
	public List<RowError> errors(ImportRow row, List<Violation> violations) {
		return violations.stream().map(v -> RowError.of(row.number(), v.in(ImportColumn.headerOf(v.field(), columns))))
				.toList();
	}

	/** The row checked: what {@code rules} stages or refuses, or the refusals they throw as the row's errors. */
	public CheckedRow check(ImportRow row, Supplier<CheckedRow> rules) {
		var missing = RowError.missing(row, columns);
		if (!missing.isEmpty()) {
			return CheckedRow.rejected(missing);
		}
		try {
			return rules.get();
		}
		catch (AccessDeniedException e) {
			return scopeColumn == null ? CheckedRow.rejected(row, null, "scope.outside")
					: CheckedRow.rejected(row, scopeColumn, "scope.outside", row.get(scopeColumn));
		}
		catch (BusinessException e) {
			return CheckedRow.rejected(errors(row, e.violations()));
		}
		catch (ImportRow.UnreadableCell e) {
			return CheckedRow.rejected(row, e.header(), formatCode);
		}
		catch (DataAccessException e) {
			throw e;
		}
		catch (RuntimeException e) {
			return CheckedRow.rejected(row, null, formatCode);
		}
	}
}
