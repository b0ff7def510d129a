package cn.gongjiang.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
