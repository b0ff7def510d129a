package cn.gongjiang.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;

/** an officer sees and changes only their own area, enforced in the query, whatever the entry point. */
@IntegrationTest
class DataScopeIntegrationTests {

	private static final String HANGZHOU = "330100";
	private static final String HANGZHOU_DISTRICT = "330102";
	private static final String HANGZHOU_TOWNSHIP = "330102001";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void aShaoxingOfficerCannotReadHangzhouThroughAnyRegionEndpoint() throws Exception {
		var shaoxing = api.bearer("shaoxing");
		var readEndpoints = new ArrayList<String>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				info.getPatternValues().stream().filter(p -> p.contains("/regions/{code}")).forEach(readEndpoints::add);
			}
		});
		assertThat(readEndpoints).contains("/api/v1/regions/{code}", "/api/v1/regions/{code}/children",
				"/regions/{code}");
		for (var endpoint : readEndpoints) {
			for (var code : new String[] { HANGZHOU, HANGZHOU_DISTRICT, HANGZHOU_TOWNSHIP }) {
				var uri = endpoint.replace("{code}", code);
				var response = endpoint.startsWith("/api")
						? mvc.perform(get(uri).header("Authorization", shaoxing)).andReturn().getResponse()
						: mvc.perform(get(uri).session(console.session("shaoxing"))).andReturn().getResponse();
				assertThat(response.getStatus()).as(uri).isIn(403, 404);
				assertThat(response.getContentAsString()).as(uri).doesNotContain("杭州", "上城区", "清波街道");
			}
		}
	}

	/**
	 * Every GET endpoint of the registries that takes a record ID, walked as Shaoxing with the IDs of Hangzhou's
	 * records: each answers 403 or 404 and never a Hangzhou name. A new endpoint joins the walk by itself.
	 */
	@Test
	void aShaoxingOfficerCannotReadHangzhouRecordsThroughAnyRegistryEndpoint() throws Exception {
		var hangzhou = api.bearer("hangzhou");
		var personId = id(mvc.perform(post("/api/v1/persons").header("Authorization", hangzhou)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"idNumber\": \"330106198001011235\", \"name\": \"端木杭\", \"residenceRegion\": \"330106\"}"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		var enterpriseId = jdbc.sql("select id from registry.enterprise where region_path like '/330000/330100/%' limit 1")
				.query(Long.class).single();
		var providerId = jdbc.sql("select id from registry.provider where region_path like '/330000/330100/%' limit 1")
				.query(Long.class).single();
		var ids = Map.of("/api/v1/persons/", personId, "/persons/", personId, "/api/v1/enterprises/",
				enterpriseId, "/api/v1/providers/", providerId);
		var walked = new ArrayList<String>();
		var shaoxing = api.bearer("shaoxing");
		var session = console.session("shaoxing");
		for (var info : mappings.getHandlerMethods().keySet()) {
			if (!info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				continue;
			}
			for (var pattern : info.getPatternValues()) {
				var prefix = ids.keySet().stream().filter(p -> pattern.startsWith(p + "{id}")).findFirst();
				if (prefix.isEmpty()) {
					continue;
				}
				var uri = pattern.replace("{id}", ids.get(prefix.get()).toString());
				walked.add(pattern);
				var response = pattern.startsWith("/api")
						? mvc.perform(get(uri).header("Authorization", shaoxing)).andReturn().getResponse()
						: mvc.perform(get(uri).session(session)).andReturn().getResponse();
				assertThat(response.getStatus()).as(uri).isIn(403, 404);
				assertThat(response.getContentAsString()).as(uri).doesNotContain("端木杭", "杭州");
			}
		}
		assertThat(walked).contains("/api/v1/persons/{id}", "/api/v1/persons/{id}/archive",
				"/api/v1/persons/{id}/unmasked", "/api/v1/enterprises/{id}", "/api/v1/providers/{id}", "/persons/{id}");
	}

	private static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	@Test
	void theProvinceListsOnlyShaoxingAmongTheCitiesForAShaoxingOfficer() throws Exception {
		mvc.perform(get("/api/v1/regions/330000/children").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].code").value(contains("330600")));
	}

	@Test
	void aCountyOfficerSeesOnlyTheirCountyBelowTheCity() throws Exception {
		var keqiao = api.bearer("keqiao");
		mvc.perform(get("/api/v1/regions/330600/children").header("Authorization", keqiao))
				.andExpect(jsonPath("$[*].code").value(contains("330603")));
		mvc.perform(get("/api/v1/regions/330602").header("Authorization", keqiao)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/regions/330603/children").header("Authorization", keqiao))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].code").value(Matchers.startsWith("330603")));
	}

	@Test
	void aCityOfficerCannotChangeAHangzhouCountyAndTheAttemptIsAudited() throws Exception {
		var before = jdbc.sql("select mountain_county, version from region.region where code = '330127'")
				.query((rs, i) -> rs.getBoolean(1) + "/" + rs.getInt(2)).single();
		mvc.perform(patch("/api/v1/regions/330127").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"mountainCounty\": false, \"version\": 0}"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/regions/330127/mountain-county").session(console.session("shaoxing")).with(csrf())
				.param("mountainCounty", "false").param("version", "0"))
				.andExpect(status().isForbidden());
		var after = jdbc.sql("select mountain_county, version from region.region where code = '330127'")
				.query((rs, i) -> rs.getBoolean(1) + "/" + rs.getInt(2)).single();
		assertThat(after).isEqualTo(before).isEqualTo("true/0");
		var denied = jdbc.sql("""
				select count(*) from audit.audit_event
				where account = 'shaoxing' and action = 'region.mountain-county.change' and outcome = 'DENIED'
				""").query(Long.class).single();
		assertThat(denied).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theProvinceDesignatesAMountainCountyWithTheVersionItReadAndItIsAudited() throws Exception {
		var province = api.bearer("province");
		mvc.perform(patch("/api/v1/regions/330602").header("Authorization", province)
				.contentType(MediaType.APPLICATION_JSON).content("{\"mountainCounty\": true, \"version\": 0}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.mountainCounty").value(true))
				.andExpect(jsonPath("$.version").value(1));
		// a second officer with the stale version is refused rather than silently overwriting
		mvc.perform(patch("/api/v1/regions/330602").header("Authorization", province)
				.contentType(MediaType.APPLICATION_JSON).content("{\"mountainCounty\": false, \"version\": 0}"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("region.changed"));
		mvc.perform(patch("/api/v1/regions/330602").header("Authorization", province)
				.contentType(MediaType.APPLICATION_JSON).content("{\"mountainCounty\": false, \"version\": 1}"))
				.andExpect(status().isOk());
		var audited = jdbc.sql("""
				select count(*) from audit.audit_event
				where account = 'province' and action = 'region.mountain-county.change' and target = '330602'
				  and outcome = 'SUCCESS'
				""").query(Long.class).single();
		assertThat(audited).isEqualTo(2);
	}

	@Test
	void onlyCountiesCanBeMountainCounties() throws Exception {
		mvc.perform(patch("/api/v1/regions/330600").header("Authorization", api.bearer("province"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"mountainCounty\": true, \"version\": 0}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("region.mountain-county.not-county"));
	}
}
