package cn.gongjiang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;

/**
 * SUB-1 (issue 16): 浙人社发〔2022〕32号 §13 lets a city include people past retirement age who draw no monthly pension;
 * the platform could not record who draws one. An officer of the person's region records it, with its source and
 * date; the rules read it (TrainingSubsidyRulesTests.clause5EachCityDecides…).
 */
@IntegrationTest
class PensionIntegrationTests {

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
	PersonRegistry persons;

	@Test
	void anOfficerOfThePersonsRegionRecordsWhetherTheyDrawAPensionAndTheRulesSeeIt() throws Exception {
		var id = IdNumber.withCheckDigit("33060319560303888");
		var registered = send(post("/api/v1/persons"), "keqiao", """
				{"idNumber": "%s", "name": "郑退休", "residenceRegion": "330603"}""".formatted(id))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long person = ((Number) JsonPath.read(registered, "$.id")).longValue();
		var record = """
				{"drawing": false, "source": "社保系统查询", "asOf": "%s"}""".formatted(LocalDate.now(clock).minusDays(1));

		send(put("/api/v1/persons/{id}/pension", person), "enterprise-demo", record).andExpect(status().isForbidden());
		send(put("/api/v1/persons/{id}/pension", person), "hangzhou", record).andExpect(status().isNotFound());
		send(put("/api/v1/persons/{id}/pension", person), "keqiao", "{\"source\": \"社保系统查询\", \"asOf\": \"2026-01-01\"}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("person.pension.drawing-required"))
				.andExpect(jsonPath("$.errors[0].field").value("drawing"));
		send(put("/api/v1/persons/{id}/pension", person), "keqiao", record.replace(LocalDate.now(clock).minusDays(1).toString(),
				LocalDate.now(clock).plusDays(5).toString())).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("person.pension.as-of"));
		send(put("/api/v1/persons/{id}/pension", person), "keqiao", record).andExpect(status().isOk())
				.andExpect(jsonPath("$.pension").value("NOT_DRAWING")).andExpect(jsonPath("$.pensionSource").value("社保系统查询"));
		// an officer who read the record before that change is refused, not overwriting it
		send(put("/api/v1/persons/{id}/pension", person), "shaoxing", """
				{"drawing": true, "source": "本人承诺", "asOf": "%s", "version": 0}""".formatted(LocalDate.now(clock)))
				.andExpect(status().isConflict());

		var index = IdNumberIndex.of(jdbc.sql("select id_number_index from registry.person where id = :id")
				.param("id", person).query(byte[].class).single());
		assertThat(persons.profile(index)).hasValueSatisfying(p -> {
			assertThat(p.drawsNoPension()).isTrue();
			assertThat(p.drawsPension()).isFalse();
		});
		assertThat(jdbc.sql("select account from audit.audit_event where action = 'person.pension' and outcome = 'SUCCESS' and target = :t")
				.param("t", "person:" + person).query(String.class).list()).containsExactly("keqiao");

		var page = mvc.perform(get("/persons/{id}", person).session(console.session("keqiao"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"pension-form\"", "未按月领取城镇职工基本养老金", "社保系统查询");
	}

	/** Issue 17: a refused pension form shows the rule under the field it concerns, not only above the form. */
	@Test
	void aRefusedPensionFormNamesTheFieldItConcerns() throws Exception {
		var id = IdNumber.withCheckDigit("33060319570404888");
		var registered = send(post("/api/v1/persons"), "keqiao", """
				{"idNumber": "%s", "name": "钱登记", "residenceRegion": "330603"}""".formatted(id))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long person = ((Number) JsonPath.read(registered, "$.id")).longValue();
		var session = console.session("keqiao");

		var refused = mvc.perform(post("/persons/{id}/pension", person).session(session)
				.with(SecurityMockMvcRequestPostProcessors.csrf())
				.param("drawing", "false").param("source", "社保系统查询")
				.param("asOf", LocalDate.now(clock).plusDays(3).toString()))
				.andExpect(status().is3xxRedirection()).andReturn();
		var page = mvc.perform(get("/persons/{id}", person).session(session).flashAttrs(refused.getFlashMap()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		var asOf = page.substring(page.indexOf("id=\"pension-as-of\""));
		assertThat(page).containsPattern("class=\"form-control is-invalid\" type=\"date\" name=\"asOf\"")
				.doesNotContainPattern("is-invalid\" type=\"text\" name=\"source\"");
		assertThat(asOf.substring(0, asOf.indexOf("</div>")))
				.contains("<div class=\"invalid-feedback\">请填写信息截至日期，且不晚于今天");
		assertThat(page).as("said once, under its field").doesNotContain("alert alert-danger mt-3");
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
		return mvc.perform(request.header("Authorization", api.bearer(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}
}
