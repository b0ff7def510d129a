package cn.gongjiang.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * The supervision console (SUP-1..4, X-4): anomaly signals as sentences in the reader's language and worked through by
 * review, ratings by provider picker, inspections drawn, found and published after a confirmation, the public page,
 * the audit ledger named in Chinese, and the officers' to-dos.
 */
@IntegrationTest
class SupervisionConsoleIntegrationTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignalReviews reviews;

	static final Actor PROVINCE = new Actor(0, "province", "省人力社保厅", Role.PROVINCE_OFFICER,
			DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);

	String page(String user, String path, String... params) throws Exception {
		var request = get(path).session(console.session(user));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** A class of provider-demo whose one session's attendance was entered nine days after it started. */
	long lateAttendance(Instant start) throws Exception {
		var body = mvc.perform(post("/api/v1/training/classes").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"occupationCode": "6-18-01-01", "kind": "OFF_JOB", "capacity": 5,
						 "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "实训楼"}]}"""
						.formatted(start, start.plus(2, ChronoUnit.HOURS))))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var classId = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		mvc.perform(post("/api/v1/training/classes/{id}/enrolments", classId).header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\": \"%s\", \"name\": \"迟录生\"}"
						.formatted(IdNumber.withCheckDigit("33060219940404788"))))
				.andExpect(status().isCreated());
		var session = jdbc.sql("select id from training.class_session where class_id = :c").param("c", classId).query(Long.class).single();
		var enrolment = jdbc.sql("select id from training.enrolment where class_id = :c").param("c", classId).query(Long.class).single();
		jdbc.sql("insert into training.attendance (session_id, enrolment_id, method, recorded_by, recorded_at) values (:s, :e, 'LIST', 'x', :at)")
				.param("s", session).param("e", enrolment).param("at", Timestamp.from(start.plus(9, ChronoUnit.DAYS))).update();
		return session;
	}

	@Test
	void aSignalReadsAsASentenceInChineseAndInEnglishWithTheDelayInWords() throws Exception {
		var start = Instant.now(clock).plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		var session = lateAttendance(start);
		var day = start.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
		var thisYear = day.getYear() == LocalDate.now(clock).getYear();
		var zh = DateTimeFormatter.ofPattern(thisYear ? "M月d日" : "yyyy年M月d日", Locale.CHINA).format(day);
		var en = DateTimeFormatter.ofPattern(thisYear ? "d MMM" : "d MMM yyyy", Locale.ENGLISH).format(day);
		var chinese = page("province", "/supervision", "kind", "LATE_ATTENDANCE");
		assertThat(chinese).contains("第 1 课次（" + zh + "）的考勤在课程结束 8 天 22 小时后补录 1 人")
				.doesNotContain("days").doesNotContain("marked").doesNotContain("LATE_ATTENDANCE<");
		var english = page("province", "/supervision", "kind", "LATE_ATTENDANCE", "lang", "en");
		assertThat(english).contains("Attendance for session 1 (" + en + ") was entered 8 days 22 hours after it ended, for 1 trainee(s)");
		// the API keeps subject and detail, and adds the code with its arguments
		mvc.perform(get("/api/v1/supervision/anomalies").header("Authorization", api.bearer("province")))
				.andExpect(MockMvcResultMatchers.jsonPath(
						"$[?(@.key == 'LATE_ATTENDANCE:session:%d')].code".formatted(session)).value(Matchers.hasItem("supervision.signal.late-attendance")))
				.andExpect(MockMvcResultMatchers.jsonPath(
						"$[?(@.key == 'LATE_ATTENDANCE:session:%d')].arguments[2]".formatted(session)).value(Matchers.hasItem(8 * 86400 + 22 * 3600)));
	}

	@Test
	void anOfficerReviewsASignalWhichLeavesTheOpenListAndTheToDoCount() throws Exception {
		var session = lateAttendance(Instant.now(clock).minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
		var key = "LATE_ATTENDANCE:session:" + session;
		assertThat(open(key)).isTrue();
		assertThat(page("province", "/")).contains("data-todo=\"todo.supervision.open-signals\"")
				.contains(reviews.open(PROVINCE) + " 条异常信号待核查");
		assertThat(page("province", "/supervision", "kind", "LATE_ATTENDANCE", "size", "200")).contains("value=\"" + key + "\"");
		mvc.perform(post("/supervision/signals/review").session(console.session("province")).with(csrf()).param("key", key)
				.param("note", "")).andExpect(flash().attribute("error", "请写明核查情况"));
		mvc.perform(post("/supervision/signals/review").session(console.session("province")).with(csrf()).param("key", key)
				.param("note", "电话核实：机构补录纸质签到表，已责令整改")).andExpect(flash().attribute("saved", true));
		assertThat(open(key)).as("a reviewed signal is no longer open").isFalse();
		assertThat(page("province", "/supervision", "kind", "LATE_ATTENDANCE", "size", "200")).doesNotContain("value=\"" + key + "\"");
		assertThat(page("province", "/supervision", "kind", "LATE_ATTENDANCE", "status", "REVIEWED", "size", "200"))
				.contains("电话核实：机构补录纸质签到表，已责令整改");
		// a city outside the class's region cannot review it
		mvc.perform(post("/supervision/signals/review").session(console.session("hangzhou")).with(csrf()).param("key", key)
				.param("note", "x")).andExpect(flash().attribute("error", "该信号不在您的辖区内或已消失"));
	}

	private boolean open(String key) {
		return reviews.page(PROVINCE, "LATE_ATTENDANCE", "OPEN", PageRequest.first(200)).items().stream()
				.anyMatch(r -> r.key().equals(key));
	}

	@Test
	void anInspectionIsDrawnFoundAndPublishedAfterAConfirmationAndReadsByNameOnThePublicPage() throws Exception {
		for (var name : List.of("周检查", "吴检查")) {
			mvc.perform(post("/supervision/inspectors").session(console.session("shaoxing")).with(csrf()).param("name", name)
					.param("organisation", "绍兴市人力社保局")).andExpect(flash().attribute("saved", true));
		}
		assertThat(page("shaoxing", "/supervision", "tab", "draws")).contains("周检查").contains("id=\"draw-form\"");
		var drawn = mvc.perform(post("/supervision/draws").session(console.session("shaoxing")).with(csrf())
				.param("population", "CLASSES").param("count", "1").param("seed", "20261201"))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(drawn).matches("/supervision/draws/\\d+");
		var id = Long.parseLong(drawn.replaceAll("\\D", ""));
		assertThat(page("shaoxing", "/")).contains("data-todo=\"todo.supervision.unpublished-draws\"");
		var draw = page("shaoxing", drawn);
		assertThat(draw).contains("20261201").contains("待检查").contains("全部对象录入检查结果后可以公开").doesNotContain("id=\"publish\"");
		var target = jdbc.sql("select target_id from supervision.draw_target where draw_id = :d").param("d", id).query(String.class).single();
		mvc.perform(post("/supervision/draws/{id}/findings", id).session(console.session("shaoxing")).with(csrf())
				.param("kind", "CLASS").param("targetId", target).param("outcome", "ISSUES_FOUND").param("finding", "花名册与现场不符"))
				.andExpect(flash().attribute("saved", true));
		var complete = page("shaoxing", drawn);
		assertThat(complete).contains("id=\"publish\"").contains("data-confirm=\"公开后结果在公开页面展示，不能再修改。确定公开？\"");
		mvc.perform(post("/supervision/draws/{id}/publish", id).session(console.session("shaoxing")).with(csrf()))
				.andExpect(flash().attribute("saved", true));
		var published = mvc.perform(get("/public/inspections")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		var occupation = jdbc.sql("select occupation_code from training.training_class where id = :c").param("c", Long.parseLong(target))
				.query(String.class).single();
		assertThat(published).contains("花名册与现场不符").contains("班级 " + target).contains("绍兴市")
				.doesNotContain(" " + occupation + "<").contains("class=\"badge bg-red-lt\"");
	}

	@Test
	void theRatingFormPicksTheProviderByNameAndTheListShowsItsStars() throws Exception {
		var form = page("shaoxing", "/supervision", "tab", "ratings");
		assertThat(form).contains("data-picker=\"organisation\"").contains("/organisations/options?kind=provider")
				.doesNotContainPattern("<input[^>]*name=\"providerCode\"");
		mvc.perform(post("/supervision/ratings").session(console.session("shaoxing")).with(csrf())
				.param("providerCode", "52330600MJ9876543F").param("year", "2025").param("score", "83.5")
				.param("basis", "2025 年度民办培训机构评估")).andExpect(flash().attribute("saved", true));
		assertThat(page("shaoxing", "/supervision", "tab", "ratings", "year", "2025")).contains("绍兴市示范职业技能培训学校")
				.contains("★★★★").contains("83.5").contains("2025 年度民办培训机构评估");
		assertThat(page("hangzhou", "/supervision", "tab", "ratings", "year", "2025")).doesNotContain("绍兴市示范职业技能培训学校");
	}

	@Test
	void theYearsLedgerDownloadsFromTheConsoleNamedAndWrittenInChinese() throws Exception {
		var year = LocalDate.now(clock).getYear();
		var response = mvc.perform(get("/api/v1/supervision/audit-export.xlsx").param("year", String.valueOf(year))
				.session(console.session("province"))).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(response.getHeader("Content-Disposition"))
				.contains("filename*=UTF-8''" + URLEncoder.encode("培训审计台账-" + year + ".xlsx", StandardCharsets.UTF_8));
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()));
				var rows = workbook.getFirstSheet().openStream()) {
			var all = rows.toList();
			assertThat(all.get(0).getCellText(0)).isEqualTo(year + "年培训审计台账");
			assertThat(all.get(1).getCellText(2)).isEqualTo("职业（工种）");
			assertThat(all.get(1).getCellText(7)).isEqualTo("学员身份证号（脱敏）");
			assertThat(all.subList(2, all.size())).isNotEmpty().allSatisfy(r -> {
				assertThat(r.getCellText(2)).doesNotMatch(".*\\d-\\d\\d-.*");
				assertThat(r.getCellText(4) + r.getCellText(8) + r.getCellText(9)).doesNotMatch(".*[A-Z_]{4,}.*");
			});
		}
		assertThat(page("province", "/supervision", "tab", "audit")).contains("/api/v1/supervision/audit-export.xlsx?year=" + year);
		assertThat(page("shaoxing", "/supervision")).doesNotContain("tab=audit");
	}
}
