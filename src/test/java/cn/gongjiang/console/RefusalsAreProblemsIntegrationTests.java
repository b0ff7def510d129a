package cn.gongjiang.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;

/**
 * a refusal is always the right 4xx with a problem detail, never a 500 — for every read of the API (files
 * included) as every kind of role, and for the writes and console pages issue 19 found answering 500.
 */
@IntegrationTest
class RefusalsAreProblemsIntegrationTests {

	static final List<String> ROLES = List.of("worker-demo", "enterprise-demo", "provider-demo", "keqiao", "hangzhou",
			"economy-dept", "auditor");

	/** Values for path variables: real where the demo has them, so that reads get past "not found" to the rules. */
	static final Map<String, String> PATH_VALUES = Map.of("city", "330600", "region", "330603", "code", "330603",
			"year", "2026", "quarter", "1", "kind", "persons", "number", "ZJ3306022026001");

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Console console;

	@Test
	void everyReadOfTheApiAnswersEveryRoleWithoutAServerError() throws Exception {
		var docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
		var failures = new ArrayList<String>();
		int calls = 0;
		for (var path : paths.entrySet()) {
			if (!path.getValue().containsKey("get") || path.getKey().contains("/auth/")) {
				continue;
			}
			var uri = Pattern.compile("\\{([^}]+)}").matcher(path.getKey())
					.replaceAll(m -> PATH_VALUES.getOrDefault(m.group(1), "1"));
			for (var role : ROLES) {
				MockHttpServletResponse response;
				try {
					response = mvc.perform(get(uri).header("Authorization", api.bearer(role))).andReturn().getResponse();
				}
				catch (Exception e) {
					failures.add(role + " GET " + uri + " → " + e.getMessage().lines().findFirst().orElse(""));
					continue;
				}
				finally {
					calls++;
				}
				if (response.getStatus() >= 500) {
					failures.add(role + " GET " + uri + " → " + response.getStatus() + " "
							+ response.getContentAsString().lines().findFirst().orElse(""));
				}
				else if (response.getStatus() >= 400 && !String.valueOf(response.getContentType()).contains("problem+json")) {
					failures.add(role + " GET " + uri + " → " + response.getStatus() + " as " + response.getContentType());
				}
			}
		}
		assertThat(calls).as("the document lists the reads").isGreaterThan(400);
		assertThat(failures).isEmpty();
	}

	@Test
	void aCountyOfficersDrawIsAnsweredByTheRules() throws Exception {
		var response = mvc.perform(post("/api/v1/supervision/draws").header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"population\": \"CLASSES\", \"count\": 3}"))
				.andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 499);
	}
}
