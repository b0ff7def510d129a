package cn.gongjiang.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;

/** REG-4: one timeline per person, for the person and the officers of their region only. */
@IntegrationTest
class ArchiveIntegrationTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Api api;

	@Test
	void theArchiveShowsRegistrationEmployerChangesCertificatesAndGradeRises() throws Exception {
		var id = register("330603199012124414", "韩冰", null);
		register("330603199012124414", "韩冰", "91330603MA2D12345A");
		issue("AR-2026-0001", "330603199012124414", "韩冰", "intermediate", "2025-06-01");
		issue("AR-2026-0002", "330603199012124414", "韩冰", "senior", "2026-06-01");
		mvc.perform(get("/api/v1/persons/" + id + "/archive").header("Authorization", api.bearer("keqiao")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.currentGrade").value("SENIOR"))
				.andExpect(jsonPath("$.timeline[*].title").value(hasItem("职业技能等级证书 AR-2026-0002")))
				.andExpect(jsonPath("$.timeline[*].kind").value(hasItem("REGISTERED")))
				.andExpect(jsonPath("$.timeline[*].kind").value(hasItem("EMPLOYER")))
				.andExpect(jsonPath("$.timeline[?(@.kind == 'GRADE')].detail").value(hasItem("技能等级由中级工(四级)晋升为高级工(三级)")))
				.andExpect(jsonPath("$.timeline[?(@.kind == 'EMPLOYER')].detail")
						.value(hasItem("工作单位由“无”变更为“绍兴示范机械有限公司”")))
				.andExpect(jsonPath("$.timeline[?(@.kind == 'CERTIFICATE')].detail")
						.value(hasItem("车工 · 高级工(三级) · 绍兴市示范职业技能培训学校")));
		mvc.perform(get("/api/v1/persons/" + id + "/archive").header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/persons/" + id + "/archive").header("Authorization", api.bearer("worker-demo")))
				.andExpect(status().isNotFound());
	}

	/** the archive is read, not decoded — one sentence an entry, never the JSON it is stored as. */
	@Test
	void everyEntryIsASentenceInTheReadersLanguage() throws Exception {
		var id = register("330603199204044419", "蒋文", null);
		register("330603199204044419", "蒋文", "91330603MA2D12345A");
		issue("AR-2026-0003", "330603199204044419", "蒋文", "intermediate", "2026-03-01");
		var chinese = mvc.perform(get("/api/v1/persons/" + id + "/archive").header("Authorization", api.bearer("keqiao")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> details = JsonPath.read(chinese, "$.timeline[*].detail");
		Assertions.assertThat(details).isNotEmpty().allSatisfy(d -> Assertions
				.assertThat(d).doesNotContain("{", "\"", "=", "REGISTERED", "91330603MA2D12345A"));
		Assertions.assertThat(details).contains("在绍兴市柯桥区建立档案", "取得中级工(四级)");
		var english = mvc.perform(get("/api/v1/persons/" + id + "/archive").header("Authorization", api.bearer("keqiao"))
				.header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
		List<String> englishDetails = JsonPath.read(english, "$.timeline[*].detail");
		Assertions.assertThat(englishDetails).contains("Record opened in 绍兴市柯桥区",
				"Reached Intermediate worker", "Employer changed from \"none\" to \"绍兴示范机械有限公司\"");
	}

	@Test
	void aWorkerReadsTheirOwnArchive() throws Exception {
		var id = register("330602199003071238", "张明", null);
		mvc.perform(get("/api/v1/persons/" + id + "/archive").header("Authorization", api.bearer("worker-demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.person.name").value("张明"))
				.andExpect(jsonPath("$.person.idNumber").value("330602********1238"));
	}

	@Test
	void aJobApplicationEntersTheApplicantsArchive() throws Exception {
		// REG-4 (issue 16): the placement was on the archive, the applications before it were not
		var posted = mvc.perform(post("/api/v1/recruitment/jobs").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"enterpriseCode": "91330603MA2D12345A", "title": "档案测试车工", "occupationCode": "6-18-01-01",
						 "headcount": 1, "county": "330603", "wageMin": 5000, "wageMax": 6000, "startsOn": "%1$s",
						 "closesOn": "%1$s"}""".formatted(LocalDate.now(clock).plusMonths(1))))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long job = ((Number) JsonPath.read(posted, "$.id")).longValue();
		mvc.perform(post("/api/v1/recruitment/jobs/{id}/opening", job).header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}")).andExpect(status().isOk());
		mvc.perform(post("/api/v1/recruitment/applications").header("Authorization", api.bearer("worker-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"jobId\": %d}".formatted(job)))
				.andExpect(status().isCreated());
		var id = register("330602199003071238", "张明", null);
		ArchiveCaughtUp.await(jdbc);
		var archive = mvc.perform(get("/api/v1/persons/" + id + "/archive").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> sentences = JsonPath.read(archive, "$.timeline[?(@.kind == 'APPLICATION')].detail");
		assertThat(sentences).anySatisfy(s -> assertThat(s).isEqualTo(
				"应聘绍兴示范机械有限公司的岗位“档案测试车工”（车工）；方式：本人投递"));
	}

	private long register(String idNumber, String name, String employer) throws Exception {
		var body = mvc.perform(post("/api/v1/persons").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"idNumber": "%s", "name": "%s", "residenceRegion": "%s", "employerCreditCode": %s}"""
						.formatted(idNumber, name, idNumber.substring(0, 6), employer == null ? "null" : "\"" + employer + "\"")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private void issue(String number, String idNumber, String name, String grade, String on) throws Exception {
		mvc.perform(post("/api/v1/certificates").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"number": "%s", "holderIdNumber": "%s", "holderName": "%s", "type": "skill-level",
						 "occupationCode": "6-18-01-01", "grade": "%s", "issuedOn": "%s"}"""
						.formatted(number, idNumber, name, grade, on)))
				.andExpect(status().isCreated());
	}
}
