package cn.gongjiang.training;

import static cn.gongjiang.Races.audited;
import static cn.gongjiang.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;

/**
 * Issue 17, TRN-1: an order withdrawn by the enterprise and its county's officer at once is withdrawn once (the
 * {@code status = 'OPEN'} guard); the loser is answered 409 and only one cancellation is audited as a success.
 */
@IntegrationTest
class LostRacesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Callable<Integer> cancel(long order, String account) {
		return () -> mvc.perform(post("/api/v1/training/orders/{id}/cancel", order)
				.header("Authorization", api.bearer(account)).contentType(MediaType.APPLICATION_JSON).content(""))
				.andReturn().getResponse().getStatus();
	}

	@Test
	void theEnterpriseAndAnOfficerWithdrawingTheSameOrderAtOnceWithdrawItOnce_TRN1() throws Exception {
		var body = mvc.perform(post("/api/v1/training/orders").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"enterpriseCode": "%s", "occupationCode": "6-18-01-01", "grade": "intermediate", "headcount": 6,
						 "wantedStart": "%s", "county": "330603", "kind": "ON_JOB"}"""
						.formatted(OrderInSeveralClassesIntegrationTests.ENTERPRISE, LocalDate.now(clock).plusDays(20))))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var order = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		var answers = race(cancel(order, "enterprise-demo"), cancel(order, "keqiao"));
		assertThat(answers).containsExactlyInAnyOrder(200, 409);
		assertThat(jdbc.sql("select status from training.training_order where id = :id").param("id", order)
				.query(String.class).single()).isEqualTo("CANCELLED");
		assertThat(audited(jdbc, "training.order.cancel", "order:" + order, "SUCCESS")).isOne();
	}
}
