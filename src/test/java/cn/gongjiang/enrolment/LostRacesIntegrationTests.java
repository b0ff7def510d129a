package cn.gongjiang.enrolment;

import static cn.gongjiang.Races.audited;
import static cn.gongjiang.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;

/**
 * Issue 17, ENR-1: a plan revision decided by two officers at once is decided once — the lines change once, the
 * loser is answered 409 and only the winner's decision is audited as a success.
 */
@IntegrationTest
class LostRacesIntegrationTests {

	static final String SCHOOL = "12330600MB12345675";
	static final AtomicInteger YEARS = new AtomicInteger(2090);

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	ResultActions json(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
		return mvc.perform(request.header("Authorization", api.bearer(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	/** A filed plan of Shaoxing's school with a pending revision from 30 to 45; returns {plan, revision}. */
	long[] pendingRevision() throws Exception {
		var body = json(post("/api/v1/enrolment/plans"), "school-demo", """
				{"schoolCode": "%s", "year": %d, "intake": "SPRING", "lines": [
				 {"specialtyCode": "0301", "classLevel": "INTERMEDIATE", "headcount": 30}]}"""
				.formatted(SCHOOL, YEARS.getAndIncrement())).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		var plan = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		json(post("/api/v1/enrolment/plans/{id}/issue", plan), "shaoxing", "{}").andExpect(status().isOk());
		json(post("/api/v1/enrolment/plans/{id}/file", plan), "province", "{}").andExpect(status().isOk());
		json(post("/api/v1/enrolment/plans/{id}/revisions", plan), "school-demo", """
				{"reason": "企业订单班扩招", "lines": [{"specialtyCode": "0301", "classLevel": "INTERMEDIATE", "headcount": 45}]}""")
				.andExpect(status().isOk());
		var revision = jdbc.sql("select id from enrolment.plan_revision where plan_id = :id").param("id", plan)
				.query(Long.class).single();
		return new long[] { plan, revision };
	}

	Callable<Integer> decide(long[] pending, String verb, String comment) {
		return () -> json(post("/api/v1/enrolment/plans/{id}/revisions/{r}/" + verb, pending[0], pending[1]), "shaoxing",
				"{\"comment\": \"%s\"}".formatted(comment)).andReturn().getResponse().getStatus();
	}

	int headcount(long plan) {
		return jdbc.sql("select sum(headcount) from enrolment.plan_line where plan_id = :id").param("id", plan)
				.query(Integer.class).single();
	}

	@Test
	void twoOfficersApprovingTheSameRevisionAtOnceApplyItOnceAndTheLoserIsAnswered409_ENR1() throws Exception {
		var pending = pendingRevision();
		var answers = race(decide(pending, "approve", "同意"), decide(pending, "approve", "同意扩招"));
		assertThat(answers).containsExactlyInAnyOrder(200, 409);
		assertThat(headcount(pending[0])).isEqualTo(45);
		assertThat(jdbc.sql("select version from enrolment.plan where id = :id").param("id", pending[0])
				.query(Integer.class).single()).as("issued, filed, revised: three changes").isEqualTo(3);
		assertThat(audited(jdbc, "enrolment.plan.revision.approve", "plan:" + pending[0], "SUCCESS")).isOne();
	}

	@Test
	void anApprovalAndARejectionOfTheSameRevisionAtOnceDecideItOnce_ENR1() throws Exception {
		var pending = pendingRevision();
		var answers = race(decide(pending, "approve", "同意"), decide(pending, "reject", "名额不足"));
		assertThat(answers).containsExactlyInAnyOrder(200, 409);
		var approved = answers.get(0) == 200;
		assertThat(jdbc.sql("select status from enrolment.plan_revision where id = :id").param("id", pending[1])
				.query(String.class).single()).isEqualTo(approved ? "APPROVED" : "REJECTED");
		assertThat(headcount(pending[0])).as("the lines follow the winner").isEqualTo(approved ? 45 : 30);
		assertThat(audited(jdbc, "enrolment.plan.revision.approve", "plan:" + pending[0], "SUCCESS")
				+ audited(jdbc, "enrolment.plan.revision.reject", "plan:" + pending[0], "SUCCESS")).isOne();
	}
}
