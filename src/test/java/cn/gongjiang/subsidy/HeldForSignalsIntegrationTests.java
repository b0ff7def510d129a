package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;

/**
 * SUB-3, SUP-3 (issue 19): a provider alone entered a class whose sessions were already over, listed its attendance
 * days late, completed it and issued the certificate; the subsidy it earns is decided but no money moves until an
 * officer of the paying county has checked, once, with what they found.
 */
@IntegrationTest
class HeldForSignalsIntegrationTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Console console;

	@Test
	void aClassEnteredAfterItsSessionsHoldsItsSubsidyUntilAnOfficerHasChecked() throws Exception {
		var year = LocalDate.now(clock).getYear();
		send(post("/api/v1/subsidies/budgets"), "shaoxing", "{\"region\": \"330602\", \"year\": %d, \"amount\": 50000}"
				.formatted(year)).andExpect(status().isOk());
		var entry = jdbc.sql("""
				select occupation_code || '|' || grade from training.catalogue_entry
				where valid_until is null and grade is not null order by id limit 1
				""").query(String.class).single().split("\\|");

		// sessions three and two days ago, entered today: evidence made after the fact
		var first = Instant.now(clock).minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		var sessions = new ArrayList<String>();
		for (int i = 0; i < 2; i++) {
			var start = first.plus(i, ChronoUnit.DAYS);
			sessions.add("{\"startsAt\": \"%s\", \"endsAt\": \"%s\", \"place\": \"越城区实训基地\"}".formatted(start,
					start.plus(2, ChronoUnit.HOURS)));
		}
		var opened = send(post("/api/v1/training/classes"), "provider-demo", """
				{"occupationCode": "%s", "grade": "%s", "kind": "OFF_JOB", "capacity": 5, "sessions": [%s]}"""
				.formatted(entry[0], entry[1], String.join(",", sessions))).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		long classId = ((Number) JsonPath.read(opened, "$.id")).longValue();
		var trainee = IdNumber.withCheckDigit("33060219930404" + (100 + classId % 800));
		var number = "HELD" + classId;
		attendCompleteAndCertify(classId, trainee, "倪补录", number, entry[1]);

		awaitHeld(number);
		var decision = jdbc.sql("select id from subsidy.decision where certificate_number = :n").param("n", number)
				.query(Long.class).single();
		var committed = committed(year);
		// money budgeted since does not release it either: only an officer's check does
		send(post("/api/v1/subsidies/budgets"), "shaoxing", "{\"region\": \"330602\", \"year\": %d, \"amount\": 1000}"
				.formatted(year)).andExpect(status().isOk());
		assertThat(outcome(decision)).isEqualTo("WAITING");

		// the paying county's officer sees why it waits and the form to decide it; the city's to-do counts it
		var page = mvc.perform(get("/subsidies/decisions/{id}", decision).session(console.session("shaoxing")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"held-form\"", "待核实的补贴", "无订单的培训班在开课后才录入", ">待核实</span>")
				.doesNotContain(">待资金</span>");
		assertThat(mvc.perform(get("/").session(console.session("shaoxing"))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8)).contains("data-todo=\"todo.subsidy.decisions-held\"",
						"href=\"/subsidies?outcome=HELD\"");
		// the to-do's list shows the held grants, and only those
		var held = mvc.perform(get("/subsidies").param("outcome", "HELD").session(console.session("shaoxing")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(held).contains(number).doesNotContain(">待资金</span>");
		send(post("/api/v1/subsidies/decisions/{id}/held-verdict", decision), "hangzhou",
				"{\"pay\": true, \"reason\": \"看起来没问题\"}").andExpect(status().isNotFound());
		send(post("/api/v1/subsidies/decisions/{id}/held-verdict", decision), "shaoxing", "{\"pay\": true}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("subsidy.hold.reason-required"));
		send(post("/api/v1/subsidies/decisions/{id}/held-verdict", decision), "shaoxing",
				"{\"pay\": true, \"reason\": \"调阅签到原件与现场照片，培训属实，系补录\"}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("GRANTED"));
		var amount = jdbc.sql("select amount from subsidy.decision where id = :id").param("id", decision)
				.query(BigDecimal.class).single();
		assertThat(committed(year)).isEqualByComparingTo(committed.add(amount));
		// a second officer acting on the same hold finds it decided
		send(post("/api/v1/subsidies/decisions/{id}/held-verdict", decision), "province",
				"{\"pay\": false, \"reason\": \"重复处理\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("subsidy.hold.not-held"));
		assertThat(jdbc.sql("select account || ' ' || detail from audit.audit_event where action = 'subsidy.hold.release' and target = :t and outcome = 'SUCCESS'")
				.param("t", "decision:" + decision).query(String.class).single())
				.isEqualTo("shaoxing GRANTED: 调阅签到原件与现场照片，培训属实，系补录");
	}

	@Test
	void attendanceListedDaysAfterTheSessionHoldsTheSubsidyOfAnOrderedClassToo() throws Exception {
		var year = LocalDate.now(clock).getYear();
		for (var county : new String[] { "330602", "330603" }) {
			send(post("/api/v1/subsidies/budgets"), "shaoxing", "{\"region\": \"%s\", \"year\": %d, \"amount\": 50000}"
					.formatted(county, year)).andExpect(status().isOk());
		}
		var entry = jdbc.sql("""
				select occupation_code || '|' || grade from training.catalogue_entry
				where valid_until is null and grade is not null order by id limit 1
				""").query(String.class).single().split("\\|");
		// an enterprise's order, taken up before its sessions: no backdating; the list comes a week later
		var order = send(post("/api/v1/training/orders"), "enterprise-demo", """
				{"enterpriseCode": "91330603MA2D12345A", "occupationCode": "%s", "grade": "%s", "headcount": 2,
				 "wantedStart": "%s", "county": "330603", "kind": "NAMED_CLASS"}"""
				.formatted(entry[0], entry[1], LocalDate.now(clock))).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		long orderId = ((Number) JsonPath.read(order, "$.id")).longValue();
		var start = Instant.now(clock).minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		var accepted = send(post("/api/v1/training/orders/{id}/accept", orderId), "provider-demo", """
				{"capacity": 5, "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "柯桥区实训基地"}]}"""
				.formatted(start, start.plus(3, ChronoUnit.HOURS))).andExpect(status().isCreated()).andReturn()
				.getResponse().getContentAsString();
		long classId = ((Number) JsonPath.read(accepted, "$.id")).longValue();
		var trainee = IdNumber.withCheckDigit("33060319930505" + (100 + classId % 800));
		var number = "LATE" + classId;
		attendCompleteAndCertify(classId, trainee, "倪迟录", number, entry[1]);

		awaitHeld(number);
		var page = mvc.perform(get("/subsidies/decisions/{id}", jdbc.sql(
				"select id from subsidy.decision where certificate_number = :n").param("n", number).query(Long.class)
				.single()).session(console.session("shaoxing"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("考勤在课后两天以上才补录", ">待核实</span>");
	}

	/** The provider enrols the trainee, lists them at every session now, completes the class, and certifies them. */
	private void attendCompleteAndCertify(long classId, String idNumber, String name, String certificate, String grade)
			throws Exception {
		var enrolled = send(post("/api/v1/training/classes/{id}/enrolments", classId), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"%s\"}".formatted(idNumber, name)).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		long enrolment = ((Number) JsonPath.read(enrolled, "$.id")).longValue();
		for (var session : jdbc.sql("select id from training.class_session where class_id = :c order by starts_at")
				.param("c", classId).query(Long.class).list()) {
			send(post("/api/v1/training/classes/{id}/sessions/{s}/attendance", classId, session), "provider-demo",
					"{\"enrolmentIds\": [%d]}".formatted(enrolment)).andExpect(status().isOk());
		}
		mvc.perform(post("/api/v1/training/classes/{id}/complete", classId).header("Authorization", api.bearer("provider-demo")))
				.andExpect(status().isOk());
		send(post("/api/v1/training/classes/{id}/results", classId), "provider-demo", """
				[{"enrolmentId": %d, "passed": true, "certificateType": "skill-level", "certificateNumber": "%s",
				  "grade": "%s"}]""".formatted(enrolment, certificate, grade)).andExpect(status().isOk());
	}

	private void awaitHeld(String certificate) {
		await().ignoreExceptions().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
				"select outcome || ' ' || code from subsidy.decision where certificate_number = :n").param("n", certificate)
				.query(String.class).single()).isEqualTo("WAITING subsidy.held.signal"));
	}

	private BigDecimal committed(int year) {
		return jdbc.sql("select committed from subsidy.budget where region_code = '330602' and funding_source = 'SKILLS_ACCOUNT' and year = :y")
				.param("y", year).query(BigDecimal.class).single();
	}

	private String outcome(long decision) {
		return jdbc.sql("select outcome from subsidy.decision where id = :id").param("id", decision)
				.query(String.class).single();
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
		return mvc.perform(request.header("Authorization", api.bearer(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}
}
