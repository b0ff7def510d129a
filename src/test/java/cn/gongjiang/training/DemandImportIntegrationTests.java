package cn.gongjiang.training;

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
 * DEM-1, X-3, issue 17: a demand row the survey refuses is reported in the column of the field the survey names, the
 * same field a form shows the refusal under, not guessed from the rule's code.
 */
@IntegrationTest
class DemandImportIntegrationTests {

	static final String ENTERPRISE = "91330603MA2D12345A";

	@Autowired
	Imports imports;

	@Autowired
	Clock appClock;

	@Test
	void eachRefusedRowNamesTheColumnOfTheFieldTheSurveyRefused() throws Exception {
		var soon = LocalDate.now(appClock).plusDays(60);
		var row = ENTERPRISE + ",%s,%s,%s,%s,%s,%s,%s,%s\n";
		var csv = "统一社会信用代码,职业编码,技能等级,需求人数,需求时间,月薪,需培训人数,用工地区划代码,来源\n"
				+ row.formatted("6-18-01-01", "宗师", 2, soon, "", "", 330603, "走访")
				+ row.formatted("6-18-01-01", "", 0, soon, "", "", 330603, "走访")
				+ row.formatted("6-18-01-01", "", 2, LocalDate.now(appClock).minusDays(3), "", "", 330603, "走访")
				+ row.formatted("6-18-01-01", "", 2, soon, 500, "", 330603, "走访")
				+ row.formatted("6-18-01-01", "", 2, soon, "", -1, 330603, "走访")
				+ row.formatted("6-18-01-01", "", 2, soon, "", "", 330600, "走访")
				+ row.formatted("6-18-01-01", "", 2, soon, "", "", 330603, "电话")
				+ row.formatted("6-18-1", "", 2, soon, "", "", 330603, "走访")
				+ row.formatted("6-18-01-01", "", "六", soon, "", "", 330603, "走访")
				+ CreditCode.withCheckCharacter("91330603MA2D0XYWK") + ",6-18-01-01,,2," + soon + ",,,330603,走访\n";
		var job = imports.run("shaoxing", "demand", "demand.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("acceptedRows", 0).containsEntry("rejectedRows", 10);
		assertThat(imports.errors("shaoxing", job)).containsExactly(
				"2|技能等级|import.skill-grade.unknown",
				"3|需求人数|import.training.demand.headcount",
				"4|需求时间|import.training.demand.needed-by",
				"5|月薪|import.training.demand.wage",
				"6|需培训人数|import.training.demand.train-headcount",
				"7|用工地区划代码|import.region.not-county",
				"8|来源|import.training.demand.source",
				"9|职业编码|import.occupation.code.format",
				"10|需求人数|import.value.format",
				"11|统一社会信用代码|import.training.enterprise.not-found");
	}
}
