package cn.gongjiang.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.Workbook;

/**
 * A workbook of several sheets, each a title line saying what it is and as of when, the header and the rows. Numbers
 * stay numbers so Excel can sum them; text cells are typed as text, so none is ever evaluated as a formula.
 */
public final class Sheets {

	public record Sheet(String name, String title, List<String> header, List<List<Object>> rows) {
	}

	private final List<Sheet> sheets = new ArrayList<>();

	public Sheets add(String name, String title, List<String> header, List<List<Object>> rows) {
		sheets.add(new Sheet(name, title, header, rows));
		return this;
	}

	public Sheets add(Sheet sheet) {
		sheets.add(sheet);
		return this;
	}

	public static List<Object> row(Object... cells) {
		return Arrays.asList(cells);
	}

	/** Only the sheet called {@code name}, when one is asked for and exists. */
	public Sheets only(String name) {
		if (name != null && sheets.stream().anyMatch(s -> s.name().equals(name))) {
			sheets.removeIf(s -> !s.name().equals(name));
		}
		return this;
	}

	public void write(OutputStream out) throws IOException {
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
