package cn.gongjiang.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * an xlsx is read as its clerk sees it. A date cell holds Excel's day number; it reads as the day it shows, so
 * that every import's date columns take what Excel users type, not only the ones that parse day numbers themselves.
 */
class TabularFileTests {

	@TempDir
	Path folder;

	@Test
	void aDateCellReadsAsTheDayItShowsAndANumberStaysANumber() throws IOException {
		var file = folder.resolve("证书.xlsx");
		try (var out = Files.newOutputStream(file)) {
			var workbook = new Workbook(out, "test", "1.0");
			var sheet = workbook.newWorksheet("证书");
			sheet.value(0, 0, "姓名");
			sheet.value(0, 1, "发证日期");
			sheet.value(0, 2, "考试时间");
			sheet.value(0, 3, "成绩");
			sheet.value(0, 4, "中文日期");
			sheet.value(1, 0, "张三");
			sheet.value(1, 1, LocalDate.of(2026, 3, 1));
			sheet.style(1, 1).format("yyyy-mm-dd").set();
			sheet.value(1, 2, LocalDateTime.of(2026, 3, 1, 9, 30));
			sheet.style(1, 2).format("yyyy-mm-dd hh:mm").set();
			sheet.value(1, 3, 46082);
			sheet.value(1, 4, LocalDate.of(2025, 12, 31));
			sheet.style(1, 4).format("yyyy\"年\"m\"月\"d\"日\"").set();
			workbook.finish();
		}
		var lines = new ArrayList<TabularFile.Line>();
		try (var table = TabularFile.open(file)) {
			table.rows().forEachRemaining(lines::add);
		}
		assertThat(lines.get(lines.size() - 1).cells()).containsExactly("张三", "2026-03-01", "2026-03-01 09:30",
				"46082", "2025-12-31");
	}

	@Test
	void formatsAreToldApartByTheirCodesNotByTheirQuotedWords() {
		assertThat(TabularFile.isDateFormat(14, null)).isTrue();
		assertThat(TabularFile.isDateFormat(57, null)).as("a built-in Chinese date").isTrue();
		assertThat(TabularFile.isDateFormat(164, "yyyy/mm/dd")).isTrue();
		assertThat(TabularFile.isDateFormat(164, "[$-804]yyyy\"年\"m\"月\"")).isTrue();
		assertThat(TabularFile.isDateFormat(2, "0.00")).isFalse();
		assertThat(TabularFile.isDateFormat(165, "0\" days\"")).as("the word days is quoted text").isFalse();
		assertThat(TabularFile.isDateFormat(166, "[Red]#,##0")).isFalse();
		assertThat(TabularFile.isDateFormat(0, "General")).isFalse();
	}

	@Test
	void numbersReadInFullAndFormulasAsTheirResult() throws IOException {
		var file = folder.resolve("学员.xlsx");
		try (var out = Files.newOutputStream(file)) {
			var workbook = new Workbook(out, "test", "1.0");
			var sheet = workbook.newWorksheet("学员");
			sheet.value(0, 0, "手机号");
			sheet.value(0, 1, "课时");
			sheet.value(0, 2, "合计");
			sheet.value(0, 3, "在职");
			sheet.value(1, 0, 13800138000L);
			sheet.value(1, 1, 12.5);
			sheet.formula(1, 2, "B2*2");
			sheet.value(1, 3, true);
			workbook.finish();
		}
		try (var table = TabularFile.open(file)) {
			assertThat(table.format()).isEqualTo(TabularFile.Format.XLSX);
			assertThat(table.header()).containsExactly("手机号", "课时", "合计", "在职");
			var row = table.rows().next();
			assertThat(row.number()).as("Excel's own row number").isEqualTo(2);
			// a formula FastExcel wrote has no cached result: it reads as empty, never as its text
			assertThat(row.cells()).containsExactly("13800138000", "12.5", null, "TRUE");
		}
	}

	/**
	 * a million-row file has millions of unique shared strings (names, ID numbers); they are spilled to a
	 * temporary file instead of the heap. That file holds personal data: it goes to the spill folder (the upload's
	 * own protection, readable by the application's user only) and is gone when the import closes the file.
	 */
	@Test
	void sharedStringsSpillToAPrivateFileThatCloseDeletes() throws IOException {
		var file = folder.resolve("人员.xlsx");
		var rows = 60_000;
		try (var out = Files.newOutputStream(file)) {
			var workbook = new Workbook(out, "test", "1.0");
			var sheet = workbook.newWorksheet("人员");
			sheet.value(0, 0, "姓名");
			sheet.value(0, 1, "身份证号");
			for (int r = 1; r <= rows; r++) {
				sheet.value(r, 0, "测试人员" + r);
				sheet.value(r, 1, String.format("330102199001%06d", r));
			}
			workbook.finish();
		}
		var spillFolder = folder.resolve("spill");
		Files.createDirectories(spillFolder);
		Files.writeString(spillFolder.resolve("poi-shared-strings-left-by-a-crash.tmp"), "330102199001000001");
		TabularFile.spillInto(spillFolder);
		assertThat(spills(spillFolder)).as("what a crashed read left is deleted").isEmpty();
		assertThat(Files.getPosixFilePermissions(spillFolder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
		var read = 0;
		String last = null;
		try (var table = TabularFile.open(file)) {
			var during = spills(spillFolder);
			assertThat(during).as("one spill file for this read").hasSize(1);
			var spill = during.iterator().next();
			assertThat(Files.getPosixFilePermissions(spill)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			// the store writes in the background about once a second
			var deadline = System.nanoTime() + 15_000_000_000L;
			while (Files.size(spill) < 1 << 20 && System.nanoTime() < deadline) {
				sleep(100);
			}
			assertThat(Files.size(spill)).as("the strings are on disk, not in memory").isGreaterThan(1 << 20);
			for (var it = table.rows(); it.hasNext();) {
				last = String.join(",", it.next().cells());
				read++;
			}
		}
		assertThat(read).isEqualTo(rows);
		assertThat(last).isEqualTo("测试人员60000,330102199001060000");
		assertThat(spills(spillFolder)).as("the spill file is deleted on close").isEmpty();
	}

	/** the progress total of an xlsx is counted without its shared strings, blank and styled-only rows left out. */
	@Test
	void anXlsxIsCountedWithoutReadingItsStringsAndBlankRowsDoNotCount() throws IOException {
		var file = folder.resolve("计数.xlsx");
		try (var out = Files.newOutputStream(file)) {
			var workbook = new Workbook(out, "test", "1.0");
			var sheet = workbook.newWorksheet("计数");
			sheet.value(0, 0, "姓名");
			sheet.value(0, 1, "年龄");
			sheet.value(1, 0, "张三");
			sheet.value(2, 1, 30);
			sheet.style(3, 0).bold().set(); // a formatted cell with no value: a blank row
			sheet.value(5, 0, "李四");
			workbook.finish();
		}
		assertThat(TabularFile.count(file, XlsxLimits.DEFAULTS)).isEqualTo(new TabularFile.Count(true, 3));
		var csv = folder.resolve("计数.csv");
		Files.writeString(csv, "姓名,年龄\n张三,\n,\n李四,40\n");
		assertThat(TabularFile.count(csv, XlsxLimits.DEFAULTS)).isEqualTo(new TabularFile.Count(true, 2));
		var headerOnly = folder.resolve("空.xlsx");
		try (var out = Files.newOutputStream(headerOnly)) {
			var workbook = new Workbook(out, "test", "1.0");
			var sheet = workbook.newWorksheet("空");
			sheet.style(0, 0).bold().set();
			sheet.style(1, 0).bold().set();
			workbook.finish();
		}
		assertThat(TabularFile.count(headerOnly, XlsxLimits.DEFAULTS)).isEqualTo(new TabularFile.Count(false, 0));
	}

	private static java.util.Set<Path> spills(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return new java.util.HashSet<>();
		}
		try (var files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().startsWith("poi-shared-strings"))
					.collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
