package cn.gongjiang.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;

import cn.gongjiang.database.CsvCopy;

import de.siegmar.fastcsv.writer.CsvWriter;

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
	 * preceded by {@code job_id, row_number} when {@code job} is given. Returns how many rows were copied; a broken
	 * constraint comes back as the driver's {@link SQLException} with its SQL state.
	 */
	public long copy(Connection connection, String tableWithColumns, IntPredicate include, UUID job)
			throws SQLException {
		var bytes = new ByteArrayOutputStream(1 << 16);
		var count = 0;
		try (var csv = CsvWriter.builder().build(bytes, StandardCharsets.UTF_8)) {
			var record = new ArrayList<String>();
			for (var row : rows) {
				if (!include.test(row.number())) {
					continue;
				}
				record.clear();
				if (job != null) {
					record.add(job.toString());
					record.add(Integer.toString(row.number()));
				}
				for (var value : row.values()) {
					record.add(value == null ? "" : value);
				}
				csv.writeRecord(record);
				count++;
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (count == 0) {
			return 0;
		}
		return CsvCopy.copy(connection, new ByteArrayInputStream(bytes.toByteArray()), tableWithColumns, false);
	}
}
