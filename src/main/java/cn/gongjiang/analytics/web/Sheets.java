package cn.gongjiang.analytics.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.Workbook;

/**
 * An analysis as a workbook (ANA-3 "every figure exportable"): one sheet per figure, a title line saying what and
 * as of when and from which source, the header, the rows. Numbers stay numbers so Excel can sum them; a hidden
 * (suppressed) figure is the word the page shows, never a number.
 */
final class Sheets {

	record Sheet(String name, String title, List<String> header, List<List<Object>> rows) {
	}

	private final List<Sheet> sheets = new ArrayList<>();

	Sheets add(String name, String title, List<String> header, List<List<Object>> rows) {
		sheets.add(new Sheet(name, title, header, rows));
		return this;
	}

	static List<Object> row(Object... cells) {
		return Arrays.asList(cells);
	}

	/** Only the sheet called {@code figure}, when one is asked for and exists. */
	Sheets only(String figure) {
		if (figure != null && sheets.stream().anyMatch(s -> s.name().equals(figure))) {
			sheets.removeIf(s -> !s.name().equals(figure));
		}
		return this;
	}

	void write(OutputStream out) throws IOException {
		var workbook = new Workbook(out, "Gongjiang", "1.0");
		for (var sheet : sheets) {
			var ws = workbook.newWorksheet(sheet.name());
			ws.value(0, 0, sheet.title());
			ws.style(0, 0).bold().set();
			for (int c = 0; c < sheet.header().size(); c++) {
				ws.value(1, c, sheet.header().get(c));
				ws.style(1, c).bold().set();
				ws.width(c, 18);
			}
			for (int r = 0; r < sheet.rows().size(); r++) {
				var row = sheet.rows().get(r);
				for (int c = 0; c < row.size(); c++) {
					var v = row.get(c);
					if (v instanceof Number n) {
						ws.value(r + 2, c, n);
					}
					else if (v != null) {
						ws.value(r + 2, c, v.toString());
					}
				}
			}
		}
		workbook.finish();
	}
}
