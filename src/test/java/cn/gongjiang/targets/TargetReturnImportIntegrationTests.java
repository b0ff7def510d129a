package cn.gongjiang.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;

/**
 * X-3, TGT-2: returns by file (kind target-returns). A department files its task lines' figures, a city its own
 * region's, each row by the rules of the return form, named with row, column and code when refused; good rows are
 * filed (and audited) whatever the others; an approved figure stays locked; the same file again changes nothing.
 */
@IntegrationTest
class TargetReturnImportIntegrationTests {

	static final String HEADER = "任务,分项,指标,截至日期,数值,佐证材料";
	static final String MANUFACTURING = "开展先进制造业领域职业技能提升培训";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDepartmentFilesItsTaskLinesByFileAndEveryRuleOfTheFormHoldsPerRow() throws Exception {
		// an approved figure of line 1 for April: locked
		var approved = Long.parseLong(mvc.perform(post("/api/v1/targets/returns")
				.header("Authorization", api.bearer("economy-dept")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"indicator": "TASK_TRAINING_PERSON_TIMES", "department": "省经信厅", "taskLineId": 1,
						 "asOf": "2025-04-30", "value": 150000, "evidence": "浙经信〔2025〕40号"}"""))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
				.replaceAll(".*\"id\":(\\d+).*", "$1"));
		mvc.perform(post("/api/v1/targets/returns/{id}/approve", approved).header("Authorization", api.bearer("province")))
				.andExpect(status().isOk());

		var file = String.join("\n", HEADER,
				MANUFACTURING + ",,,2025年第一季度,\"120,000\",浙经信〔2025〕10号",
				"（一） 3,,,2025-03-31,800,低空经济培训统计表",
				"开展数字经济领域职业技能提升培训,,,2025-03-31,5,统计表",
				"开展不存在的培训,,,2025-03-31,5,统计表",
				MANUFACTURING + ",,,2099-12-31,5,统计表",
				MANUFACTURING + ",,,下个季度,5,统计表",
				MANUFACTURING + ",,,2025-02-28,-5,统计表",
				MANUFACTURING + ",,,2025-02-28,12.5,统计表",
				MANUFACTURING + ",,新增技能人才,2025-02-28,5,统计表",
				MANUFACTURING + ",,,2025Q1,130000,统计表",
				MANUFACTURING + ",,,2025-01-31,,",
				"1,,,2025-04-30,160000,浙经信〔2025〕41号",
				MANUFACTURING + ",网店业主,,2025-02-28,5,统计表") + "\n";
		var bytes = file.getBytes(StandardCharsets.UTF_8);
		var job = imports.run("economy-dept", "target-returns", "部门报送.csv", bytes);
		assertThat(job).containsEntry("status", "DONE").containsEntry("acceptedRows", 2).containsEntry("rejectedRows", 11);
		assertThat(imports.errors("economy-dept", job)).containsExactlyInAnyOrder(
				"4|任务|import.targets.return.task-line.not-own",
				"5|任务|import.targets.return.task-line.unknown",
				"6|截至日期|import.targets.return.as-of",
				"7|截至日期|import.date.format",
				"8|数值|import.targets.return.value",
				"9|数值|import.targets.return.value.whole",
				"10|指标|import.targets.computed-indicator",
				"11|任务|import.duplicate-in-file",
				"12|数值|import.required",
				"12|佐证材料|import.required",
				"13|截至日期|import.targets.return.locked",
				"14|分项|import.targets.return.label.none");

		// the job page reads every refusal in words
		assertThat(mvc.perform(get("/imports/" + job.get("id")).session(console.session("economy-dept")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.contains("不是省经信厅负责的任务").contains("截至日期不能晚于今天").contains("该上报已审核通过并锁定")
				.contains("该任务没有分项").doesNotContain("import.training").doesNotContain("import.targets");

		// filed as the form files them: submitted for the province to approve, under the line's departments
		assertThat(figure("省人力社保厅、省经信厅", 1, "2025-03-31")).isEqualTo("120000 SUBMITTED economy-dept 浙经信〔2025〕10号");
		assertThat(figure("省经信厅", 3, "2025-03-31")).isEqualTo("800 SUBMITTED economy-dept 低空经济培训统计表");
		assertThat(figure("省人力社保厅、省经信厅", 1, "2025-04-30")).startsWith("150000 APPROVED");
		assertThat(jdbc.sql("""
				select count(*) from audit.audit_event a join targets.return_report r on a.target = cast(r.id as text)
				where a.action = 'targets.return.submit' and r.as_of = date '2025-03-31' and r.task_line_id in (1, 3)
				  and a.detail like '%import:%'""").query(Long.class).single()).isEqualTo(2);

		// the same file again changes nothing
		var versions = versions();
		var again = imports.run("economy-dept", "target-returns", "部门报送-再次.csv", bytes);
		assertThat(again).containsEntry("acceptedRows", 0).containsEntry("unchangedRows", 2).containsEntry("rejectedRows", 11);
		assertThat(versions()).isEqualTo(versions);

		// a corrected figure replaces the one awaiting approval, as the form would
		var corrected = (HEADER + "\n" + MANUFACTURING + ",,,2025-03-31,125000,浙经信〔2025〕10号（更正）\n")
				.getBytes(StandardCharsets.UTF_8);
		assertThat(imports.run("economy-dept", "target-returns", "更正.csv", corrected)).containsEntry("acceptedRows", 1);
		assertThat(figure("省人力社保厅、省经信厅", 1, "2025-03-31")).isEqualTo("125000 SUBMITTED economy-dept 浙经信〔2025〕10号（更正）");
	}

	@Test
	void aCityFilesItsOwnFiguresByIndicatorInGbkWithAliasHeaders() throws Exception {
		var file = String.join("\r\n", "指标名称,季度,完成数,备注",
				"共建产业学院、企业学院,2025年第三季度,6,绍人社〔2025〕50号",
				"INDUSTRY_COLLEGES,2025-06-30,4,绍人社〔2025〕31号",
				"技工院校招生,2025-06-30,4,绍人社〔2025〕31号",
				",2025-06-30,4,绍人社〔2025〕31号") + "\r\n";
		var job = imports.run("shaoxing", "target-returns", "市报送.csv", file.getBytes(Charset.forName("GBK")));
		assertThat(job).containsEntry("status", "DONE").containsEntry("acceptedRows", 2).containsEntry("rejectedRows", 2);
		assertThat(imports.errors("shaoxing", job)).containsExactlyInAnyOrder(
				"4|指标|import.targets.computed-indicator",
				"5|指标|import.required");
		assertThat(jdbc.sql("""
				select value from targets.return_report where indicator = 'INDUSTRY_COLLEGES' and region_code = '330600'
				  and as_of = date '2025-09-30' and status = 'SUBMITTED' and region_path = '/330000/330600/'""")
				.query(Integer.class).single()).isEqualTo(6);

		// a city names no task line: that is a department's column
		var department = (HEADER + "\n" + MANUFACTURING + ",,INDUSTRY_COLLEGES,2025-05-31,1,x\n").getBytes(StandardCharsets.UTF_8);
		assertThat(imports.errors("shaoxing", imports.run("shaoxing", "target-returns", "任务.csv", department)))
				.containsExactly("2|任务|import.targets.return.task-line.department-only");
	}

	@Test
	void onlyDepartmentsCitiesAndCountiesFileReturnsByFile() throws Exception {
		var file = new MockMultipartFile("file", "报送.csv", "text/csv",
				(HEADER + "\n1,,,2025-03-31,1,x\n").getBytes(StandardCharsets.UTF_8));
		for (var outsider : List.of("province", "enterprise-demo", "provider-demo")) {
			mvc.perform(multipart("/api/v1/imports").file(file).param("kind", "target-returns")
					.header("Authorization", api.bearer(outsider))).andExpect(status().isForbidden());
		}
	}

	@Test
	void theTemplateComesBackFilled() throws Exception {
		var template = mvc.perform(get("/api/v1/imports/templates/target-returns.xlsx")
				.header("Authorization", api.bearer("economy-dept"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsByteArray();
		var headers = new ArrayList<String>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(template));
				var rows = workbook.getFirstSheet().openStream()) {
			var header = rows.findFirst().orElseThrow();
			for (int c = 0; c < header.getCellCount(); c++) {
				headers.add(header.getCellText(c));
			}
		}
		assertThat(headers).containsExactly("任务", "分项", "指标", "截至日期*", "数值*", "佐证材料*");
		var filled = new ByteArrayOutputStream();
		var workbook = new Workbook(filled, "test", "1.0");
		var sheet = workbook.newWorksheet("报送");
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(0, c, headers.get(c));
		}
		// as Excel keeps them: the task's number and the value as numbers, the day as a date cell
		sheet.value(1, 0, 3);
		sheet.value(1, 3, LocalDate.of(2025, 5, 31));
		sheet.value(1, 4, 900);
		sheet.value(1, 5, "五月统计表");
		workbook.finish();
		assertThat(imports.run("economy-dept", "target-returns", "报送.xlsx", filled.toByteArray()))
				.containsEntry("status", "DONE").containsEntry("acceptedRows", 1).containsEntry("rejectedRows", 0);
		assertThat(figure("省经信厅", 3, "2025-05-31")).isEqualTo("900 SUBMITTED economy-dept 五月统计表");
	}

	private String figure(String department, int line, String asOf) {
		return jdbc.sql("""
				select value || ' ' || status || ' ' || submitted_by || ' ' || evidence from targets.return_report r
				where r.region_code is null and r.task_line_id = :line and r.as_of = cast(:asOf as date)
				  and :department = (select string_agg(d.department, '、' order by d.position)
				      from targets.task_line_department d where d.task_line_id = r.task_line_id)""")

				.param("department", department).param("line", line).param("asOf", asOf).query(String.class).single();
	}

	private long versions() {
		return jdbc.sql("select coalesce(sum(version), 0) + count(*) from targets.return_report").query(Long.class).single();
	}
}
