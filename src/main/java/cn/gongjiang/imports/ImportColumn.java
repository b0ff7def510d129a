package cn.gongjiang.imports;

import java.util.List;

/**
 * A column of an import file, matched by its header text or one of its aliases (the other names the same column goes
 * by in the files people keep: 身份证号码 for 身份证号); {@code description} goes into templates and docs. {@code field}
 * is the property of the form or request the column fills ({@code headcount} for 需求人数), so that a refusal naming
 * that field is reported in this column; null where no refusal names one.
 */
public record ImportColumn(String header, boolean required, String description, List<String> aliases, String field) {

	public ImportColumn {
		aliases = List.copyOf(aliases);
	}

	public ImportColumn(String header, boolean required, String description) {
		this(header, required, description, List.of(), null);
	}

	public static ImportColumn required(String header, String description) {
		return new ImportColumn(header, true, description);
	}

	public static ImportColumn optional(String header, String description) {
		return new ImportColumn(header, false, description);
	}

	/** The same column, also recognised under these headers. */
	public ImportColumn alias(String... others) {
		return new ImportColumn(header, required, description, List.of(others), field);
	}

	/** The same column, filling this property of the form a row is checked as. */
	public ImportColumn field(String property) {
		return new ImportColumn(header, required, description, aliases, property);
	}

	/**
	 * The header of the column a refusal's field stands for: the column of that header, or the one filling that
	 * property; null when no column does (the refusal concerns the row as a whole).
	 */
	public static String headerOf(String field, List<ImportColumn> columns) {
		if (field == null) {
			return null;
		}
		return columns.stream().filter(c -> c.header().equals(field)).findFirst()
				.or(() -> columns.stream().filter(c -> field.equals(c.field())).findFirst())
				.map(ImportColumn::header).orElse(null);
	}

	/** The header a file's header cell stands for: this column's own when it is one of the aliases. */
	static List<String> canonical(List<String> header, List<ImportColumn> columns) {
		return header.stream().map(h -> columns.stream().filter(c -> c.aliases().contains(h)).map(ImportColumn::header)
				.findFirst().filter(own -> !header.contains(own)).orElse(h)).toList();
	}
}
