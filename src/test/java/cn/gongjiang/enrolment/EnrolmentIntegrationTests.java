package cn.gongjiang.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.archive.ArchiveCaughtUp;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumber;

/** ENR-1..6: plans, registration rules with real requests, rosters and the duplicate batch, progress, the console. */
@IntegrationTest
class EnrolmentIntegrationTests {

	static final String SHAOXING_SCHOOL = CreditCode.withCheckCharacter("12330602MB00T0001");
	static final String HANGZHOU_SCHOOL = CreditCode.withCheckCharacter("12330106MB00T0002");
	static final String PROVINCIAL_COLLEGE = CreditCode.withCheckCharacter("12330105MB00T0003");
	static final AtomicInteger SEQUENCE = new AtomicInteger(100);
	static boolean ready;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Console console;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	int year;

	@BeforeEach
	void schoolsWithFiledPlans() throws Exception {
		year = LocalDate.now(clock).getYear() + 1;
		if (ready) {
			return;
		}
		school(SHAOXING_SCHOOL, "绍兴越城测试技工学校", "TECHNICAL_SCHOOL", "330602");
		school(HANGZHOU_SCHOOL, "杭州西湖测试技师学院", "TECHNICIAN_COLLEGE", "330106");
		school(PROVINCIAL_COLLEGE, "浙江测试省属技师学院", "TECHNICIAN_COLLEGE", "330105");
		json(MockMvcRequestBuilders.put("/api/v1/enrolment/schools/{c}/affiliation", PROVINCIAL_COLLEGE), "province",
				"{\"affiliation\": \"PROVINCE\"}").andExpect(status().isOk()).andExpect(jsonPath("$.affiliation").value("PROVINCE"));
		for (var code : new String[] { SHAOXING_SCHOOL, HANGZHOU_SCHOOL, PROVINCIAL_COLLEGE }) {
			json(post("/api/v1/enrolment/schools/{c}/specialties", code), "province",
					"{\"code\": \"0301\", \"name\": \"数控加工\", \"classLevels\": [\"中级工班\", \"SENIOR\"], \"filedOn\": \"2023-05-01\"}")
					.andExpect(status().isCreated());
		}
		filedPlan(SHAOXING_SCHOOL, "shaoxing", 50, 2);
		filedPlan(HANGZHOU_SCHOOL, "hangzhou", 50, 2);
		filedPlan(PROVINCIAL_COLLEGE, "province", 50, 2);
		ready = true;
	}

	private void school(String code, String name, String kind, String county) throws Exception {
		json(post("/api/v1/providers"), "province", """
				{"creditCode": "%s", "name": "%s", "kind": "%s", "region": "%s"}""".formatted(code, name, kind, county))
				.andExpect(status().isOk());
	}

	private void filedPlan(String school, String issuer, int intermediate, int senior) throws Exception {
		var body = json(post("/api/v1/enrolment/plans"), "province", """
				{"schoolCode": "%s", "year": %d, "intake": "SPRING", "lines": [
				 {"specialtyCode": "0301", "classLevel": "INTERMEDIATE", "headcount": %d},
				 {"specialtyCode": "0301", "classLevel": "SENIOR", "headcount": %d}]}""".formatted(school, year, intermediate, senior))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		var id = body.replaceAll("^\\{\"id\":(\\d+).*", "$1");
		mvc.perform(post("/api/v1/enrolment/plans/{id}/issue", id).header("Authorization", api.bearer(issuer)))
				.andExpect(status().isOk());
		mvc.perform(post("/api/v1/enrolment/plans/{id}/file", id).header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FILED"));
	}

	private ResultActions json(MockHttpServletRequestBuilder request,
			String user, String body) throws Exception {
		return mvc.perform(request.header("Authorization", api.bearer(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	static String newId(String county) {
		return IdNumber.withCheckDigit(county + "2009" + String.format("%02d", 1 + SEQUENCE.get() % 12)
				+ String.format("%02d", 1 + SEQUENCE.get() % 28) + String.format("%03d", SEQUENCE.getAndIncrement()));
	}

	ResultActions register(String user, String id, String name, String school, String level, int intakeYear,
			String season, String origin) throws Exception {
		return json(post("/api/v1/enrolment/registrations"), user, """
				{"idNumber": "%s", "name": "%s", "schoolCode": "%s", "specialtyCode": "0301", "classLevel": "%s",
				 "intakeYear": %d, "intakeSeason": "%s", "learnerKind": "JUNIOR_SECONDARY_GRADUATE",
				 "studyMode": "FULL_TIME", "originRegionCode": "%s"}""".formatted(id, name, school, level, intakeYear, season, origin));
	}

	long registered(String id, String name, String school, String origin) throws Exception {
		var body = register("province", id, name, school, "INTERMEDIATE", year, "SPRING", origin)
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("\\D", ""));
	}

	@Test
	void everyRefusalHasItsCodeAndAReplayChangesNothing() throws Exception {
		var id = newId("330602");
		var first = registered(id, "陈一鸣", SHAOXING_SCHOOL, "330602");
		register("province", id, "陈一鸣", SHAOXING_SCHOOL, "INTERMEDIATE", year, "SPRING", "330602")
				.andExpect(status().isOk()).andExpect(jsonPath("$.id").value(first));

		var bad = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
		register("province", bad, "陈一鸣", SHAOXING_SCHOOL, "INTERMEDIATE", year, "SPRING", "330602")
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("enrolment.invalid-id-number"));
		register("province", id, "陈一明", PROVINCIAL_COLLEGE, "INTERMEDIATE", year, "SPRING", "330602")
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("enrolment.name-mismatch"));
		register("province", newId("330602"), "林过期", SHAOXING_SCHOOL, "INTERMEDIATE", year - 2, "AUTUMN", "330602")
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("enrolment.deadline-passed"));
		register("province", id, "陈一鸣", PROVINCIAL_COLLEGE, "INTERMEDIATE", year, "SPRING", "330602")
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("enrolment.dual-registration"))
				.andExpect(jsonPath("$.detail").value(containsString("绍兴越城测试技工学校")))
				.andExpect(jsonPath("$.detail").value(containsString("陈*")))
				.andExpect(jsonPath("$.detail").value(containsString("330602********")));
		register("province", newId("330106"), "周跨市", SHAOXING_SCHOOL, "INTERMEDIATE", year, "SPRING", "330106")
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("enrolment.cross-city"))
				.andExpect(jsonPath("$.detail").value(containsString("杭州市")));
		json(post("/api/v1/enrolment/registrations"), "province", """
				{"idNumber": "%s", "name": "吴无专业", "schoolCode": "%s", "specialtyCode": "9999", "classLevel": "INTERMEDIATE",
				 "intakeYear": %d, "intakeSeason": "SPRING", "learnerKind": "EMPLOYEE", "studyMode": "PART_TIME",
				 "originRegionCode": "330602"}""".formatted(newId("330602"), SHAOXING_SCHOOL, year))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("enrolment.specialty-not-filed"));
		// the plan has 2 senior places
		register("province", newId("330603"), "沈高一", SHAOXING_SCHOOL, "SENIOR", year, "SPRING", "330603").andExpect(status().isCreated());
		register("province", newId("330603"), "沈高二", SHAOXING_SCHOOL, "SENIOR", year, "SPRING", "330603").andExpect(status().isCreated());
		register("province", newId("330603"), "沈高三", SHAOXING_SCHOOL, "SENIOR", year, "SPRING", "330603")
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("enrolment.over-plan"));

		// welcome: from another province anywhere; from another city at the provincial technician college
		register("province", newId("510104"), "蒋川娃", SHAOXING_SCHOOL, "INTERMEDIATE", year, "SPRING", "510104")
				.andExpect(status().isCreated());
		register("province", newId("330106"), "杭省属", PROVINCIAL_COLLEGE, "INTERMEDIATE", year, "SPRING", "330106")
				.andExpect(status().isCreated());
		// a school registers only for itself, a city only its own schools
		register("school-demo", newId("330602"), "越他校", SHAOXING_SCHOOL, "INTERMEDIATE", year, "SPRING", "330602")
				.andExpect(status().isForbidden());
		register("hangzhou", newId("330602"), "越他市", SHAOXING_SCHOOL, "INTERMEDIATE", year, "SPRING", "330602")
				.andExpect(status().isForbidden());
	}

	@Test
	void theDeadlineFollowsTheClockSpringClosesOnThe31stOfMarch() throws Exception {
		var today = LocalDate.now(clock);
		var season = today.isAfter(LocalDate.of(today.getYear(), 3, 31)) ? "AUTUMN" : "SPRING";
		var closing = season.equals("SPRING") ? LocalDate.of(today.getYear(), 3, 31) : LocalDate.of(today.getYear(), 10, 31);
		var expected = today.isAfter(closing) ? status().isUnprocessableEntity() : status().is2xxSuccessful();
		register("province", newId("330602"), "钟时限", SHAOXING_SCHOOL, "INTERMEDIATE", today.getYear(), season, "330602")
				.andExpect(expected);
	}

	@Test
	void plansRefuseEditsAfterIssueExceptByAnApprovedRevisionKeptWithItsHistory() throws Exception {
		var body = json(post("/api/v1/enrolment/plans"), "school-demo", """
				{"schoolCode": "12330600MB12345675", "year": %d, "intake": "AUTUMN", "lines": [
				 {"specialtyCode": "0301", "classLevel": "INTERMEDIATE", "headcount": 30}]}""".formatted(year))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
				.andReturn().getResponse().getContentAsString();
		var id = body.replaceAll("^\\{\"id\":(\\d+).*", "$1");
		json(post("/api/v1/enrolment/plans"), "school-demo", """
				{"schoolCode": "12330600MB12345675", "year": %d, "intake": "AUTUMN", "lines": [
				 {"specialtyCode": "0301", "classLevel": "INTERMEDIATE", "headcount": 40},
				 {"specialtyCode": "0710", "classLevel": "SENIOR", "headcount": 5}]}""".formatted(year))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("enrolment.specialty-not-filed"));
		mvc.perform(post("/api/v1/enrolment/plans/{id}/issue", id).header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/enrolment/plans/{id}/issue", id).header("Authorization", api.bearer("school-demo")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/enrolment/plans/{id}/issue", id).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ISSUED"));
		json(post("/api/v1/enrolment/plans"), "school-demo", """
				{"schoolCode": "12330600MB12345675", "year": %d, "intake": "AUTUMN", "lines": [
				 {"specialtyCode": "0301", "classLevel": "INTERMEDIATE", "headcount": 99}]}""".formatted(year))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("enrolment.plan-filed"));
		mvc.perform(post("/api/v1/enrolment/plans/{id}/file", id).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/enrolment/plans/{id}/file", id).header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FILED"));
		json(post("/api/v1/enrolment/plans/{id}/revisions", id), "school-demo", """
				{"reason": "企业订单班扩招", "lines": [{"specialtyCode": "0301", "classLevel": "INTERMEDIATE", "headcount": 45}]}""")
				.andExpect(status().isOk()).andExpect(jsonPath("$.lines[0].headcount").value(30))
				.andExpect(jsonPath("$.revisions[0].status").value("PENDING"));
		json(post("/api/v1/enrolment/plans/{id}/revisions", id), "school-demo", """
				{"reason": "again", "lines": [{"specialtyCode": "0301", "classLevel": "INTERMEDIATE", "headcount": 50}]}""")
				.andExpect(status().isConflict());
		var revision = jdbc.sql("select id from enrolment.plan_revision where plan_id = :id").param("id", Long.parseLong(id))
				.query(Long.class).single();
		json(post("/api/v1/enrolment/plans/{id}/revisions/{r}/approve", id, revision), "school-demo", "{}")
				.andExpect(status().isForbidden());
		json(post("/api/v1/enrolment/plans/{id}/revisions/{r}/approve", id, revision), "shaoxing", "{}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.lines[0].headcount").value(45))
				.andExpect(jsonPath("$.revisions[0].status").value("APPROVED"))
				.andExpect(jsonPath("$.revisions[0].before[0].headcount").value(30))
				.andExpect(jsonPath("$.revisions[0].after[0].headcount").value(45))
				.andExpect(jsonPath("$.revisions[0].decidedBy").value("shaoxing"));
		mvc.perform(get("/api/v1/enrolment/plans").param("school", "12330600MB12345675").param("year", String.valueOf(year))
				.header("Authorization", api.bearer("hangzhou"))).andExpect(status().isNotFound());
	}

	@Test
	void aRosterImportFollowedByTheBatchFindsExactlyThePlantedDuplicates() throws Exception {
		var twoSchools = newId("330602");
		var onHighSchool = newId("330602");
		var graduated = newId("330602");
		var onVocational = newId("330602");
		var clean = newId("330602");
		var legacy = registered(twoSchools, "甲双籍", SHAOXING_SCHOOL, "330602");
		var rosterCase = registered(onHighSchool, "乙高中", SHAOXING_SCHOOL, "330602");
		registered(graduated, "丙毕业", SHAOXING_SCHOOL, "330602");
		registered(onVocational, "丁中职", SHAOXING_SCHOOL, "330602");
		registered(clean, "戊清白", SHAOXING_SCHOOL, "330602");
		// legacy data from before the platform: the same student also at the Hangzhou school
		jdbc.sql("""
				insert into enrolment.registration (person_index, person_id, id_number_masked, name, school_code, school_path,
				    specialty_code, class_level, intake_year, intake_season, learner_kind, study_mode, origin_region,
				    registered_on, source)
				select person_index, person_id, id_number_masked, name, :school, '/330000/330100/330106/', specialty_code,
				    class_level, intake_year, intake_season, learner_kind, study_mode, origin_region, registered_on, 'legacy'
				from enrolment.registration where id = :id
				""").param("school", HANGZHOU_SCHOOL).param("id", legacy).update();
		var csv = "身份证号,姓名,学校名称,学校类型,学籍状态\n" + onHighSchool + ",乙高中,绍兴市第一中学,普通高中,在籍\n"
				+ graduated + ",丙毕业,绍兴市稽山中学,普通高中,毕业\n" + onVocational + ",丁中职,绍兴市中等专业学校,中等职业学校,在籍\n"
				+ newId("330681") + ",己无关,诸暨市中学,普通高中,在籍\n" + "330602200901011234,坏号码,某中学,普通高中,在籍\n"
				+ onVocational + ",丁中职,绍兴市中等专业学校,中职,在籍\n";
		var job = imports.run("province", "education-rosters", "rosters.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("acceptedRows", 4).containsEntry("rejectedRows", 2);
		assertThat(imports.errors("province", job)).anySatisfy(e -> assertThat(e).startsWith("6|身份证号|"))
				.anySatisfy(e -> assertThat(e).startsWith("7|身份证号|import.duplicate-in-file"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(openCasesOf(twoSchools, onHighSchool,
				graduated, onVocational, clean)).isEqualTo(3));
		mvc.perform(post("/api/v1/enrolment/duplicates/run").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.found").value(0));

		var cases = mvc.perform(get("/api/v1/enrolment/duplicates").param("status", "OPEN")
				.header("Authorization", api.bearer("province"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(cases).contains("普通高中 绍兴市第一中学", "中等职业学校 绍兴市中等专业学校", "杭州西湖测试技师学院")
				.doesNotContain("绍兴市稽山中学").doesNotContain(onHighSchool);
		mvc.perform(get("/api/v1/enrolment/duplicates").param("status", "OPEN").header("Authorization", api.bearer("hangzhou")))
				.andExpect(jsonPath("$[?(@.otherKind == 'ROSTER')]", hasSize(0)))
				.andExpect(jsonPath("$[?(@.registration.registrationId == %d)]".formatted(legacy), hasSize(1)));

		var caseId = jdbc.sql("select id from enrolment.duplicate_case where registration_id = :r").param("r", rosterCase)
				.query(Long.class).single();
		json(post("/api/v1/enrolment/duplicates/{id}/resolve", caseId), "shaoxing",
				"{\"withdrawRegistrationId\": %d, \"reason\": \"该生在普通高中在籍，注销技工院校学籍\"}".formatted(rosterCase))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"))
				.andExpect(jsonPath("$.resolution").value("WITHDRAWN"));
		mvc.perform(get("/api/v1/enrolment/registrations").param("school", SHAOXING_SCHOOL)
				.header("Authorization", api.bearer("shaoxing")))
				.andExpect(jsonPath("$[?(@.id == %d)].status".formatted(rosterCase)).value("WITHDRAWN"));
		assertThat(openCasesOf(twoSchools, onHighSchool, graduated, onVocational, clean)).isEqualTo(2);
	}

	private int openCasesOf(String... idNumbers) {
		return jdbc.sql("""
				select count(*) from enrolment.duplicate_case c join enrolment.registration r on r.id = c.registration_id
				where c.status = 'OPEN' and r.id_number_masked = any(:masked) and r.name in ('甲双籍', '乙高中', '丙毕业', '丁中职', '戊清白')
				""").param("masked", Arrays.stream(idNumbers).map(i -> IdNumber.parse(i).masked()).toArray(String[]::new))
				.query(Integer.class).single();
	}

	@Test
	void registrationsCountTowardsTheCityTargetAndAWithdrawalTakesItBack() throws Exception {
		var before = actual("330600");
		var id = registered(newId("330624"), "俞计数", SHAOXING_SCHOOL, "330624");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(actual("330600")).isEqualTo(before + 1));
		json(post("/api/v1/enrolment/registrations/{id}/withdraw", id), "shaoxing", "{\"reason\": \"\"}")
				.andExpect(status().isBadRequest());
		json(post("/api/v1/enrolment/registrations/{id}/withdraw", id), "shaoxing", "{\"reason\": \"本人申请退学\"}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(actual("330600")).isEqualTo(before));
		json(post("/api/v1/enrolment/registrations/{id}/graduate", id), "shaoxing", "{}")
				.andExpect(status().isConflict());
		var person = jdbc.sql("select person_id from enrolment.registration where id = :id").param("id", id)
				.query(Long.class).single();
		ArchiveCaughtUp.await(jdbc);
		assertThat(jdbc.sql("select detail->>'status' from archive.line where person_id = :p and kind = 'ENROLMENT' order by id")
				.param("p", person).query(String.class).list()).containsExactly("REGISTERED", "WITHDRAWN");
		mvc.perform(get("/api/v1/persons/{id}/archive", person).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("ENROLMENT")))
				.andExpect(content().string(containsString("绍兴越城测试技工学校")));
		mvc.perform(get("/api/v1/enrolment/progress").param("year", String.valueOf(year)).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].city").value("330600"));
	}

	private int actual(String city) throws Exception {
		// next year's intake counts from its first day, so look at it as of the end of the year
		var body = mvc.perform(get("/api/v1/targets").param("indicator", "TECH_SCHOOL_ENROLMENT").param("region", city)
				.param("year", String.valueOf(year)).param("asOf", year + "-12-31").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		var match = Pattern.compile("\"actual\":(\\d+)").matcher(body);
		return match.find() ? Integer.parseInt(match.group(1)) : -1;
	}

	@Test
	void registrationsByFileMeetTheSameRulesRowByRowAndAReplayChangesNothing() throws Exception {
		var header = "身份证号,姓名,学校统一社会信用代码,专业代码,班级层次,入学年份,入学季,学员类别,学习形式,生源地区划代码\n";
		var good = newId("330106");
		var taken = newId("330683");
		registered(taken, "韩已注册", PROVINCIAL_COLLEGE, "330683");
		var row = "%s,%s," + HANGZHOU_SCHOOL + ",0301,中级工班," + year + ",春季,企业职工,非全日制,%s\n";
		var csv = header + row.formatted(good, "杭好学", "330106")
				+ row.formatted(taken, "韩已注册", "330106")
				+ row.formatted(newId("330683"), "嵊跨市", "330683")
				+ row.formatted(newId("330106"), "杭名字", "330106").replace("中级工班", "博士班")
				+ row.formatted(newId("330106"), "杭过期", "330106").replace(String.valueOf(year) + ",春季", (year - 2) + ",秋季");
		var job = imports.run("hangzhou", "registrations", "registrations.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("acceptedRows", 1).containsEntry("rejectedRows", 4);
		assertThat(imports.errors("hangzhou", job)).containsExactlyInAnyOrder(
				"3|身份证号|import.enrolment.dual-registration",
				"4|生源地区划代码|import.enrolment.cross-city",
				"5|班级层次|import.enrolment.class-level.unknown",
				"6|入学季|import.enrolment.deadline-passed");
		var messages = mvc.perform(get("/api/v1/imports/{id}/errors", job.get("id")).header("Authorization", api.bearer("hangzhou")))
				.andReturn().getResponse().getContentAsString();
		assertThat(messages).contains("技工院校 浙江测试省属技师学院", "韩**").doesNotContain("{1}");
		var again = imports.run("hangzhou", "registrations", "registrations.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again).containsEntry("acceptedRows", 0).containsEntry("unchangedRows", 1).containsEntry("rejectedRows", 4);
	}

	@Test
	void theConsoleFormShowsEachRefusalInChineseNextToItsField() throws Exception {
		var session = console.session("shaoxing");
		var form = post("/enrolment/registrations").session(session).with(
				SecurityMockMvcRequestPostProcessors.csrf())
				.param("schoolCode", SHAOXING_SCHOOL).param("specialtyCode", "0301").param("classLevel", "INTERMEDIATE")
				.param("intakeYear", String.valueOf(year)).param("intakeSeason", "SPRING")
				.param("learnerKind", "JUNIOR_SECONDARY_GRADUATE").param("studyMode", "FULL_TIME");
		mvc.perform(form.param("idNumber", newId("330106")).param("name", "杭跨市").param("originRegionCode", "330106"))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("fieldError", "originRegionCode"))
				.andExpect(flash().attribute("error", containsString("不在省内跨市招生")));
		var other = console.session("shaoxing");
		mvc.perform(post("/enrolment/registrations").session(other).with(
				SecurityMockMvcRequestPostProcessors.csrf())
				.param("schoolCode", SHAOXING_SCHOOL).param("specialtyCode", "0301").param("classLevel", "INTERMEDIATE")
				.param("intakeYear", String.valueOf(year)).param("intakeSeason", "SPRING")
				.param("learnerKind", "JUNIOR_SECONDARY_GRADUATE").param("studyMode", "FULL_TIME")
				.param("idNumber", "330602200901011230").param("name", "错号码").param("originRegionCode", "330602"))
				.andExpect(flash().attribute("fieldError", "idNumber"));
		mvc.perform(get("/enrolment/schools/{c}", SHAOXING_SCHOOL).session(other))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("身份证号无效")))
				.andExpect(content().string(containsString("value=\"错号码\"")));
		for (var page : new String[] { "/enrolment", "/enrolment/duplicates" }) {
			mvc.perform(get(page).session(session)).andExpect(status().isOk());
		}
		mvc.perform(get("/enrolment").session(console.session("school-demo"))).andExpect(status().is3xxRedirection());
	}

	@Test
	void theCitysYearlySummaryDueOn30NovemberCarriesTheIntakeByClassLevel() throws Exception {
		registered(newId("330602"), "年度汇总", SHAOXING_SCHOOL, "330602");
		mvc.perform(get("/api/v1/targets/reports/330600/{y}/0", year).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.dueOn").value(year + "-11-30"))
				.andExpect(jsonPath("$.enrolment[0].year").value(year))
				.andExpect(jsonPath("$.enrolment[0].intermediate").value(Matchers.greaterThan(0)));
		var pdf = mvc.perform(get("/api/v1/targets/reports/330600/{y}/0.pdf", year).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document))
					.contains("技工院校招生（按班级层次）", "高级工班及以上占比", year + "-11-30");
		}
	}

	@Test
	void aJointProgrammeAgreementIsRecordedAndRegistrationsReferenceIt() throws Exception {
		json(post("/api/v1/enrolment/agreements"), "shaoxing", """
				{"schoolCode": "%s", "partnerProvince": "510000", "partnerSchool": "四川仪陇职业中学", "mode": "N_N",
				 "years": "1+2+1", "signedOn": "2025-03-01"}""".formatted(SHAOXING_SCHOOL))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("enrolment.agreement.years"));
		json(post("/api/v1/enrolment/agreements"), "shaoxing", """
				{"schoolCode": "%s", "partnerProvince": "330000", "partnerSchool": "x", "mode": "N_N", "years": "1+2",
				 "signedOn": "2025-03-01"}""".formatted(SHAOXING_SCHOOL))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("enrolment.agreement.province"));
		var body = json(post("/api/v1/enrolment/agreements"), "shaoxing", """
				{"schoolCode": "%s", "partnerProvince": "510000", "partnerSchool": "四川仪陇职业中学", "mode": "N_N",
				 "years": "1+2", "signedOn": "2025-03-01", "validUntil": "2030-02-28"}""".formatted(SHAOXING_SCHOOL))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var agreement = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		var request = """
				{"idNumber": "%s", "name": "蒲仪陇", "schoolCode": "%s", "specialtyCode": "0301", "classLevel": "INTERMEDIATE",
				 "intakeYear": %d, "intakeSeason": "SPRING", "learnerKind": "JUNIOR_SECONDARY_GRADUATE",
				 "studyMode": "FULL_TIME", "originRegionCode": "511324", "agreementId": %d}""";
		json(post("/api/v1/enrolment/registrations"), "shaoxing", request.formatted(newId("511324"), SHAOXING_SCHOOL, year, agreement + 1000))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("enrolment.agreement.unknown"));
		var id = IdNumber.parse(newId("511324")).value();
		json(post("/api/v1/enrolment/registrations"), "shaoxing", request.formatted(id, SHAOXING_SCHOOL, year, agreement))
				.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/enrolment/registrations").param("school", SHAOXING_SCHOOL)
				.header("Authorization", api.bearer("shaoxing")))
				.andExpect(jsonPath("$[?(@.name == '蒲仪陇')].agreementId").value(Matchers.contains((int) agreement)));
		mvc.perform(get("/api/v1/enrolment/schools/{c}/agreements", SHAOXING_SCHOOL).header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isForbidden());
	}

	@Test
	void aSchoolDraftsItsPlanInTheConsoleAndAsksForARevisionOnceIssued() throws Exception {
		var session = console.session("school-demo");
		var csrf = SecurityMockMvcRequestPostProcessors.csrf();
		// the line editor posts one specialty, level and headcount per row; a half-filled row is refused by its number
		mvc.perform(post("/enrolment/schools/12330600MB12345675/plans").session(session).with(csrf)
				.param("year", String.valueOf(year + 1)).param("intake", "AUTUMN")
				.param("specialty", "0301", "0402", "").param("level", "INTERMEDIATE", "SENIOR", "")
				.param("headcount", "25", "", ""))
				.andExpect(flash().attribute("error", containsString("第 2 行")));
		mvc.perform(post("/enrolment/schools/12330600MB12345675/plans").session(session).with(csrf)
				.param("year", String.valueOf(year + 1)).param("intake", "AUTUMN")
				.param("specialty", "0301", "0402", "").param("level", "INTERMEDIATE", "SENIOR", "")
				.param("headcount", "25", "10", ""))
				.andExpect(flash().attribute("saved", true));
		var plan = jdbc.sql("select id from enrolment.plan where school_code = '12330600MB12345675' and year = :y and intake = 'AUTUMN'")
				.param("y", year + 1).query(Long.class).single();
		mvc.perform(post("/enrolment/plans/{id}/issue", plan).session(console.session("shaoxing")).with(csrf))
				.andExpect(flash().attribute("saved", true));
		mvc.perform(post("/enrolment/schools/12330600MB12345675/plans/{id}/revisions", plan).session(session).with(csrf)
				.param("specialty", "0301", "0402").param("level", "INTERMEDIATE", "SENIOR").param("headcount", "30", "10")
				.param("reason", "订单班扩招"))
				.andExpect(flash().attribute("saved", true));
		assertThat(jdbc.sql("select status || ' ' || (lines_after -> 0 ->> 'headcount') from enrolment.plan_revision where plan_id = :p")
				.param("p", plan).query(String.class).single()).isEqualTo("PENDING 30");
		mvc.perform(get("/enrolment").session(console.session("shaoxing"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("订单班扩招")));
	}
}
