package cn.gongjiang.imports;

import java.util.List;

/**
 * A column of an import file, matched by its header text or one of its aliases (the other names the same column goes
 * by in the files people keep: 身份证号码 for 身份证号); {@code description} goes into templates and docs.
 */
public record ImportColumn(String header, boolean required, String description, List<String> aliases) {

	public ImportColumn {
		aliases = List.copyOf(aliases);
	}

	public ImportColumn(String header, boolean required, String description) {
		this(header, required, description, List.of());
	}

	public static ImportColumn required(String header, String description) {
		return new ImportColumn(header, true, description);
	}

	public static ImportColumn optional(String header, String description) {
		return new ImportColumn(header, false, description);
	}

	/** The same column, also recognised under these headers. */
	public ImportColumn alias(String... others) {
		return new ImportColumn(header, required, description, List.of(others));
	}

	/** The header a file's header cell stands for: this column's own when it is one of the aliases. */
	static List<String> canonical(List<String> header, List<ImportColumn> columns) {
		return header.stream().map(h -> columns.stream().filter(c -> c.aliases().contains(h)).map(ImportColumn::header)
				.findFirst().filter(own -> !header.contains(own)).orElse(h)).toList();
	}
}
