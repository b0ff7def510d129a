package cn.gongjiang.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;

/**
 * The enrolment console as schools and officers read it: specialties by name, plans by line, the origin by
 * province where it is outside Zhejiang, lists that page, to-dos from draft to filing.
 */
@IntegrationTest
class EnrolmentConsoleIntegrationTests {

	/** The demo technician college of Shaoxing, school-demo's own. */
	static final String DEMO_SCHOOL = "12330600MB12345675";

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
	void theSchoolPageNamesSpecialtiesAndEditsPlansLineByLine() throws Exception {
		var html = page("school-demo", "/enrolment/schools/" + DEMO_SCHOOL);
		assertThat(html).contains("<th>专业代码</th>", "数控加工 · 中级工班 · 20 人", "name=\"specialty\"", "name=\"level\"",
				"name=\"headcount\"", "数控加工 0301", "data-region-picker", "name=\"originElsewhere\"", "四川省",
				"学籍注册 " + (LocalDate.now(clock).getYear() + 1) + "-03-31 截止")
				.doesNotContain("专业代码格式不正确", "name=\"lines\"", "0301 中级工班 20", "{0}")
				.doesNotContainPattern("[12],\\d{3}\\s*年");
	}

	@Test
	void aStudentFromAnotherProvinceIsPickedByProvince() throws Exception {
		var year = LocalDate.now(clock).getYear() + 1;
		var id = IdNumber.withCheckDigit("51010420100101" + String.format("%03d", 700 + (int) (System.nanoTime() % 200)));
		mvc.perform(post("/enrolment/registrations").session(console.session("school-demo")).with(csrf())
				.param("schoolCode", DEMO_SCHOOL).param("specialtyCode", "0301").param("classLevel", "INTERMEDIATE")
				.param("intakeYear", String.valueOf(year)).param("intakeSeason", "SPRING")
				.param("learnerKind", "JUNIOR_SECONDARY_GRADUATE").param("studyMode", "FULL_TIME")
				.param("idNumber", id).param("name", "川生源").param("originRegionCode", "")
				.param("originElsewhere", "510000"))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("registered"));
		assertThat(jdbc.sql("select origin_region from enrolment.registration where name = '川生源'")
				.query(String.class).list()).contains("510000");
		assertThat(page("school-demo", "/enrolment/schools/" + DEMO_SCHOOL + "?sort=-registeredOn"))
				.contains("川生源", "四川省");
	}

	@Test
	void registrationsPageWithTheirTotalAndFilters() throws Exception {
		var html = page("province", "/enrolment?tab=registrations&size=5");
		assertThat(html).containsPattern("共 \\d+ 条，当前第 1–5 条").contains("rel=\"next\"", "data-region-picker");
		assertThat(Pattern.compile("<tr data-id=").matcher(html).results().count()).isEqualTo(5);
		var filtered = page("province", "/enrolment?tab=registrations&school=" + DEMO_SCHOOL + "&specialty=0301&status=REGISTERED");
		assertThat(filtered).contains("绍兴市示范技师学院", "数控加工").doesNotContain("浙江省示范技师学院</a>");
		assertThat(page("province", "/enrolment?tab=registrations&region=330100")).doesNotContain("绍兴市示范技师学院</a>");
		mvc.perform(get("/api/v1/enrolment/registrations").param("size", "3").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(header().exists("X-Total-Count")).andExpect(jsonPath("$.length()").value(3));
		mvc.perform(get("/api/v1/enrolment/duplicates").param("size", "1").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(header().exists("X-Total-Count"));
		assertThat(page("province", "/enrolment/duplicates")).contains("id=\"duplicate-tabs\"").containsPattern("共 \\d+ 条");
	}

	@Test
	void aPlanGoesFromDraftToIssueToFilingThroughTheToDosOfEachOfficer() throws Exception {
		var year = LocalDate.now(clock).getYear() + 2;
		var school = console.session("school-demo");
		mvc.perform(post("/enrolment/schools/{c}/plans", DEMO_SCHOOL).session(school).with(csrf())
				.param("year", String.valueOf(year)).param("intake", "SPRING")
				.param("specialty", "0710", "").param("level", "INTERMEDIATE", "").param("headcount", "12", ""))
				.andExpect(flash().attribute("saved", true));
		var plan = jdbc.sql("select id from enrolment.plan where school_code = :s and year = :y and intake = 'SPRING'")
				.param("s", DEMO_SCHOOL).param("y", year).query(Long.class).single();
		assertThat(page("shaoxing", "/")).contains("data-todo=\"todo.enrolment.plans-to-issue\"", "份招生计划待下达");
		assertThat(page("shaoxing", "/enrolment?status=DRAFT")).contains("纺织技术及营销 · 中级工班 · 12 人",
				"下达后学校只能通过调整申请修改计划");
		mvc.perform(post("/enrolment/plans/{id}/issue", plan).session(console.session("shaoxing")).with(csrf()))
				.andExpect(flash().attribute("saved", true));
		assertThat(page("province", "/")).contains("data-todo=\"todo.enrolment.plans-to-file\"", "份招生计划待备案");
		mvc.perform(post("/enrolment/plans/{id}/file", plan).session(console.session("province")).with(csrf()))
				.andExpect(flash().attribute("saved", true));
		assertThat(page("school-demo", "/")).contains("data-todo=\"todo.enrolment.places-left.SPRING\"",
				"个计划名额未注册学籍（3月31日截止）");
	}
}
