package cn.gongjiang.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;

/**
 * TGT-2 (issue 16): new-style apprenticeships, named school-enterprise classes and key enterprises served are counted
 * from the training records, as order-based training is, and no longer reported by hand.
 */
@IntegrationTest
class ComputedFromTrainingIntegrationTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aKeyEnterprisesNamedClassAndAnApprenticeshipClassCountThemselves() throws Exception {
		// a named class ordered by the demo enterprise, a key enterprise of Keqiao
		var order = id(send(post("/api/v1/training/orders"), "enterprise-demo", """
				{"enterpriseCode": "91330603MA2D12345A", "occupationCode": "6-18-01-01", "grade": "intermediate",
				 "headcount": 2, "wantedStart": "%s", "county": "330603", "kind": "NAMED_CLASS"}"""
				.formatted(LocalDate.now(clock))).andExpect(status().isCreated()));
		var yesterday = Instant.now(clock).minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		var named = id(send(post("/api/v1/training/orders/{id}/accept", order), "provider-demo", """
				{"capacity": 5, "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "柯桥区实训基地"}]}"""
				.formatted(yesterday, yesterday.plus(2, ChronoUnit.HOURS))).andExpect(status().isCreated()));
		var namedTrainee = completeOne(named, "33060319950505901", "冠名学员");

		// an apprenticeship class of the provider's own
		var apprenticeship = id(send(post("/api/v1/training/classes"), "provider-demo", """
				{"occupationCode": "6-18-01-01", "grade": "intermediate", "kind": "APPRENTICESHIP", "capacity": 5,
				 "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "企业车间"}]}"""
				.formatted(Instant.now(clock).plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES),
						Instant.now(clock).plus(65, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES)))
				.andExpect(status().isCreated()));
		// its session held since (the class was planned before it began)
		jdbc.sql("update training.class_session set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where class_id = :c")
				.param("c", apprenticeship).update();
		var apprentice = completeOne(apprenticeship, "33060319950606902", "学徒学员");

		var year = LocalDate.now(clock).getYear();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(contribution("NAMED_CLASSES_COMPLETED", "class:" + named)).isEqualTo(1);
			assertThat(contribution("KEY_ENTERPRISES_SERVED", "91330603MA2D12345A:" + year)).isEqualTo(1);
			assertThat(contribution("APPRENTICESHIP_COMPLETIONS", "enrolment:" + apprentice)).isEqualTo(1);
			assertThat(contribution("ORDER_TRAINING_COMPLETIONS", String.valueOf(namedTrainee))).isEqualTo(1);
		});
		assertThat(jdbc.sql("select count(*) from targets.contribution where fact = 'APPRENTICESHIP_COMPLETIONS' and source_key = :k")
				.param("k", "enrolment:" + namedTrainee).query(Long.class).single()).as("a named class is no apprenticeship").isZero();

		// and nobody reports them by hand any more
		send(post("/api/v1/targets/returns"), "keqiao", """
				{"indicator": "NAMED_CLASSES", "region": "330603", "asOf": "%s", "value": 3, "evidence": "手工统计"}"""
				.formatted(LocalDate.now(clock).minusDays(1))).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.code").value("targets.computed-indicator"));
	}

	/** Enrols one trainee, marks them present at every session, completes the class; the enrolment's id. */
	private long completeOne(long classId, String idPrefix, String name) throws Exception {
		var enrolment = id(send(post("/api/v1/training/classes/{id}/enrolments", classId), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"%s\"}".formatted(IdNumber.withCheckDigit(idPrefix), name))
				.andExpect(status().isCreated()));
		for (var session : jdbc.sql("select id from training.class_session where class_id = :c").param("c", classId)
				.query(Long.class).list()) {
			send(post("/api/v1/training/classes/{id}/sessions/{s}/attendance", classId, session), "provider-demo",
					"{\"enrolmentIds\": [%d]}".formatted(enrolment)).andExpect(status().isOk());
		}
		mvc.perform(post("/api/v1/training/classes/{id}/complete", classId).header("Authorization",
				api.bearer("provider-demo"))).andExpect(status().isOk());
		return enrolment;
	}

	private long contribution(String fact, String key) {
		return jdbc.sql("select coalesce(sum(amount), 0) from targets.contribution where fact = :f and source_key = :k")
				.param("f", fact).param("k", key).query(Long.class).single();
	}

	private static long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
		return mvc.perform(request.header("Authorization", api.bearer(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}
}
