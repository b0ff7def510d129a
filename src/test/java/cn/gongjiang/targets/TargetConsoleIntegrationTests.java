package cn.gongjiang.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;

/**
 * The targets console as officials read it: figures in words with their units, a dashboard that opens where
 * there is something to see, lists that page, to-dos on the home page, reports named in Chinese.
 */
@IntegrationTest
class TargetConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Console console;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private String page(String user, String path) throws Exception {
		return mvc.perform(get(path).session(console.session(user))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void comparatorsReadAsWordsWithTheUnitOfTheIndicatorAndYearsWithoutSeparators() throws Exception {
		var province = page("province", "/targets?region=330000&year=2025&indicator=TECH_SCHOOL_ENROLMENT");
		assertThat(province).contains("不少于 600,000 人", "120,000 人", "超过 35%", "2023—2027年")
				.doesNotContain("≥", "=120", "=600", "2,025");
		var shaoxing = page("shaoxing", "/targets?year=2025&indicator=CITY_TECHNICAL_EXPERTS");
		assertThat(shaoxing).contains("约 100 人", "不少于 50 场", "截至 2025-12-31（累计）").doesNotContain("≈");
		var english = page("province", "/targets?region=330000&year=2025&indicator=TECH_SCHOOL_ENROLMENT&lang=en");
		assertThat(english).contains("at least 600,000 persons", "more than 35%");
	}

	@Test
	void theDashboardOpensOnAYearAndIndicatorWhereTheRegionsDiffer() throws Exception {
		var html = page("province", "/targets");
		// the ranking's rows carry each city's status: more than one of them, not eleven of a colour
		var statuses = new HashSet<String>();
		var matcher = Pattern.compile("data-code=\"33\\d{4}\" data-status=\"([A-Z_a-z]+)\"").matcher(html);
		int cities = 0;
		while (matcher.find()) {
			statuses.add(matcher.group(1));
			cities++;
		}
		assertThat(cities).isEqualTo(11);
		assertThat(statuses).hasSizeGreaterThan(1);
		// on the demo data of 2026 that is this year's approved cumulative village returns (30 September 2026)
		if (LocalDate.now(clock).getYear() == 2026) {
			assertThat(html).contains("<option value=\"SKILL_BASED_VILLAGES_CUMULATIVE\" selected=\"selected\">")
					.contains("<option value=\"2026\" selected=\"selected\">");
		}
		// asked for a year, it stays on that year
		assertThat(page("province", "/targets?year=2027")).contains("<option value=\"2027\" selected=\"selected\">");
	}

	@Test
	void theOpeningYearIsThisYearWithDataElseTheLatestBeforeElseTheNearestAfter() {
		var activity = List.of(new TargetStore.Activity("A", 10, 2025, true),
				new TargetStore.Activity("A", 10, 2026, false), new TargetStore.Activity("B", 20, 2027, true));
		assertThat(TargetMonitor.chooseYear(activity, 2026)).isEqualTo(2025);
		assertThat(TargetMonitor.chooseYear(activity, 2025)).isEqualTo(2025);
		assertThat(TargetMonitor.chooseYear(activity, 2024)).isEqualTo(2025);
		assertThat(TargetMonitor.chooseYear(List.of(new TargetStore.Activity("B", 20, 2027, true)), 2026))
				.isEqualTo(2027);
	}

	@Test
	void aCountyOfficerFollowsItsCitysTargetsWithItsOwnPart() throws Exception {
		var html = page("keqiao", "/targets?year=2025");
		assertThat(html).contains("绍兴市目标", "柯桥区实绩", "8,760 人", "当年培育技能型企业")
				.doesNotContain("所选年度无目标");
	}

	@Test
	void returnsPageWithATotalAndTheCityDecidesItsCountysReturnFromItsToDos() throws Exception {
		var today = LocalDate.now(clock);
		// the county owes its city's village figure for the quarter until it reports it
		assertThat(page("keqiao", "/")).contains("data-todo=\"todo.targets.returns-owed\"", "本季度尚有");
		var body = mvc.perform(post("/api/v1/targets/returns").header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"indicator": "SKILL_BASED_VILLAGES_CUMULATIVE", "region": "330603", "asOf": "%s", "value": 7,
						 "evidence": "柯人社〔%d〕待办测试"}""".formatted(today, today.getYear())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
		var home = page("shaoxing", "/");
		assertThat(home).contains("data-todo=\"todo.targets.returns-to-decide\"", "条下级上报待审核",
				"/targets/returns?status=SUBMITTED");
		var list = page("shaoxing", "/targets/returns?status=SUBMITTED");
		assertThat(list).contains("绍兴市柯桥区", "7 个", "审核通过后该数据即锁定", "data-confirm=")
				.containsPattern("共 \\d+ 条");
		mvc.perform(post("/targets/returns/{id}/approve", id).session(console.session("shaoxing")).with(csrf()))
				.andExpect(flash().attribute("saved", true));
		assertThat(page("keqiao", "/")).doesNotContain("data-todo=\"todo.targets.returns-owed\"");
		assertThat(page("shaoxing", "/targets/returns?status=APPROVED&size=1"))
				.containsPattern("共 \\d+ 条，当前第 1–1 条").contains("rel=\"next\"");
		mvc.perform(get("/api/v1/targets/returns").param("size", "2").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(header().exists("X-Total-Count"))
				.andExpect(MockMvcResultMatchers.jsonPath("$.length()").value(2));
	}

	@Test
	void homePagesListWhatEachOfficerOwes() throws Exception {
		assertThat(page("province", "/")).contains("data-todo=\"todo.targets.milestones-overdue\"", "个里程碑已逾期");
		assertThat(page("shaoxing", "/")).contains("data-todo=\"todo.targets.reports-owed\"", "份工作报告待报送");
		assertThat(page("economy-dept", "/")).contains("data-todo=\"todo.targets.returns-owed\"");
	}

	@Test
	void theDepartmentOfficerOpensItsTaskListReturnsAndMilestones() throws Exception {
		assertThat(page("economy-dept", "/targets/department?year=2025")).contains("开展先进制造业领域职业技能提升培训",
				"省人力社保厅、省经信厅", "400,000 人次").doesNotContain("省建设厅");
		assertThat(page("economy-dept", "/targets/returns")).contains("name=\"line\"", "开展低空经济领域职业技能提升培训");
		assertThat(page("economy-dept", "/targets/milestones")).contains("行业技能生态圈", "data-confirm=")
				.doesNotContain("民办培训机构星级评定制度");
		assertThat(page("province", "/targets/milestones?state=OVERDUE")).contains("已逾期");
	}

	@Test
	void reportsDownloadFromTheConsoleSessionNamedAndWrittenInChinese() throws Exception {
		var session = console.session("shaoxing");
		var xlsx = mvc.perform(get("/api/v1/targets/reports/330600/2025/3.xlsx").session(session))
				.andExpect(status().isOk()).andReturn().getResponse();
		var name = URLEncoder.encode("绍兴市-2025年第3季度工作报告.xlsx", StandardCharsets.UTF_8).replace("+", "%20");
		assertThat(xlsx.getHeader("Content-Disposition")).contains("filename*=UTF-8''" + name);
		var cells = new ArrayList<String>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			workbook.getSheets().forEach(sheet -> {
				cells.add(sheet.getName());
				try (var rows = sheet.openStream()) {
					rows.forEach(row -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getText())));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		assertThat(cells).contains("目标进度", "依据文件", "平台统计", "8,760 人").anyMatch(c -> c.equals("滞后") || c.equals("符合序时"))
				.noneMatch(c -> c.matches("BEHIND|ON_TRACK|DONE|AHEAD|NOT_REPORTED|COMPUTED|APPROVED|EQUAL"));
		var pdf = mvc.perform(get("/api/v1/targets/reports/330600/2025/3.pdf").session(console.session("shaoxing")))
				.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(pdf.getHeader("Content-Disposition")).contains(
				URLEncoder.encode("绍兴市-2025年第3季度工作报告.pdf", StandardCharsets.UTF_8));
		try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(document))
					.contains("绍兴市 2025年第3季度工作报告", "8,760 人", "报送期限 2025-10-10").doesNotContain("BEHIND");
		}
		assertThat(page("province", "/targets/reports?year=2025")).contains("绍兴市", "第3季度", "报送期限 2025-10-10");
	}
}
