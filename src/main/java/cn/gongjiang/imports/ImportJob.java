package cn.gongjiang.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bulk import as its uploader follows it; {@code ignoredColumns}: headers no column of the kind reads. */
public record ImportJob(UUID id, String kind, ImportStatus status, String fileName, String fileFormat,
		String uploadedBy, Instant uploadedAt, Instant startedAt, Instant finishedAt, int totalRows, int processedRows,
		int appliedRows, int acceptedRows, int rejectedRows, int unchangedRows, String failureCode,
		String failureDetail, List<String> ignoredColumns) {

	/** Reading counts for half, merging for the other half. */
	public int percent() {
		if (status == ImportStatus.DONE) {
			return 100;
		}
		if (totalRows == 0) {
			return 0;
		}
		return (int) Math.min(99, (50L * processedRows + 50L * appliedRows) / totalRows);
	}

	/** Rows per second so far. */
	public long rowsPerSecond() {
		if (startedAt == null) {
			return 0;
		}
		var end = finishedAt != null ? finishedAt : Instant.now();
		var millis = Math.max(1, end.toEpochMilli() - startedAt.toEpochMilli());
		return processedRows * 1000L / millis;
	}
}
