package cn.gongjiang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;

/** REG-1..3, X-1, X-2: registries scoped to the officer's region, numbers sealed, masked, unmasking audited. */
@IntegrationTest
class RegistryIntegrationTests {

	// synthetic, valid: Shaoxing 柯桥 resident, Hangzhou resident
	private static final String SHAOXING_PERSON = "330603198506122422";
	private static final String HANGZHOU_PERSON = "330106199201013010";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOfficerRegistersAPersonOfTheirRegionAndFindsThemByIdNumberOrName() throws Exception {
		register("shaoxing", person(SHAOXING_PERSON, "司马秀英", "330603", "13900001111"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.idNumber").value("330603********2422"))
				.andExpect(jsonPath("$.mobile").value("139****1111"))
				.andExpect(jsonPath("$.sex").value("F"))
				.andExpect(jsonPath("$.birthDate").value("1985-06-12"));
		mvc.perform(get("/api/v1/persons").param("idNumber", SHAOXING_PERSON).header("Authorization", api.bearer("keqiao")))
				.andExpect(jsonPath("$.items", hasSize(1)))
				.andExpect(jsonPath("$.items[0].name").value("司马秀英"));
		mvc.perform(get("/api/v1/persons").param("name", "司马秀英").header("Authorization", api.bearer("shaoxing")))
				.andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.total").value(1));
		mvc.perform(post("/api/v1/persons/search").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\": \"%s\"}".formatted(SHAOXING_PERSON)))
				.andExpect(jsonPath("$[0].name").value("司马秀英"));
		var stored = jdbc.sql("select id_number_sealed from registry.person where id_number_masked = '330603********2422'")
				.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("19850612");
	}

	@Test
	void aShaoxingOfficerNeverSeesAHangzhouPerson() throws Exception {
		var body = register("hangzhou", person(HANGZHOU_PERSON, "欧阳伟", "330106", null)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		int id = JsonPath.read(body, "$.id");
		var shaoxing = api.bearer("shaoxing");
		mvc.perform(get("/api/v1/persons").param("idNumber", HANGZHOU_PERSON).header("Authorization", shaoxing))
				.andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(get("/api/v1/persons").param("name", "欧阳伟").header("Authorization", shaoxing))
				.andExpect(jsonPath("$.items", hasSize(0))).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/persons/" + id).header("Authorization", shaoxing)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/persons/" + id + "/unmasked").header("Authorization", shaoxing))
				.andExpect(status().isNotFound());
		// and cannot register (or overwrite) one there
		register("shaoxing", person(HANGZHOU_PERSON, "改名", "330106", null)).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select name from registry.person where id = :id").param("id", id).query(String.class)
				.single()).isEqualTo("欧阳伟");
	}

	@Test
	void theFullNumberNeedsThePermissionAndEveryReadIsAudited() throws Exception {
		var body = register("keqiao", person("330603199203152418", "赵磊", "330603", "13700002222"))
				.andReturn().getResponse().getContentAsString();
		int id = JsonPath.read(body, "$.id");
		mvc.perform(get("/api/v1/persons/" + id + "/unmasked").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isForbidden());
		// a reason is asked for, and the audit record keeps it
		mvc.perform(get("/api/v1/persons/" + id + "/unmasked").header("Authorization", api.bearer("province")))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("person.unmask.reason-required"));
		mvc.perform(get("/api/v1/persons/" + id + "/unmasked").param("reason", "核对补贴发放")
				.header("Authorization", api.bearer("province")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.idNumber").value("330603199203152418"))
				.andExpect(jsonPath("$.mobile").value("13700002222"));
		var audited = jdbc.sql("""
				select string_agg(account || ':' || outcome || ':' || coalesce(detail, ''), ',' order by id)
				from audit.audit_event where action = 'person.unmask' and target = :target
				""").param("target", "person:" + id).query(String.class).single();
		assertThat(audited).isEqualTo("shaoxing:DENIED:,province:SUCCESS:id-number, mobile; reason: 核对补贴发放");
	}

	@Test
	void aReplayChangesNothingAndAChangeBumpsTheVersion() throws Exception {
		var registration = person("330603197711203315", "陈刚", "330603", null);
		register("keqiao", registration).andExpect(jsonPath("$.version").value(0));
		register("keqiao", registration).andExpect(jsonPath("$.version").value(0));
		register("keqiao", registration.replace("陈刚", "陈钢")).andExpect(jsonPath("$.version").value(1))
				.andExpect(jsonPath("$.name").value("陈钢"));
	}

	@Test
	void badInputNamesTheRule() throws Exception {
		register("keqiao", person("330603198506122421", "x", "330603", null))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("id-number.check-digit"));
		register("keqiao", person("330603197711203315", "陈刚", "330600", null))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("region.not-county"));
		register("keqiao", person("330603197711203315", "陈刚", "330603", "12345"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("person.mobile.format"));
		register("keqiao", """
				{"idNumber": "330603197711203315", "name": "陈刚", "residenceRegion": "330603", "sex": "女"}""")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("person.sex.mismatch"));
		register("keqiao", """
				{"idNumber": "330603197711203315", "name": "陈刚", "residenceRegion": "330603", "groups": ["astronaut"]}""")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("person.group.unknown"));
	}

	/** Issue 17, REG-1: a refused registration names every field it concerns, each with its rule in words. */
	@Test
	void badInputNamesEachFieldItConcerns() throws Exception {
		register("keqiao", person("330603198506122421", "陈刚", "330603", "12345"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("id-number.check-digit"))
				.andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("idNumber", "mobile")))
				.andExpect(jsonPath("$.errors[1].code").value("person.mobile.format"))
				.andExpect(jsonPath("$.errors[1].message").value("手机号应为1开头的11位数字"));
		mvc.perform(post("/api/v1/persons").header("Authorization", api.bearer("keqiao")).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"idNumber": "330603197711203315", "residenceRegion": "330603"}"""))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("person.name.required"))
				.andExpect(jsonPath("$.errors[0].field").value("name"))
				.andExpect(jsonPath("$.errors[0].code").value("person.name.required"))
				.andExpect(jsonPath("$.errors[0].message").value("Enter the name"));
		// a value of the wrong type never reaches the rules; the reader's place in the body is the field
		register("keqiao", """
				{"idNumber": "330603197711203315", "name": "陈刚", "residenceRegion": "330603", "birthDate": "yesterday"}""")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.body.unreadable"))
				.andExpect(jsonPath("$.errors[0].field").value("birthDate"))
				.andExpect(jsonPath("$.errors[0].code").value("request.field.unreadable"));
	}

	@Test
	void aWorkerSeesOnlyTheirOwnRecord() throws Exception {
		register("shaoxing", person("330602199003071238", "张明", "330602", null)).andExpect(status().isOk());
		var worker = api.bearer("worker-demo");
		mvc.perform(get("/api/v1/persons").header("Authorization", worker))
				.andExpect(jsonPath("$.items", hasSize(1)))
				.andExpect(jsonPath("$.items[0].name").value("张明"));
		mvc.perform(get("/api/v1/persons").param("idNumber", SHAOXING_PERSON).header("Authorization", worker))
				.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void exportsAreMaskedUnlessThePermissionIsHeldAndAreAudited() throws Exception {
		register("shaoxing", person("33068119881111441X", "上官云", "330681", "13500005555")).andExpect(status().isOk());
		var masked = export("shaoxing");
		assertThat(masked).contains("330681********441X").doesNotContain("33068119881111441X", "13500005555");
		assertThat(masked).doesNotContain("330106"); // nothing of Hangzhou's
		var full = export("province");
		assertThat(full).contains("33068119881111441X", "13500005555");
		assertThat(jdbc.sql("select detail from audit.audit_event where action = 'person.export' and account = 'province' order by id desc limit 1")
				.query(String.class).single()).endsWith("unmasked");
	}

	private String export(String account) throws Exception {
		var bytes = mvc.perform(get("/api/v1/persons/export.xlsx").header("Authorization", api.bearer(account)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			var text = new StringBuilder();
			workbook.getFirstSheet().read().forEach(row -> row.forEach(cell -> text.append(cell == null ? "" : cell.getText()).append('|')));
			return text.toString();
		}
	}

	@Test
	void administratorsReadNoPersons() throws Exception {
		for (var admin : new String[] { "sysadmin", "secadmin", "auditor" }) {
			mvc.perform(get("/api/v1/persons").header("Authorization", api.bearer(admin)))
					.andExpect(jsonPath("$.items", hasSize(0)));
		}
	}

	@Test
	void enterprisesAndProvidersAreScopedLikePersons() throws Exception {
		mvc.perform(post("/api/v1/enterprises").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"creditCode": "91330603MA2D12345A", "name": "绍兴示范机械有限公司", "region": "330603",
						 "industryField": "sx-high-end-equipment", "size": "MEDIUM", "keyEnterprise": true,
						 "keyReason": "高端装备集群链主", "skillBasedStatus": "RECOGNISED", "skillBasedYear": 2024}"""))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.keyEnterprise").value(true));
		mvc.perform(get("/api/v1/enterprises").header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(jsonPath("$.items[*].creditCode").value(Matchers.contains("91330603MA2D12345A")))
				.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/enterprises").param("creditCode", "91330603MA2D12345A")
				.header("Authorization", api.bearer("hangzhou"))).andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(post("/api/v1/providers").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"creditCode": "52330600MJ9876543F", "name": "绍兴市示范职业技能培训学校", "kind": "PRIVATE_INSTITUTION",
						 "region": "330602", "starRating": 4, "starYear": 2025, "status": "SUSPENDED"}"""))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("provider.status.reason-required"));
		mvc.perform(post("/api/v1/providers").header("Authorization", api.bearer("hangzhou"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"creditCode": "52330600MJ9876543F", "name": "x", "kind": "PRIVATE_INSTITUTION", "region": "330602"}"""))
				.andExpect(status().isForbidden());
	}

	private ResultActions register(String officer, String json) throws Exception {
		return mvc.perform(post("/api/v1/persons").header("Authorization", api.bearer(officer))
				.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private static String person(String idNumber, String name, String residence, String mobile) {
		return """
				{"idNumber": "%s", "name": "%s", "hukouRegion": "%s", "residenceRegion": "%s", "mobile": %s,
				 "education": "SENIOR_SECONDARY", "groups": ["industrial-worker"]}"""
				.formatted(idNumber, name, residence, residence, mobile == null ? "null" : "\"" + mobile + "\"");
	}
}
