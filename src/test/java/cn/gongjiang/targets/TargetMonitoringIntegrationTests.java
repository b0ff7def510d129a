package cn.gongjiang.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;

/** TGT-2..5: actuals from events and returns, progress, ranking, milestones, reports, the dashboard. */
@IntegrationTest
class TargetMonitoringIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rollups rollups;

	@Autowired
	CertificateFacts certificateFacts;

	@Autowired
	TransactionTemplate transactions;

	BigDecimal newSkilled(String region, String fact) {
		return rollups.total(fact, region, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
	}

	List<String> rollupSnapshot() {
		return jdbc.sql("select fact || ' ' || region_code || ' ' || day || ' ' || amount from targets.actual_daily "
				+ "where amount <> 0 order by 1").query(String.class).list();
	}

	@Test
	void certificatesCountOncePerPersonSurviveReplayAndRebuildAndRevocationTakesThemBack() throws Exception {
		var skilledBefore = newSkilled("330600", CertificateFacts.NEW_SKILLED);
		var highBefore = newSkilled("330600", CertificateFacts.NEW_HIGH_SKILLED);
		var countyBefore = newSkilled("330602", CertificateFacts.NEW_SKILLED);
		var id = IdNumber.withCheckDigit("33060219860412771");
		mvc.perform(post("/api/v1/persons").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"idNumber\": \"%s\", \"name\": \"钱塘生\", \"residenceRegion\": \"330602\"}".formatted(id)))
				.andExpect(status().isOk());
		issue("TGT-2023-0001", id, "钱塘生", "中级工", "2023-03-10");
		issue("TGT-2023-0002", id, "钱塘生", "高级工", "2023-09-10");
		issue("TGT-2023-0003", id, "钱塘生", "技师", "2023-11-10");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(newSkilled("330600", CertificateFacts.NEW_SKILLED)).isEqualByComparingTo(skilledBefore.add(BigDecimal.ONE));
			assertThat(newSkilled("330600", CertificateFacts.NEW_HIGH_SKILLED)).isEqualByComparingTo(highBefore.add(BigDecimal.ONE));
		});
		assertThat(newSkilled("330602", CertificateFacts.NEW_SKILLED)).as("the county counts too")
				.isEqualByComparingTo(countyBefore.add(BigDecimal.ONE));
		assertThat(jdbc.sql("select occurred_on || ' ' || evidence from targets.contribution where fact = 'NEW_HIGH_SKILLED' "
				+ "and evidence = 'certificate:TGT-2023-0002'").query(String.class).single()).isEqualTo("2023-09-10 certificate:TGT-2023-0002");

		var snapshot = rollupSnapshot();
		var holder = IdNumberIndex.of(jdbc.sql("select id_number_index from registry.person_identity where name = '钱塘生'")
				.query(byte[].class).single());
		transactions.executeWithoutResult(s -> certificateFacts.recount(holder));
		transactions.executeWithoutResult(s -> certificateFacts.recount(holder));
		assertThat(rollupSnapshot()).as("replaying changes nothing").isEqualTo(snapshot);
		mvc.perform(post("/api/v1/targets/rollups/rebuild").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/targets/rollups/rebuild").header("Authorization", api.bearer("province")))
				.andExpect(status().isNoContent());
		assertThat(rollupSnapshot()).as("rebuilding from scratch gives the same numbers").isEqualTo(snapshot);

		mvc.perform(post("/api/v1/certificates/TGT-2023-0002/revocation").header("Authorization", api.bearer("province"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"鉴定材料造假\"}"))
				.andExpect(status().isOk());
		await().ignoreExceptions().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
				"select occurred_on from targets.contribution where fact = 'NEW_HIGH_SKILLED' and source_key = :h")
				.param("h", holder.hex()).query(LocalDate.class).single()).as("the next certificate takes over")
				.isEqualTo(LocalDate.of(2023, 11, 10)));
		assertThat(newSkilled("330600", CertificateFacts.NEW_HIGH_SKILLED)).isEqualByComparingTo(highBefore.add(BigDecimal.ONE));
		rollups.rebuild();
		assertThat(newSkilled("330600", CertificateFacts.NEW_HIGH_SKILLED)).isEqualByComparingTo(highBefore.add(BigDecimal.ONE));
	}

	private void issue(String number, String id, String name, String grade, String issuedOn) throws Exception {
		mvc.perform(post("/api/v1/certificates").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"number": "%s", "holderIdNumber": "%s", "holderName": "%s", "type": "skill-level",
						 "occupationCode": "6-18-01-01", "grade": "%s", "issuedOn": "%s"}""".formatted(number, id, name, grade, issuedOn)))
				.andExpect(status().isCreated());
	}

	@Test
	void skillBasedEnterprisesCountFromTheRegistryAndShowAgainstTheirTargets() throws Exception {
		var credit = CreditCode.withCheckCharacter("91330602MA2TGT001");
		var before = rollups.total(EnterpriseFacts.SKILL_BASED_ENTERPRISES, "330600", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
		mvc.perform(post("/api/v1/enterprises").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"creditCode": "%s", "name": "越城技能示范企业", "region": "330602",
						 "skillBasedStatus": "RECOGNISED", "skillBasedYear": 2025}""".formatted(credit)))
				.andExpect(status().is2xxSuccessful());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rollups.total(
				EnterpriseFacts.SKILL_BASED_ENTERPRISES, "330600", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
				.isEqualByComparingTo(before.add(BigDecimal.ONE)));
		mvc.perform(get("/api/v1/targets").header("Authorization", api.bearer("shaoxing"))
				.param("indicator", "SKILL_BASED_ENTERPRISES_NEW").param("region", "330600").param("year", "2025")
				.param("asOf", "2025-07-02"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].target").value(288))
				.andExpect(jsonPath("$[0].actual").value(before.intValue() + 1))
				.andExpect(jsonPath("$[0].actualSource").value("COMPUTED"))
				.andExpect(jsonPath("$[0].elapsedShare").value(183 / 365.0))
				.andExpect(jsonPath("$[0].status").value("BEHIND"))
				.andExpect(jsonPath("$[0].source").value("001 技能型社会建设（2025-2027） 附件2 培育计划表"));
	}

	@Test
	void progressIsScopedRankedAndDrillsDownWithUnknownTargetsShownAsUnknown() throws Exception {
		mvc.perform(get("/api/v1/targets/indicators").header("Authorization", api.bearer("keqiao")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.code == 'TECH_SCHOOL_ENROLMENT')].nameEn").value("Technical-school enrolment"));
		mvc.perform(get("/api/v1/targets").header("Authorization", api.bearer("province"))
				.param("indicator", "TECH_SCHOOL_ENROLMENT").param("region", "330000").param("children", "true")
				.param("year", "2024").param("asOf", "2024-06-30"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(11)))
				.andExpect(jsonPath("$[?(@.region == '330100')].target").value(20460));
		mvc.perform(get("/api/v1/targets").header("Authorization", api.bearer("shaoxing")).param("region", "330100"))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/targets").header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/targets/ranking").header("Authorization", api.bearer("shaoxing"))
				.param("indicator", "ORDER_TRAINING_PERSON_TIMES").param("year", "2023"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(11)))
				.andExpect(jsonPath("$[0].rank").value(1))
				.andExpect(jsonPath("$[10].rank").value(11));
		mvc.perform(get("/api/v1/targets").header("Authorization", api.bearer("economy-dept")).param("year", "2025")
				.param("department", "省经信厅"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.status == 'UNKNOWN_TARGET')]", hasSize(2)))
				.andExpect(jsonPath("$[?(@.status == 'UNKNOWN_TARGET')].target").value(Matchers.contains(
						Matchers.nullValue(), Matchers.nullValue())))
				.andExpect(jsonPath("$[?(@.department == '省人力社保厅、省经信厅')].target").value(Matchers.hasItem(400000)));
		mvc.perform(get("/api/v1/targets").header("Authorization", api.bearer("economy-dept")).param("year", "2025"))
				.andExpect(jsonPath("$[?(@.department == '省建设厅')]", hasSize(0)));
	}

	@Test
	void returnsGoUpLevelByLevelAndLockWhenApproved() throws Exception {
		var asOf = "2025-06-30";
		var county = submit("keqiao", "{\"indicator\": \"SKILL_BASED_VILLAGES_NEW\", \"region\": \"330603\", \"asOf\": \"%s\", \"value\": 3, \"evidence\": \"柯人社〔2025〕12号\"}".formatted(asOf));
		var city = submit("shaoxing", "{\"indicator\": \"SKILL_BASED_VILLAGES_NEW\", \"region\": \"330600\", \"asOf\": \"%s\", \"value\": 10, \"evidence\": \"绍人社〔2025〕30号\"}".formatted(asOf));
		mvc.perform(post("/api/v1/targets/returns").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"indicator\": \"TECH_SCHOOL_ENROLMENT\", \"region\": \"330600\", \"asOf\": \"2025-06-30\", \"value\": 10, \"evidence\": \"x\"}"))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("targets.computed-indicator"));
		mvc.perform(post("/api/v1/targets/returns").header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"indicator\": \"SKILL_BASED_VILLAGES_NEW\", \"region\": \"330600\", \"asOf\": \"2025-06-30\", \"value\": 1, \"evidence\": \"x\"}"))
				.andExpect(status().isForbidden());

		mvc.perform(post("/api/v1/targets/returns/{id}/approve", city).header("Authorization", api.bearer("province")))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("targets.return.children-not-approved"));
		mvc.perform(post("/api/v1/targets/returns/{id}/approve", county).header("Authorization", api.bearer("province")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/targets/returns/{id}/send-back", county).header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"\"}"))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/targets/returns/{id}/send-back", county).header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"请附认定文件\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));
		submit("keqiao", "{\"indicator\": \"SKILL_BASED_VILLAGES_NEW\", \"region\": \"330603\", \"asOf\": \"%s\", \"value\": 4, \"evidence\": \"柯人社〔2025〕12号及认定文件\"}".formatted(asOf));
		mvc.perform(post("/api/v1/targets/returns/{id}/approve", county).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
		mvc.perform(post("/api/v1/targets/returns/{id}/approve", city).header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
		mvc.perform(post("/api/v1/targets/returns").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"indicator\": \"SKILL_BASED_VILLAGES_NEW\", \"region\": \"330600\", \"asOf\": \"%s\", \"value\": 99, \"evidence\": \"x\"}".formatted(asOf)))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("targets.return.locked"));

		mvc.perform(get("/api/v1/targets").header("Authorization", api.bearer("shaoxing"))
				.param("indicator", "SKILL_BASED_VILLAGES_NEW").param("region", "330600").param("year", "2025")
				.param("asOf", "2025-07-01"))
				.andExpect(jsonPath("$[0].target").value(19))
				.andExpect(jsonPath("$[0].actual").value(10))
				.andExpect(jsonPath("$[0].actualSource").value("APPROVED"));
		mvc.perform(get("/api/v1/targets").header("Authorization", api.bearer("shaoxing"))
				.param("indicator", "SKILL_BASED_VILLAGES_NEW").param("region", "330600").param("year", "2025")
				.param("asOf", "2025-06-29"))
				.andExpect(jsonPath("$[0].status").value("NOT_REPORTED"));
		mvc.perform(get("/api/v1/targets/returns").header("Authorization", api.bearer("keqiao")))
				.andExpect(jsonPath("$[?(@.regionCode == '330600')]", hasSize(0)))
				.andExpect(jsonPath("$[?(@.regionCode == '330603')].value").value(Matchers.hasItem(4)));
	}

	private long submit(String user, String json) throws Exception {
		var body = mvc.perform(post("/api/v1/targets/returns").header("Authorization", api.bearer(user))
				.contentType(MediaType.APPLICATION_JSON).content(json))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
	}

	@Test
	void milestonesAreKeptByTheirDepartmentsWithEvidence() throws Exception {
		var body = mvc.perform(get("/api/v1/targets/milestones").header("Authorization", api.bearer("economy-dept")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].departments[*]").value(Matchers.everyItem(Matchers.notNullValue())))
				.andReturn().getResponse().getContentAsString();
		assertThat(body).contains("行业技能生态圈").doesNotContain("民办培训机构星级评定制度");
		var ecosystem = jdbc.sql("select id from targets.milestone where task_line_id = 40 and due_on = date '2025-12-31'")
				.query(Long.class).single();
		var starRating = jdbc.sql("select id from targets.milestone where task_line_id = 35 and due_on = date '2025-12-31'")
				.query(Long.class).single();
		mvc.perform(post("/api/v1/targets/milestones/{id}/done", starRating).header("Authorization", api.bearer("economy-dept"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"evidence\": \"x\"}"))
				.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/targets/milestones/{id}/done", ecosystem).header("Authorization", api.bearer("economy-dept"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"evidence\": \"\"}"))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/targets/milestones/{id}/done", ecosystem).header("Authorization", api.bearer("economy-dept"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"evidence\": \"浙经信〔2025〕88号\", \"completedOn\": \"2025-10-01\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"))
				.andExpect(jsonPath("$.evidence").value("浙经信〔2025〕88号"));
		mvc.perform(post("/api/v1/targets/milestones/{id}/reopen", ecosystem).header("Authorization", api.bearer("province"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"文件未覆盖全部集群\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN"));
		mvc.perform(get("/api/v1/targets/milestones").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isForbidden());
	}

	@Test
	void aCityReportIsGeneratedWrittenSubmittedAndDownloadsAsXlsxAndPdf() throws Exception {
		mvc.perform(put("/api/v1/targets/reports/330600/2023/0").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"narrative\": \"\", \"submit\": true}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("targets.report.narrative-required"));
		mvc.perform(put("/api/v1/targets/reports/330600/2023/0").header("Authorization", api.bearer("hangzhou"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"narrative\": \"x\", \"submit\": false}"))
				.andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/targets/reports/330600/2023/0").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"narrative\": \"全市技工院校招生稳步推进。\", \"submit\": true}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SUBMITTED"))
				.andExpect(jsonPath("$.dueOn").value("2023-11-30"));
		mvc.perform(put("/api/v1/targets/reports/330600/2023/0").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"narrative\": \"改写\", \"submit\": false}"))
				.andExpect(status().isConflict());

		var xlsx = mvc.perform(get("/api/v1/targets/reports/330600/2023/0.xlsx").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		var cells = new ArrayList<String>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			workbook.getSheets().forEach(sheet -> {
				try (var rows = sheet.openStream()) {
					rows.forEach(row -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getText())));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		assertThat(cells).contains("绍兴市 2023年年度工作总结", "技工院校招生", "7,300 人", "新增技能人才", "全市技工院校招生稳步推进。");

		var pdf = mvc.perform(get("/api/v1/targets/reports/330600/2023/0.pdf").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
				.andReturn().getResponse().getContentAsByteArray();
		try (var document = Loader.loadPDF(pdf)) {
			var text = new PDFTextStripper().getText(document);
			assertThat(text).contains("绍兴市 2023年年度工作总结", "技工院校招生", "7,300", "全市技工院校招生稳步推进。", "越城区");
		}
	}

	@Test
	void theDashboardShowsTheCitiesOnTheMapAndDrillsDownToCounties() throws Exception {
		mvc.perform(get("/targets").session(console.session("province")).param("year", "2025")
				.param("indicator", "TECH_SCHOOL_ENROLMENT"))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("data-code=\"330600\"")))
				.andExpect(content().string(Matchers.containsString("id=\"ranking\"")))
				.andExpect(content().string(Matchers.containsString("id=\"region-map\"")))
				.andExpect(content().string(Matchers.containsString("/maps/330000.js")))
				.andExpect(content().string(Matchers.containsString("progress-chart")));
		mvc.perform(get("/targets").session(console.session("shaoxing")).param("year", "2025")
				.param("indicator", "SKILL_BASED_ENTERPRISES_NEW"))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("柯桥区")))
				.andExpect(content().string(Matchers.containsString("/maps/330600.js")))
				.andExpect(content().string(Matchers.containsString(" 家")))
				.andExpect(content().string(Matchers.not(Matchers.containsString("data-code=\"330100\""))));
		mvc.perform(get("/targets").session(console.session("keqiao")).param("year", "2025"))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("柯桥区")))
				.andExpect(content().string(Matchers.not(Matchers.containsString("id=\"region-map\""))));
		for (var page : List.of("/targets/returns", "/targets/reports/330600/2023/1", "/targets/reports")) {
			mvc.perform(get(page).session(console.session("shaoxing"))).andExpect(status().isOk());
		}
		mvc.perform(get("/targets/milestones").session(console.session("province"))).andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("出台民办培训机构星级评定制度")));
		mvc.perform(get("/targets/department").session(console.session("economy-dept"))).andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("待定")));
	}

	@Test
	void aDepartmentReportsPerTaskLineAndTheProvinceApproves() throws Exception {
		var line = """
				{"indicator": "TASK_TRAINING_PERSON_TIMES", "department": "省经信厅", "taskLineId": %d, "label": %s,
				 "asOf": "2025-06-30", "value": 180000, "evidence": "浙经信〔2025〕66号 半年统计"}""";
		mvc.perform(post("/api/v1/targets/returns").header("Authorization", api.bearer("economy-dept"))
				.contentType(MediaType.APPLICATION_JSON).content(line.formatted(2, "null")))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("targets.return.no-department-target"));
		mvc.perform(post("/api/v1/targets/returns").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content(line.formatted(1, "null")))
				.andExpect(status().isForbidden());
		var id = submit("economy-dept", line.formatted(1, "null"));
		mvc.perform(post("/api/v1/targets/returns/{id}/approve", id).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/targets/returns/{id}/approve", id).header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.department").value("省人力社保厅、省经信厅"));
		mvc.perform(get("/api/v1/targets").header("Authorization", api.bearer("economy-dept"))
				.param("department", "省经信厅").param("year", "2025").param("asOf", "2025-07-01"))
				.andExpect(jsonPath("$[?(@.department == '省人力社保厅、省经信厅')].actual").value(Matchers.contains(180000)))
				.andExpect(jsonPath("$[?(@.department == '省人力社保厅、省经信厅')].status").value(Matchers.contains("ON_TRACK"))) // 45 % of the year's figure at 49.9 % of the year
				.andExpect(jsonPath("$[?(@.department == '省经信厅' && @.status == 'NOT_REPORTED')]", hasSize(0)));
		mvc.perform(get("/api/v1/targets").header("Authorization", api.bearer("province"))
				.param("department", "省人力社保厅").param("indicator", "TASK_TRAINING_PERSON_TIMES").param("year", "2025")
				.param("asOf", "2025-07-01"))
				.andExpect(jsonPath("$[?(@.actual == 180000)]", hasSize(1)));
	}
}
