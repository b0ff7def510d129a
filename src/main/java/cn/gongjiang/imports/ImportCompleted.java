package cn.gongjiang.imports;

import java.util.UUID;

/** A bulk import finished; its counts say what it changed. */
public record ImportCompleted(UUID job, String kind, String uploadedBy, int totalRows, int acceptedRows,
		int rejectedRows, int unchangedRows) {
}
