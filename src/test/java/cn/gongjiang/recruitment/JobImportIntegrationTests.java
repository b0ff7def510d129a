package cn.gongjiang.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.CreditCode;

/**
 * REC-1, X-3, issue 17: a job row the postings refuse is reported in the column of the field they name, the same
 * field the form and the API name, and a posting another enterprise's file holds is outside the uploader's scope.
 */
@IntegrationTest
class JobImportIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	Clock appClock;

	@Test
	void eachRefusedRowNamesTheColumnOfTheFieldThePostingsRefused() throws Exception {
		var closes = LocalDate.now(appClock).plusDays(30);
		var row = "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,是\n";
		var csv = "统一社会信用代码,岗位名称,职业编码,最低技能等级,招聘人数,工作地区划代码,月薪下限,月薪上限,到岗日期,截止日期,岗位要求,欢迎院校毕业生\n"
				+ row.formatted("", "数控车工".repeat(26), "6-18-01-01", "", 2, "", "", "", "", closes, "")
				+ row.formatted("", "数控车工", "6-18-1", "", 2, "", "", "", "", closes, "")
				+ row.formatted("", "数控车工", "9-99-99-99", "", 2, "", "", "", "", closes, "")
				+ row.formatted("", "数控车工", "6-18-01-01", "宗师", 2, "", "", "", "", closes, "")
				+ row.formatted("", "数控车工", "6-18-01-01", "", 0, "", "", "", "", closes, "")
				+ row.formatted("", "数控车工", "6-18-01-01", "", 2, 330600, "", "", "", closes, "")
				+ row.formatted("", "数控车工", "6-18-01-01", "", 2, "", -1, "", "", closes, "")
				+ row.formatted("", "数控车工", "6-18-01-01", "", 2, "", 8000, 6000, "", closes, "")
				+ row.formatted("", "数控车工", "6-18-01-01", "", 2, "", "", "", "2020-01-01", closes, "")
				+ row.formatted("", "数控车工", "6-18-01-01", "", 2, "", "", "", "", closes, "熟练".repeat(1001))
				+ row.formatted("", "数控车工", "6-18-01-01", "", 2, "", "", "", "", "下个月", "")
				+ row.formatted(CreditCode.withCheckCharacter("91330602MA2D0XYWK"), "数控车工", "6-18-01-01", "", 2, "", "",
						"", "", closes, "");
		var job = imports.run("enterprise-demo", "jobs", "jobs.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("acceptedRows", 0).containsEntry("rejectedRows", 12);
		assertThat(imports.errors("enterprise-demo", job)).containsExactly(
				"2|岗位名称|import.recruitment.job.title.invalid",
				"3|职业编码|import.occupation.code.format",
				"4|职业编码|import.occupation.not-found",
				"5|最低技能等级|import.skill-grade.unknown",
				"6|招聘人数|import.recruitment.job.headcount.invalid",
				"7|工作地区划代码|import.recruitment.job.county.invalid",
				"8|月薪下限|import.recruitment.job.wage.invalid",
				"9|月薪上限|import.recruitment.job.wage.invalid",
				"10|到岗日期|import.recruitment.job.starts.invalid",
				"11|岗位要求|import.recruitment.job.requirements.too-long",
				"12|截止日期|import.value.format",
				"13|统一社会信用代码|import.scope.outside");
	}
}
