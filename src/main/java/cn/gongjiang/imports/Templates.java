package cn.gongjiang.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.dhatim.fastexcel.Workbook;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Empty import files with the right headers: required columns marked with *, and for xlsx a second sheet explaining
 * every column.
 */
final class Templates {

	private Templates() {
	}

	static void xlsx(ImportHandler handler, String title, OutputStream out) throws IOException {
		var workbook = new Workbook(out, "Gongjiang", "1.0");
		var sheet = workbook.newWorksheet(title == null || title.isBlank() ? handler.kind() : sheetName(title));
		var columns = handler.columns();
		for (int c = 0; c < columns.size(); c++) {
			sheet.value(0, c, header(columns.get(c)));
			sheet.style(0, c).bold().fillColor(columns.get(c).required() ? "FCE4D6" : "E7E6E6").set();
			sheet.width(c, 22);
		}
		var help = workbook.newWorksheet("说明");
		help.value(0, 0, "列名");
		help.value(0, 1, "必填");
		help.value(0, 2, "说明");
		for (int c = 0; c < columns.size(); c++) {
			help.value(c + 1, 0, columns.get(c).header());
			help.value(c + 1, 1, columns.get(c).required() ? "是" : "否");
			help.value(c + 1, 2, columns.get(c).aliases().isEmpty() ? columns.get(c).description()
					: columns.get(c).description() + "（列名也可写作：" + String.join("、", columns.get(c).aliases()) + "）");
		}
		help.width(0, 26);
		help.width(2, 80);
		workbook.finish();
	}

	/** UTF-8 with a BOM so Excel opens it with the Chinese intact; GBK as Excel on Chinese Windows saves CSV. */
	static void csv(ImportHandler handler, Charset charset, OutputStream out) throws IOException {
		if (StandardCharsets.UTF_8.equals(charset)) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		}
		try (var writer = CsvWriter.builder().build(out, charset)) {
			writer.writeRecord(handler.columns().stream().map(Templates::header).toList());
		}
	}

	/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
	private static String sheetName(String title) {
		var name = title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
		return name.length() > 31 ? name.substring(0, 31) : name;
	}

	private static String header(ImportColumn column) {
		return column.required() ? column.header() + "*" : column.header();
	}
}
