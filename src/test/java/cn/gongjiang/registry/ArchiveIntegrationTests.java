package cn.gongjiang.registry;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;

/** REG-4: one timeline per person, for the person and the officers of their region only. */
@IntegrationTest
class ArchiveIntegrationTests {

	@Autowired
	MockMvc mvc;

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
				.andExpect(jsonPath("$.timeline[?(@.kind == 'GRADE')].detail").value(hasItem("中级工 → 高级工")));
		mvc.perform(get("/api/v1/persons/" + id + "/archive").header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/persons/" + id + "/archive").header("Authorization", api.bearer("worker-demo")))
				.andExpect(status().isNotFound());
	}

	@Test
	void aWorkerReadsTheirOwnArchive() throws Exception {
		var id = register("330602199003071238", "张明", null);
		mvc.perform(get("/api/v1/persons/" + id + "/archive").header("Authorization", api.bearer("worker-demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.person.name").value("张明"))
				.andExpect(jsonPath("$.person.idNumber").value("330602********1238"));
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
