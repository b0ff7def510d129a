package cn.gongjiang.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;

/**
 * REC-1, REC-3 in the console: an enterprise opens and closes its posting and an officer cancels an event with the
 * buttons of their pages, each at the version the page showed; a second press at the old version is refused in
 * Chinese and changes nothing.
 */
@IntegrationTest
class RecruitmentConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void thePostingsAndEventsButtonsChangeTheirStatusOnceAtTheVersionShown() throws Exception {
		var today = LocalDate.now(clock);
		var job = id(mvc.perform(post("/api/v1/recruitment/jobs").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"title": "控制台测试车工", "occupationCode": "6-18-01-01", "headcount": 2, "closesOn": "%s"}"""
						.formatted(today.plusDays(20)))).andExpect(status().isCreated()).andReturn()
				.getResponse().getContentAsString());
		var enterprise = console.session("enterprise-demo");
		mvc.perform(post("/recruitment/jobs/{id}/opening", job).session(enterprise).with(csrf()).param("version", "0"))
				.andExpect(redirectedUrl("/recruitment/jobs/" + job)).andExpect(flash().attribute("saved", true));
		assertThat(statusOf("recruitment.job", job)).isEqualTo("OPEN");
		// the same press again, from a page that still shows version 0
		mvc.perform(post("/recruitment/jobs/{id}/opening", job).session(enterprise).with(csrf()).param("version", "0"))
				.andExpect(flash().attribute("error", Matchers.notNullValue()));
		mvc.perform(post("/recruitment/jobs/{id}/closing", job).session(enterprise).with(csrf()).param("version", "1"))
				.andExpect(flash().attribute("saved", true));
		assertThat(statusOf("recruitment.job", job)).isEqualTo("CLOSED");

		var event = id(mvc.perform(post("/api/v1/recruitment/events").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"title": "控制台测试招聘会", "format": "ONSITE", "venueKind": "SCHOOL_IN_PROVINCE",
						 "place": "绍兴市示范技师学院体育馆", "heldOn": "%s"}""".formatted(today.plusDays(7))))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		var officer = console.session("shaoxing");
		mvc.perform(post("/recruitment/events/{id}/cancellation", event).session(officer).with(csrf())
				.param("version", "0"))
				.andExpect(redirectedUrl("/recruitment/events/" + event)).andExpect(flash().attribute("saved", true));
		assertThat(statusOf("recruitment.event", event)).isEqualTo("CANCELLED");
		mvc.perform(post("/recruitment/events/{id}/holding", event).session(officer).with(csrf()).param("version", "0"))
				.andExpect(flash().attribute("error", Matchers.notNullValue()));
		assertThat(statusOf("recruitment.event", event)).isEqualTo("CANCELLED");
	}

	private String statusOf(String table, long id) {
		return jdbc.sql("select status from " + table + " where id = :id").param("id", id).query(String.class).single();
	}

	private static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}
}
