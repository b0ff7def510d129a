package cn.gongjiang.imports;

/** A column of an import file, matched by its header text; {@code description} goes into templates and docs. */
public record ImportColumn(String header, boolean required, String description) {

	public static ImportColumn required(String header, String description) {
		return new ImportColumn(header, true, description);
	}

	public static ImportColumn optional(String header, String description) {
		return new ImportColumn(header, false, description);
	}
}
