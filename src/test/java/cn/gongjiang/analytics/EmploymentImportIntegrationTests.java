package cn.gongjiang.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;

/**
 * ANA-1, X-3, issue 17: a figure the statistics refuse is reported in the column of the field they name, the same
 * field the form and the API name, not in the region's column by default.
 */
@IntegrationTest
class EmploymentImportIntegrationTests {

	@Autowired
	Imports imports;

	@Test
	void eachRefusedFigureNamesTheColumnOfTheFieldTheStatisticsRefused() throws Exception {
		var csv = "区划代码,年份,从业人员数,来源文件\n"
				+ "3306,2023,800000,测试\n"
				+ "330603001,2023,800000,测试\n"
				+ "330603,2099,800000,测试\n"
				+ "330603,2023,0,测试\n"
				+ "330603,2023,800000," + "统计年鉴".repeat(51) + "\n"
				+ "330603,二〇二三,800000,测试\n";
		var job = imports.run("keqiao", "employment-statistics", "从业人员.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("acceptedRows", 0).containsEntry("rejectedRows", 6);
		assertThat(imports.errors("keqiao", job)).containsExactly(
				"2|区划代码|import.region.code.format",
				"3|区划代码|import.analytics.employment.region.unknown",
				"4|年份|import.analytics.employment.year.invalid",
				"5|从业人员数|import.analytics.employment.employed.invalid",
				"6|来源文件|import.analytics.employment.source.required",
				"7|年份|import.analytics.value.format");
	}
}
