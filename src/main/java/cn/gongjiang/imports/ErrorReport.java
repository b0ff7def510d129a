package cn.gongjiang.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.UUID;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refused rows of a job in the file's own layout, with one more column saying what is wrong, so a clerk can fix
 * them in place and import the corrected file. File rows and errors are both read in row order and merged as they
 * stream: a file of a million bad rows needs no more memory than one of ten.
 */
@Component
class ErrorReport {

	static final String ERROR_COLUMN = "错误说明 / Errors";

	private final JdbcClient jdbc;
	private final ImportFiles files;

	ErrorReport(JdbcClient jdbc, ImportFiles files) {
		this.jdbc = jdbc;
		this.files = files;
	}

	@Transactional(readOnly = true)
	public void write(UUID job, OutputStream out, Function<RowError, String> message) throws IOException {
		try (var file = files.open(job);
				var errors = jdbc.sql("""
						select row_number, column_name, code, arguments from imports.import_error
						where job_id = :job order by row_number
						""").param("job", job).withFetchSize(1000)
						.query(ImportJobs::error).stream()) {
			var workbook = new Workbook(out, "Gongjiang", "1.0");
			var sheet = workbook.newWorksheet("错误行");
			var header = new ArrayList<>(file.header());
			header.add(0, "行号 / Row");
			header.add(ERROR_COLUMN);
			for (int c = 0; c < header.size(); c++) {
				sheet.value(0, c, header.get(c));
				sheet.style(0, c).bold().fillColor("F2DEDE").set();
			}
			sheet.width(header.size() - 1, 60);
			Iterator<RowError> pending = errors.iterator();
			var next = pending.hasNext() ? pending.next() : null;
			var outRow = 1;
			for (var rows = file.rows(); rows.hasNext() && next != null;) {
				var line = rows.next();
				var messages = new ArrayList<String>();
				while (next != null && next.row() == line.number()) {
					var column = next.violation().field();
					messages.add((column == null ? "" : column + "：") + message.apply(next));
					next = pending.hasNext() ? pending.next() : null;
				}
				if (messages.isEmpty()) {
					continue;
				}
				sheet.value(outRow, 0, line.number());
				for (int c = 0; c < line.cells().size(); c++) {
					sheet.value(outRow, c + 1, line.cells().get(c));
				}
				sheet.value(outRow, header.size() - 1, String.join("；", messages));
				outRow++;
			}
			workbook.finish();
		}
	}
}
