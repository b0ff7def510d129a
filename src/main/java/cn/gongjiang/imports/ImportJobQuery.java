package cn.gongjiang.imports;

/** What an uploader filters their jobs by; every field optional. */
public record ImportJobQuery(String kind, ImportStatus status, String fileName) {

	public static final ImportJobQuery ALL = new ImportJobQuery(null, null, null);

	public ImportJobQuery {
		kind = kind == null || kind.isBlank() ? null : kind.strip();
	}
}
