package cn.gongjiang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;

/**
 * The import pages as each role meets them: every kind named in both languages, only the kinds the role
 * may import, the jobs list paged and filtered, and every file named in Chinese.
 */
@IntegrationTest
class ImportPagesIntegrationTests {

	private static final Pattern KIND_LINK = Pattern.compile("data-kind=\"([a-z-]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Console console;

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	BulkImport bulkImport;

	@Autowired
	MessageSource messages;

	@Test
	void everyImportKindHasANameInChineseAndInEnglish() {
		assertThat(bulkImport.kinds()).hasSizeGreaterThanOrEqualTo(9);
		for (var kind : bulkImport.kinds()) {
			var chinese = messages.getMessage("imports.kind." + kind, null, null, Locale.SIMPLIFIED_CHINESE);
			var english = messages.getMessage("imports.kind." + kind, null, null, Locale.ENGLISH);
			assertThat(chinese).as("Chinese name of %s", kind).isNotBlank().matches(".*\\p{IsHan}.*");
			assertThat(english).as("English name of %s", kind).isNotBlank().matches("[A-Z][A-Za-z ]+");
		}
	}

	@Test
	void everyTabOfEveryRoleReadsAsWordsInBothLanguages() throws Exception {
		for (var account : List.of("province", "shaoxing", "keqiao", "provider-demo", "school-demo", "enterprise-demo")) {
			var session = console.session(account);
			for (var lang : List.of("zh_CN", "en")) {
				var page = page(session, "/imports?lang=" + lang);
				for (var kind : kinds(page)) {
					var tab = page(session, "/imports?kind=" + kind + "&lang=" + lang);
					assertThat(tab).as("%s %s %s", account, kind, lang).doesNotContain("??")
							.contains("data-kind=\"" + kind + "\"", "id=\"import-columns\"");
				}
			}
		}
	}

	@Test
	void eachRoleIsOfferedExactlyTheKindsItMayImport() throws Exception {
		assertThat(kinds(page(console.session("provider-demo"), "/imports")))
				.containsExactly("certificates", "class-trainees", "attendance");
		assertThat(kinds(page(console.session("school-demo"), "/imports")))
				.containsExactly("certificates", "class-trainees", "attendance", "registrations");
		assertThat(kinds(page(console.session("economy-dept"), "/imports"))).containsExactly("target-returns");
		assertThat(kinds(page(console.session("enterprise-demo"), "/imports"))).containsExactly("demand", "jobs", "wages");
		assertThat(kinds(page(console.session("shaoxing"), "/imports"))).containsExactly("persons", "enterprises",
				"providers", "certificates", "demand", "jobs", "seekers", "education-rosters", "registrations",
				"payment-statement", "employment-statistics", "wages", "locations", "target-returns");
		// the provider's menu link opens its own kind
		assertThat(page(console.session("provider-demo"), "/imports?kind=certificates"))
				.contains("<h2 class=\"card-title\" id=\"import-kind-name\">导入证书</h2>");
		mvc.perform(get("/imports").session(console.session("worker-demo"))).andExpect(status().isForbidden());
	}

	@Test
	void theJobsListPagesAndFilters() throws Exception {
		var tag = "paging-" + UUID.randomUUID().toString().substring(0, 8);
		var good = "姓名,身份证号,常住地区划代码\n石岚,330624198808080812,330624\n".getBytes(StandardCharsets.UTF_8);
		imports.run("keqiao", "persons", tag + "-1.csv", good);
		imports.run("keqiao", "persons", tag + "-2.csv", good);
		imports.run("keqiao", "persons", tag + "-3.csv", "不是表头\n".getBytes(StandardCharsets.UTF_8));
		var session = console.session("keqiao");

		var first = page(session, "/imports?file=" + tag + "&size=2");
		assertThat(rows(first, tag)).containsExactly(tag + "-3.csv", tag + "-2.csv");
		assertThat(first).contains("共 3 条，当前第 1–2 条").contains("file=" + tag).contains("page=2");
		assertThat(rows(page(session, "/imports?file=" + tag + "&size=2&page=2"), tag)).containsExactly(tag + "-1.csv");
		assertThat(rows(page(session, "/imports?file=" + tag + "&status=FAILED"), tag)).containsExactly(tag + "-3.csv");
		assertThat(rows(page(session, "/imports?file=" + tag + "&status=DONE&sort=file"), tag))
				.containsExactly(tag + "-1.csv", tag + "-2.csv");
		assertThat(rows(page(session, "/imports?file=" + tag + "&jobKind=certificates"), tag)).isEmpty();
		// statuses in words, times in Beijing
		assertThat(first).contains(">失败</span>", ">已完成</span>").doesNotContain(">FAILED<", ">DONE<");
		// the API pages the same list and says how many there are in all
		var response = mvc.perform(get("/api/v1/imports").param("file", tag).param("size", "2")
				.header("Authorization", api.bearer("keqiao"))).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(response.getHeader("X-Total-Count")).isEqualTo("3");
		assertThat(response.getContentAsString()).contains("\"kindName\":\"人员\"").contains(tag + "-3.csv")
				.doesNotContain(tag + "-1.csv");
	}

	@Test
	void templatesAndErrorReportsAreNamedInChinese() throws Exception {
		var session = console.session("shaoxing");
		var xlsx = mvc.perform(get("/api/v1/imports/templates/persons.xlsx").session(session))
				.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(xlsx.getHeader("Content-Disposition")).contains(encoded("人员导入模板.xlsx"));
		assertThat(xlsx.getContentAsByteArray()).startsWith('P', 'K');
		var csv = mvc.perform(get("/imports/templates/persons.csv").session(session)).andReturn().getResponse();
		assertThat(csv.getHeader("Content-Disposition")).contains(encoded("人员导入模板.csv"));
		var gbk = mvc.perform(get("/api/v1/imports/templates/persons.csv").param("charset", "GBK").session(session))
				.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(gbk.getHeader("Content-Disposition")).contains(encoded("人员导入模板-GBK.csv"));
		assertThat(gbk.getContentType()).contains("GBK");
		assertThat(new String(gbk.getContentAsByteArray(), Charset.forName("GBK"))).startsWith("姓名*,身份证号*");
		var english = mvc.perform(get("/api/v1/imports/templates/certificates.xlsx").param("lang", "en").session(session))
				.andReturn().getResponse();
		assertThat(english.getHeader("Content-Disposition")).contains("Certificates%20import%20template.xlsx");

		var job = imports.run("shaoxing", "persons", "绍兴人员2026.csv",
				"姓名,身份证号,常住地区划代码\n袁林,330624199101010000,330624\n".getBytes(StandardCharsets.UTF_8));
		for (var path : List.of("/imports/" + job.get("id") + "/errors.xlsx",
				"/api/v1/imports/" + job.get("id") + "/errors.xlsx")) {
			var report = mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse();
			assertThat(report.getHeader("Content-Disposition")).as(path).contains(encoded("绍兴人员2026-错误报告.xlsx"));
			assertThat(report.getContentAsByteArray()).startsWith('P', 'K');
		}
	}

	@Test
	void theJobPageNamesTheKindAndShowsTheIgnoredColumns() throws Exception {
		var job = imports.run("shaoxing", "persons", "带多余列.csv",
				"姓名,身份证号,常住地区划代码,工作单位\n袁林,330624199101010000,330624,某厂\n".getBytes(StandardCharsets.UTF_8));
		var body = page(console.session("shaoxing"), "/imports/" + job.get("id"));
		assertThat(body).contains("人员导入", "id=\"import-ignored\"", "工作单位", "id=\"error-report\"",
				"/api/v1/imports/" + job.get("id") + "/errors.xlsx", "身份证号").doesNotContain("??");
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
	}

	private static List<String> kinds(String page) {
		return KIND_LINK.matcher(page).results().map(m -> m.group(1)).distinct().toList();
	}

	/** The file names in the jobs table, in the order shown. */
	private static List<String> rows(String page, String tag) {
		var table = page.substring(page.indexOf("id=\"import-jobs\""));
		return Pattern.compile(">(" + Pattern.quote(tag) + "-\\d\\.csv)</a>").matcher(table).results()
				.map(m -> m.group(1)).toList();
	}

	private static String encoded(String fileName) {
		return URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
