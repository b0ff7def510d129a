package cn.gongjiang.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.identity.AccountBootstrap;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.web.Formats;
import cn.gongjiang.training.web.QrSvgTests;

/**
 * The training console as each role meets it (X-4, DEM-1..3, TRN-1..5): lists that page on the server with their
 * total and filters, names instead of codes, the three lists' files named and written in Chinese, an order placed
 * from a demand line, the check-in code with its QR code, the worker's check-in, and the to-dos on the home page.
 */
@IntegrationTest
class TrainingConsoleIntegrationTests {

	@Autowired
	Clock clock;

	static final String ENTERPRISE = "91330603MA2D12345A";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	String page(String user, String path, Object... params) throws Exception {
		var request = get(path).session(console.session(user));
		for (int i = 0; i < params.length; i += 2) {
			request.param((String) params[i], String.valueOf(params[i + 1]));
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	static int rows(String html, String table) {
		var body = html.replaceAll("(?s).*<table[^>]*id=\"" + table + "\".*?<tbody>(.*?)</tbody>.*", "$1");
		return (int) Pattern.compile("<tr[ >]").matcher(body).results().count();
	}

	long openDemand(String scopePath, String occupation) {
		return jdbc.sql("""
				select count(*) from training.demand_item where status = 'OPEN'
				  and (place_path like :p || '%' or enterprise_path like :p || '%')
				  and (cast(:o as text) is null or occupation_code = :o)
				""").param("p", scopePath).param("o", occupation).query(Long.class).single();
	}

	@Test
	void theLabourDemandListPagesOnTheServerWithItsTotalAndNarrowsByOccupation() throws Exception {
		var all = openDemand("/330000/", null);
		assertThat(all).as("the demo records demand in every city").isGreaterThan(3);
		var first = page("province", "/training", "tab", "demand", "size", 3);
		assertThat(rows(first, "labour-demand")).isEqualTo(3);
		assertThat(first).contains("共 " + String.format("%,d", all) + " 条，当前第 1–3 条").contains("rel=\"next\"");
		var second = page("province", "/training", "tab", "demand", "size", 3, "page", 2);
		assertThat(second).contains("当前第 4–");

		var turners = openDemand("/330000/", "6-18-01-01");
		var narrowed = page("province", "/training", "tab", "demand", "occupation", "6-18-01-01");
		assertThat(rows(narrowed, "labour-demand")).isEqualTo((int) Math.min(turners, 20));
		assertThat(narrowed).contains("共 " + turners + " 条").doesNotContain(">电工<");
		// the county officer's list is their county's, whatever region they ask for
		assertThat(page("keqiao", "/training", "tab", "demand", "region", "330102")).contains("共 0 条");

		mvc.perform(get("/api/v1/demand/labour-demand").param("size", "2").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(header().string("X-Total-Count", String.valueOf(all)))
				.andExpect(MockMvcResultMatchers.jsonPath("$.length()").value(2));
	}

	@Test
	void theListsNameSizesSourcesGradesAndOccupationsInChinese() throws Exception {
		var key = page("shaoxing", "/training");
		assertThat(key).contains("规模为大型或中型").doesNotContain("LARGE").doesNotContain("MEDIUM");
		assertThat(key).contains("认定重点企业：高端装备产业链主");
		var demand = page("shaoxing", "/training", "tab", "demand");
		assertThat(demand).contains("走访调查").doesNotContain(">VISIT<").contains("不限等级");
		var orders = page("shaoxing", "/training", "tab", "orders", "status", "NONE");
		assertThat(orders).doesNotContain(">OPEN<").doesNotContain(">ACCEPTED<");
		var catalogue = page("province", "/training", "tab", "catalogue");
		assertThat(catalogue).contains("车工").contains("中级工").contains("1,500");
		var english = page("shaoxing", "/training", "lang", "en");
		assertThat(english).contains("of size large or medium");
	}

	@Test
	void theThreeListsDownloadFromTheConsoleWithChineseNamesInAndOnTheFile() throws Exception {
		var session = console.session("province");
		var key = download(session, "/api/v1/demand/key-enterprises.xlsx", "重点企业名单");
		assertThat(column(key, 4)).contains("企业规模", "大型").doesNotContain("LARGE");
		assertThat(column(key, 6)).anySatisfy(reasons -> assertThat(reasons).contains("认定重点企业"));
		var demand = download(session, "/api/v1/demand/labour-demand.xlsx", "用工需求清单");
		assertThat(column(demand, 2)).contains("职业（工种）", "车工", "电工").doesNotContain("6-18-01-01");
		assertThat(column(demand, 4)).contains("技能等级", "不限等级");
		assertThat(column(demand, 10)).contains("来源", "走访调查").doesNotContain("VISIT");
		var orders = download(session, "/api/v1/demand/training-orders.xlsx", "职业技能培训订单清单");
		assertThat(column(orders, 8)).contains("订单状态").allSatisfy(s -> assertThat(s).doesNotMatch("[A-Z_]{3,}"));
		// the file holds the filtered set, as the page shows it
		var turners = mvc.perform(get("/api/v1/demand/labour-demand.xlsx").param("occupation", "6-18-01-01").session(session))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(column(turners, 2).subList(1, column(turners, 2).size())).isNotEmpty().containsOnly("车工");
	}

	private byte[] download(MockHttpSession session, String path, String name) throws Exception {
		var response = mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment")
				.contains("filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "-"
						+ LocalDate.now(clock));
		return response.getContentAsByteArray();
	}

	static List<String> column(byte[] xlsx, int column) throws Exception {
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx)); var rows = workbook.getFirstSheet().openStream()) {
			return rows.map((Row r) -> r.getCellText(column)).toList();
		}
	}

	@Test
	void anEnterpriseOrdersTrainingFromADemandLineInOneClickPrefilled() throws Exception {
		var session = console.session("enterprise-demo");
		var neededBy = LocalDate.now(clock).plusDays(75);
		mvc.perform(post("/training/demand").session(session).with(csrf()).param("occupationCode", "6-18-01-02")
				.param("grade", "senior").param("headcount", "9").param("neededBy", neededBy.toString())
				.param("trainHeadcount", "6")).andExpect(flash().attribute("saved", true));
		var demand = jdbc.sql("select id from training.demand_item where enterprise_code = :e and occupation_code = '6-18-01-02' and needed_by = :n")
				.param("e", ENTERPRISE).param("n", neededBy).query(Long.class).single();
		var list = mvc.perform(get("/training").param("tab", "demand").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("fromDemand=" + demand).contains("铣工");
		var form = mvc.perform(get("/training").param("tab", "orders").param("fromDemand", String.valueOf(demand)).session(session))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("name=\"demandItemId\" value=\"" + demand + "\"")
				.contains("value=\"6-18-01-02\" selected>铣工 6-18-01-02").contains("value=\"6\"")
				.containsPattern("value=\"senior\"\\s+selected");
		// a refused field shows its message under it and keeps what was typed
		mvc.perform(post("/training/orders").session(session).with(csrf()).param("occupationCode", "6-18-01-02")
				.param("headcount", "0").param("wantedStart", LocalDate.now(clock).plusDays(3).toString()).param("kind", "ON_JOB")
				.param("demandItemId", String.valueOf(demand)))
				.andExpect(redirectedUrl("/training?tab=orders&fromDemand=" + demand))
				.andExpect(flash().attribute("fieldErrors", Map.of("headcount", "订单人数应为 1 至 10000，收到 0")));
	}

	@Test
	void theClassPageShowsTheRotatingCodeWithAQrCodeOfTheCheckInAddress() throws Exception {
		var classId = classRunningNow();
		var session = jdbc.sql("select id from training.class_session where class_id = :c").param("c", classId).query(Long.class).single();
		var html = page("provider-demo", "/training/classes/" + classId);
		var code = html.replaceAll("(?s).*<strong class=\"code[^\"]*\">(\\d{6})</strong>.*", "$1");
		assertThat(code).matches("\\d{6}");
		var svg = html.replaceAll("(?s).*(<svg[^>]*class=\"check-in-qr\".*?</svg>).*", "$1");
		assertThat(QrSvgTests.decode(svg)).isEqualTo("http://localhost/training/check-in?session=" + session + "&code=" + code);
		var refreshed = page("provider-demo", "/training/classes/" + classId + "/sessions/" + session + "/check-in-code");
		assertThat(refreshed).contains("class=\"check-in-qr\"").containsPattern("<strong class=\"code[^\"]*\">\\d{6}</strong>");
		assertThat(html).doesNotContain("课次编号");
		// the trainee's vouchers are offered by ID number and name
		var entry = jdbc.sql("select id from training.catalogue_entry where occupation_code = '6-18-01-01' and grade = 'intermediate' and valid_until is null")
				.query(Long.class).single();
		mvc.perform(post("/api/v1/training/vouchers").header("Authorization", api.bearer("shaoxing")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"idNumber\": \"%s\", \"name\": \"张明\", \"catalogueEntryId\": %d, \"validUntil\": \"%s\"}"
						.formatted(AccountBootstrap.DEMO_WORKER_ID_NUMBER, entry, LocalDate.now(clock).plusMonths(2))))
				.andExpect(status().isCreated());
		var choice = mvc.perform(post("/training/classes/{id}/vouchers", classId).session(console.session("provider-demo")).with(csrf())
				.param("idNumber", AccountBootstrap.DEMO_WORKER_ID_NUMBER).param("name", "张明"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(choice).contains("车工 · 1,500 元");
		var wrongName = mvc.perform(post("/training/classes/{id}/vouchers", classId).session(console.session("provider-demo")).with(csrf())
				.param("idNumber", AccountBootstrap.DEMO_WORKER_ID_NUMBER).param("name", "张三"))
				.andReturn().getResponse().getContentAsString();
		assertThat(wrongName).contains("该学员没有可用于本班的培训券").doesNotContain("1,500 元");
	}

	/** Classes of this test that the demo worker sits, left at the end so that no other test's class overlaps them. */
	final List<Long> workersClasses = new ArrayList<>();

	@AfterEach
	void theWorkerLeavesThisTestsClasses() {
		workersClasses.forEach(c -> jdbc.sql("update training.enrolment set status = 'WITHDRAWN' where class_id = :c and status = 'ENROLLED'")
				.param("c", c).update());
	}

	long classRunningNow() throws Exception {
		DemoWorker.freeToday(jdbc);
		var start = Instant.now(clock).minus(Duration.ofMinutes(13)).truncatedTo(ChronoUnit.MINUTES);
		var body = mvc.perform(post("/api/v1/training/classes").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"occupationCode": "6-18-01-01", "grade": "intermediate", "kind": "ON_JOB", "capacity": 5,
						 "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "越城区实训中心 1 楼"}]}"""
						.formatted(start, start.plus(Duration.ofMinutes(47)))))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

	@Test
	void aWorkerConfirmsTheSessionTheQrCodeNamesAndIsToldInChineseWhenRefused() throws Exception {
		var classId = classRunningNow();
		workersClasses.add(classId);
		var session = jdbc.sql("select id from training.class_session where class_id = :c").param("c", classId).query(Long.class).single();
		var worker = console.session("worker-demo");
		assertThat(mvc.perform(get("/training/check-in").param("session", String.valueOf(session)).param("code", "123456").session(worker))
				.andReturn().getResponse().getContentAsString()).contains("您没有报名该课次所在的班级");
		mvc.perform(post("/api/v1/training/classes/{id}/enrolments", classId).header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"idNumber\": \"%s\", \"name\": \"张明\"}".formatted(AccountBootstrap.DEMO_WORKER_ID_NUMBER)))
				.andExpect(status().isCreated());
		var today = page("worker-demo", "/training");
		assertThat(today).contains("data-session=\"" + session + "\"").contains("name=\"sessionId\" value=\"" + session + "\"")
				.doesNotContain("课次编号");
		var confirmation = mvc.perform(get("/training/check-in").param("session", String.valueOf(session)).param("code", "000000")
				.session(worker)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(confirmation).contains("车工").contains("绍兴市示范职业技能培训学校").contains("确认签到")
				.contains(new Formats(Locale.CHINA).time(
						jdbc.sql("select starts_at from training.class_session where id = :s").param("s", session)
								.query(Timestamp.class).single().toInstant()));
		var code = mvc.perform(get("/api/v1/training/classes/{id}/sessions/{s}/code", classId, session)
				.header("Authorization", api.bearer("provider-demo"))).andReturn().getResponse().getContentAsString().replaceAll("\\D", "");
		var wrong = code.equals("000000") ? "111111" : "000000";
		mvc.perform(post("/training/check-in").session(worker).with(csrf()).param("sessionId", String.valueOf(session))
				.param("code", wrong).param("returnTo", "confirmation"))
				.andExpect(redirectedUrl("/training/check-in?session=" + session))
				.andExpect(flash().attribute("error", "签到码不正确或已过期"));
		mvc.perform(post("/training/check-in").session(worker).with(csrf()).param("sessionId", String.valueOf(session))
				.param("code", code).param("returnTo", "confirmation"))
				.andExpect(redirectedUrl("/training/check-in?session=" + session)).andExpect(flash().attribute("saved", true));
		assertThat(page("worker-demo", "/training/check-in", "session", session)).contains("签到成功").doesNotContain("确认签到");
	}

	@Test
	void eachRolesHomeListsItsTrainingToDosWithLinks() throws Exception {
		mvc.perform(post("/api/v1/training/orders").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"enterpriseCode": "%s", "occupationCode": "6-18-01-01", "headcount": 6, "wantedStart": "%s",
						 "county": "330603", "kind": "ON_JOB"}""".formatted(ENTERPRISE, LocalDate.now(clock).plusDays(14))))
				.andExpect(status().isCreated());
		var open = jdbc.sql("""
				select count(*) from training.training_order where status = 'OPEN'
				  and (county_path like '/330000/330600/%' or kind = 'ONLINE')
				""").query(Long.class).single();
		assertThat(page("provider-demo", "/")).contains("data-todo=\"todo.training.orders-to-take\"")
				.contains(open + " 个订单待接单").contains("href=\"/training?tab=open\"");
		var awaiting = jdbc.sql("select count(*) from training.training_order where enterprise_code = :e and status = 'OPEN'")
				.param("e", ENTERPRISE).query(Long.class).single();
		assertThat(page("enterprise-demo", "/")).contains(awaiting + " 个订单等待机构接单");
		var entry = jdbc.sql("select id from training.catalogue_entry where occupation_code = '6-31-01-03' and grade is null")
				.query(Long.class).single();
		mvc.perform(post("/api/v1/training/vouchers").header("Authorization", api.bearer("shaoxing")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"idNumber\": \"%s\", \"name\": \"张明\", \"catalogueEntryId\": %d, \"validUntil\": \"%s\"}"
						.formatted(AccountBootstrap.DEMO_WORKER_ID_NUMBER, entry, LocalDate.now(clock).plusMonths(3))))
				.andExpect(status().isCreated());
		assertThat(page("worker-demo", "/")).contains("data-todo=\"todo.training.vouchers-to-use\"").contains("张培训券待使用");
		assertThat(page("worker-demo", "/training")).contains("电工").contains("补贴标准 1,000 元");
		// the provider's classes over but not completed
		var past = Instant.now(clock).minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
		mvc.perform(post("/api/v1/training/classes").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"occupationCode": "6-18-01-01", "kind": "ON_JOB", "capacity": 5,
						 "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "车间"}]}""".formatted(past, past.plus(Duration.ofHours(2)))))
				.andExpect(status().isCreated());
		assertThat(page("provider-demo", "/")).contains("data-todo=\"todo.training.classes-to-complete\"")
				.contains("href=\"/training?tab=classes&amp;status=ENDED\"");
		assertThat(page("provider-demo", "/training", "tab", "classes", "status", "ENDED")).contains("待结业").doesNotContain(">ENDED<");
	}

	@Test
	void aProviderPlansTheSessionsOfAnOrderItTakesUpRowByRow() throws Exception {
		var order = Long.parseLong(mvc.perform(post("/api/v1/training/orders").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"enterpriseCode": "%s", "occupationCode": "6-18-01-01", "headcount": 5, "wantedStart": "%s",
						 "county": "330603", "kind": "NAMED_CLASS"}""".formatted(ENTERPRISE, LocalDate.now(clock).plusDays(30))))
				.andReturn().getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		var form = page("provider-demo", "/training/orders/" + order + "/accept");
		assertThat(form).contains("id=\"session-planner\"").contains("type=\"date\" name=\"sessionDate\"")
				.contains("type=\"time\" name=\"sessionStart\"").doesNotContain("<textarea").contains("data-confirm=");
		var day = LocalDate.now(clock).plusDays(31);
		var provider = console.session("provider-demo");
		var result = mvc.perform(post("/training/orders/{id}/accept", order).session(provider).with(csrf()).param("capacity", "5")
				.param("teachers", "王师傅、李师傅")
				.param("sessionDate", day.toString(), day.plusDays(1).toString(), "")
				.param("sessionStart", "09:00", "13:30", "").param("sessionEnd", "12:00", "16:30", "")
				.param("sessionPlace", "柯桥区实训基地", "柯桥区实训基地", ""))
				.andExpect(status().is3xxRedirection()).andReturn();
		var classId = jdbc.sql("select id from training.training_class where order_id = :o").param("o", order).query(Long.class).single();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/training/classes/" + classId);
		assertThat(jdbc.sql("select to_char(starts_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') from training.class_session where class_id = :c order by starts_at")
				.param("c", classId).query(String.class).list()).containsExactly(day + " 09:00", day.plusDays(1) + " 13:30");
		var page = page("provider-demo", "/training/classes/" + classId);
		assertThat(page).contains("王师傅、李师傅").contains(day + " 09:00–12:00").contains("开班中");
	}

	@Test
	void theApiListsPageWithTheirTotalAndKeepTheirFields() throws Exception {
		mvc.perform(get("/api/v1/demand/key-enterprises").param("size", "1").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andExpect(header().exists("X-Total-Count"))
				.andExpect(MockMvcResultMatchers.jsonPath("$.length()").value(1))
				.andExpect(MockMvcResultMatchers.jsonPath("$[0].reasons[0]").isString())
				.andExpect(MockMvcResultMatchers.jsonPath("$[0].reasonCodes[0].code").isString());
		mvc.perform(get("/api/v1/training/orders/open").param("occupation", "6-99-99-99").header("Authorization", api.bearer("provider-demo")))
				.andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "0"))
				.andExpect(content().string("[]"));
		mvc.perform(get("/api/v1/training/classes").header("Authorization", api.bearer("provider-demo")))
				.andExpect(status().isOk()).andExpect(header().exists("X-Total-Count"))
				.andExpect(content().string(not(containsString("\"items\""))));
	}

	@Test
	void aProviderCompletesAClassAfterAConfirmationAndRecordsResultsWithACertificateType() throws Exception {
		var past = Instant.now(clock).minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		var body = mvc.perform(post("/api/v1/training/classes").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"occupationCode": "6-18-01-01", "grade": "intermediate", "kind": "OFF_JOB", "capacity": 5,
						 "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "车间"}]}""".formatted(past, past.plus(Duration.ofHours(3)))))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var classId = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		var session = JsonPath.<Number>read(body, "$.sessions[0].id").longValue();
		var provider = console.session("provider-demo");
		mvc.perform(post("/training/classes/{id}/enrolments", classId).session(provider).with(csrf())
				.param("idNumber", IdNumber.withCheckDigit("33060219870707795")).param("name", "结业生"))
				.andExpect(flash().attribute("saved", true));
		mvc.perform(post("/training/classes/{id}/enrolments", classId).session(provider).with(csrf())
				.param("idNumber", "330602198707077").param("name", "短号"))
				.andExpect(flash().attribute("fieldErrors", Matchers.hasKey("idNumber")));
		var enrolment = jdbc.sql("select id from training.enrolment where class_id = :c").param("c", classId).query(Long.class).single();
		mvc.perform(post("/training/classes/{id}/sessions/{s}/attendance", classId, session).session(provider).with(csrf())
				.param("enrolment", String.valueOf(enrolment))).andExpect(flash().attribute("saved", true));
		var ended = page("provider-demo", "/training/classes/" + classId);
		assertThat(ended).contains("待结业").contains("id=\"complete\"").contains("data-confirm=\"结业后按出勤判定每位学员是否结业（出勤不少于 80.0%），不能撤回。确定结业？\"");
		mvc.perform(post("/training/classes/{id}/complete", classId).session(provider).with(csrf()))
				.andExpect(flash().attribute("saved", true));
		var finished = page("provider-demo", "/training/classes/" + classId);
		assertThat(finished).contains("已结业").contains("class=\"d-flex flex-wrap gap-2 result-form\"")
				.contains("<option value=\"skill-level\">职业技能等级证书</option>").doesNotContain("id=\"complete\"");
		mvc.perform(post("/training/classes/{id}/results", classId).session(provider).with(csrf())
				.param("enrolmentId", String.valueOf(enrolment)).param("passed", "true").param("certificateType", "skill-level")
				.param("certificateNumber", "SXKT2026" + classId)).andExpect(flash().attribute("saved", true));
		assertThat(page("provider-demo", "/training/classes/" + classId)).contains("合格").contains("证书 SXKT2026" + classId);
		assertThat(page("shaoxing", "/training/classes/" + classId)).contains("结业生").doesNotContain("result-form");
		mvc.perform(get("/training/classes/{id}", classId).session(console.session("hangzhou"))).andExpect(status().isNotFound());
	}

	@Test
	void anOfficerIssuesAVoucherAndRecordsAVisitsDemandWithPickers() throws Exception {
		var officer = console.session("shaoxing");
		var vouchers = page("shaoxing", "/training", "tab", "vouchers");
		assertThat(vouchers).contains("id=\"voucher-form\"").contains("车工 · 中级工(四级) · 1,500 元");
		var entry = jdbc.sql("select id from training.catalogue_entry where occupation_code = '6-18-01-01' and grade = 'intermediate' and valid_until is null")
				.query(Long.class).single();
		var holder = IdNumber.withCheckDigit("33060219910101796");
		// a person the registry does not place in the officer's region is refused, with what to do
		mvc.perform(post("/training/vouchers").session(officer).with(csrf()).param("idNumber", holder).param("name", "券持有人")
				.param("catalogueEntryId", String.valueOf(entry)).param("validUntil", LocalDate.now(clock).plusMonths(6).toString()))
				.andExpect(flash().attribute("fieldErrors", Map.of("name",
						"此人不在本地区人员库中（户籍地或常住地须在本地区）；请先在人员库登记")));
		mvc.perform(post("/api/v1/persons").header("Authorization", api.bearer("shaoxing")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"idNumber\": \"%s\", \"name\": \"券持有人\", \"residenceRegion\": \"330602\"}".formatted(holder)))
				.andExpect(status().isOk());
		mvc.perform(post("/training/vouchers").session(officer).with(csrf()).param("idNumber", holder).param("name", "券持有人")
				.param("catalogueEntryId", String.valueOf(entry)).param("validUntil", LocalDate.now(clock).plusMonths(6).toString()))
				.andExpect(flash().attribute("saved", true));
		assertThat(page("shaoxing", "/training", "tab", "vouchers", "status", "ISSUED")).contains("券持有人").contains("待使用")
				.doesNotContain(">ISSUED<");
		mvc.perform(post("/training/vouchers").session(officer).with(csrf()).param("idNumber", holder).param("name", "券持有人")
				.param("catalogueEntryId", String.valueOf(entry)).param("validUntil", LocalDate.now(clock).plusYears(3).toString()))
				.andExpect(flash().attribute("fieldErrors", Map.of("validUntil", "培训券有效期应在今天至两年内")));

		var demand = page("shaoxing", "/training", "tab", "demand");
		assertThat(demand).contains("id=\"officer-demand-form\"").contains("data-picker=\"organisation\"")
				.contains("data-picker=\"occupation\"").contains("data-region-picker").contains("<option value=\"VISIT\"");
		mvc.perform(post("/training/demand").session(officer).with(csrf()).param("enterpriseCode", ENTERPRISE)
				.param("source", "QUESTIONNAIRE").param("occupationCode", "4-10-01-03").param("headcount", "7")
				.param("neededBy", LocalDate.now(clock).plusDays(50).toString()).param("placeCounty", "330603"))
				.andExpect(flash().attribute("saved", true));
		assertThat(page("shaoxing", "/training", "tab", "demand", "source", "QUESTIONNAIRE")).contains("问卷调查").contains("保育师");
		// the service names the field of each refusal, so the form says it there with no code map of its own
		mvc.perform(post("/training/demand").session(officer).with(csrf()).param("enterpriseCode", ENTERPRISE)
				.param("source", "QUESTIONNAIRE").param("occupationCode", "4-10-01-03").param("headcount", "7")
				.param("neededBy", LocalDate.now(clock).minusDays(1).toString()).param("placeCounty", "330603"))
				.andExpect(flash().attribute("fieldErrors", Map.of("neededBy",
						"需求时间不能早于今天：" + LocalDate.now(clock).minusDays(1))));
		mvc.perform(post("/training/demand").session(officer).with(csrf()).param("enterpriseCode", ENTERPRISE)
				.param("source", "QUESTIONNAIRE").param("occupationCode", "4-10-01-03").param("headcount", "7")
				.param("neededBy", LocalDate.now(clock).plusDays(50).toString()).param("placeCounty", "330600"))
				.andExpect(flash().attribute("fieldErrors", Matchers.hasKey("placeCounty")));
	}

	@Test
	void aRefusedCatalogueEntryIsSaidUnderTheFieldItsRuleNames() throws Exception {
		var province = console.session("province");
		mvc.perform(post("/training/catalogue").session(province).with(csrf()).param("occupationCode", "6-18-01-01")
				.param("standardYuan", "200000").param("validFrom", LocalDate.now(clock).toString()).param("basis", "测试依据"))
				.andExpect(flash().attribute("fieldErrors", Map.of("standardYuan", "补贴标准应为 0 至 100000 元，收到 200,000")));
		mvc.perform(post("/training/catalogue").session(province).with(csrf()).param("occupationCode", "6-18-01-01")
				.param("standardYuan", "900").param("validFrom", LocalDate.now(clock).toString()).param("basis", " "))
				.andExpect(flash().attribute("fieldErrors", Matchers.hasKey("basis")));
		mvc.perform(post("/training/catalogue").session(province).with(csrf()).param("occupationCode", "9-99-99-99")
				.param("standardYuan", "900").param("validFrom", LocalDate.now(clock).toString()).param("basis", "测试依据"))
				.andExpect(flash().attribute("fieldErrors", Matchers.hasKey("occupationCode")));
		assertThat(jdbc.sql("select count(*) from training.catalogue_entry where basis = '测试依据'").query(Integer.class)
				.single()).isZero();
	}
}
