package cn.gongjiang.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;

import cn.gongjiang.database.CopyRows;

/**
 * The accepted rows of one range of a file, held by the pipeline for a handler that writes its new records straight
 * from them ({@link ImportHandler#keyColumn()}): X-5, each row reaches the database once instead of twice (staging,
 * then the merge). The rows checked against the file's earlier rows are already taken out.
 */
public final class StagedRows {

	/** One accepted row: its number in the file and its values, in the handler's staging columns' order. */
	record Row(int number, List<String> values) {
	}

	private final List<Row> rows;

	StagedRows(List<Row> rows) {
		this.rows = List.copyOf(rows);
	}

	public int size() {
		return rows.size();
	}

	/**
	 * {@code COPY}s the rows whose numbers {@code include} accepts into {@code tableWithColumns}: the staging columns,
	 * preceded by {@code job_id, row_number} when {@code job} is given; an empty value is NULL, as in staging. The rows
	 * are streamed a buffer at a time, so the database parses while the rest is written. Returns how many rows were
	 * copied; a broken constraint comes back as the driver's {@link SQLException} with its SQL state.
	 */
	public long copy(Connection connection, String tableWithColumns, IntPredicate include, UUID job)
			throws SQLException {
		if (rows.stream().noneMatch(row -> include.test(row.number()))) {
			return 0;
		}
		try (var copy = CopyRows.into(connection, tableWithColumns)) {
			for (var row : rows) {
				if (!include.test(row.number())) {
					continue;
				}
				if (job != null) {
					copy.text(job.toString()).text(Integer.toString(row.number()));
				}
				for (var value : row.values()) {
					copy.text(value == null || value.isEmpty() ? null : value);
				}
				copy.endRow();
			}
			return copy.finish();
		}
	}
}
