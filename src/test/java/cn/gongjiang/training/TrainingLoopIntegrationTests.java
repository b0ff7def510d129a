package cn.gongjiang.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.TestClock;
import cn.gongjiang.archive.ArchiveCaughtUp;
import cn.gongjiang.identity.AccountBootstrap;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumber;

/** DEM-1..3, TRN-1..5: one order from demand to certificate, and every refusal on the way. */
@IntegrationTest
class TrainingLoopIntegrationTests {

	static final String ENTERPRISE = "91330603MA2D12345A";
	static final String PROVIDER = "52330600MJ9876543F";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Console console;

	@Autowired
	Clock appClock;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	ResultActions send(MockHttpServletRequestBuilder request, String user,
			String body) throws Exception {
		return mvc.perform(request.header("Authorization", api.bearer(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	long id(ResultActions result) throws Exception {
		return Long.parseLong(result.andReturn().getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

	String sessions(Instant first, int count) {
		var json = new ArrayList<String>();
		for (int i = 0; i < count; i++) {
			var start = first.plus(i, ChronoUnit.DAYS);
			json.add("{\"startsAt\": \"%s\", \"endsAt\": \"%s\", \"place\": \"柯桥区实训基地 3 号楼\"}".formatted(start,
					start.plus(2, ChronoUnit.HOURS)));
		}
		return "[" + String.join(",", json) + "]";
	}

	@Test
	void oneOrderFromDemandToCertificateClosesTheLoopBackToTheEnterprise() throws Exception {
		var today = LocalDate.now(appClock);
		var demand = id(send(post("/api/v1/demand/items"), "enterprise-demo", """
				{"enterpriseCode": "%s", "occupationCode": "6-18-01-01", "grade": "中级工", "headcount": 10,
				 "neededBy": "%s", "monthlyWage": 6500, "trainHeadcount": 8, "placeCounty": "330603"}"""
				.formatted(ENTERPRISE, today.plusDays(60))).andExpect(status().isCreated())
				.andExpect(jsonPath("$.source").value("ENTERPRISE")));
		send(post("/api/v1/demand/items"), "shaoxing", """
				{"enterpriseCode": "%s", "occupationCode": "6-29-01-01", "headcount": 30, "neededBy": "%s",
				 "trainHeadcount": 30, "placeCounty": "330603", "source": "VISIT"}""".formatted(ENTERPRISE, today.plusDays(90)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.source").value("VISIT"));
		send(post("/api/v1/demand/items"), "enterprise-demo", """
				{"enterpriseCode": "%s", "occupationCode": "6-18-01-01", "headcount": 1, "neededBy": "%s", "source": "VISIT"}"""
				.formatted(ENTERPRISE, today.plusDays(9))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("training.demand.source"));
		send(post("/api/v1/demand/items"), "hangzhou", """
				{"enterpriseCode": "%s", "occupationCode": "6-18-01-01", "headcount": 1, "neededBy": "%s", "source": "VISIT"}"""
				.formatted(ENTERPRISE, today.plusDays(9))).andExpect(status().isForbidden());

		// the three lists, scoped and current
		mvc.perform(get("/api/v1/demand/key-enterprises").header("Authorization", api.bearer("shaoxing")))
				.andExpect(jsonPath("$[?(@.creditCode == '%s')].reasons[*]".formatted(ENTERPRISE),
						hasItem(containsString("认定重点企业"))))
				.andExpect(jsonPath("$[?(@.creditCode == '%s')].reasons[*]".formatted(ENTERPRISE),
						hasItem(containsString("用工需求"))));
		mvc.perform(get("/api/v1/demand/labour-demand").header("Authorization", api.bearer("hangzhou")))
				.andExpect(jsonPath("$[?(@.enterpriseCode == '%s')]".formatted(ENTERPRISE), hasSize(0)));
		mvc.perform(get("/api/v1/demand/training-orders").header("Authorization", api.bearer("keqiao")))
				.andExpect(jsonPath("$[?(@.demandId == %d)].orderId".formatted(demand), hasItem(Matchers.nullValue())));
		var xlsx = mvc.perform(get("/api/v1/demand/labour-demand.xlsx").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx)); var rows = workbook.getFirstSheet().openStream()) {
			var all = rows.toList();
			assertThat(all.stream().map(r -> r.getCellText(2)).toList()).contains("职业（工种）", "车工");
			assertThat(all.stream().map(r -> r.getCellText(3)).toList()).contains("职业编码", "6-18-01-01");
		}

		// the catalogue, and demand it does not cover standing out
		var entry = id(send(post("/api/v1/demand/catalogue"), "province", """
				{"occupationCode": "6-18-01-01", "grade": "intermediate", "standardYuan": 1500, "validFrom": "2025-01-01",
				 "basis": "示例标准"}""").andExpect(status().isCreated()));
		send(post("/api/v1/demand/catalogue"), "shaoxing", "{\"occupationCode\": \"6-18-01-01\", \"standardYuan\": 1}")
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/demand/catalogue/unmet").header("Authorization", api.bearer("shaoxing")))
				.andExpect(jsonPath("$[0].inCatalogue").value(false))
				.andExpect(jsonPath("$[0].occupationCode").value("6-29-01-01"))
				.andExpect(jsonPath("$[?(@.occupationCode == '6-18-01-01' && @.grade == 'intermediate')].entryId").value(hasItem((int) entry)));

		// the order, taken up by a provider of the city
		var order = id(send(post("/api/v1/training/orders"), "enterprise-demo", """
				{"enterpriseCode": "%s", "demandItemId": %d, "occupationCode": "6-18-01-01", "grade": "intermediate",
				 "headcount": 3, "wantedStart": "%s", "county": "330603", "kind": "NAMED_CLASS"}"""
				.formatted(ENTERPRISE, demand, today.plusDays(1))).andExpect(status().isCreated()));
		mvc.perform(get("/api/v1/training/orders/open").header("Authorization", api.bearer("provider-demo")))
				.andExpect(jsonPath("$[?(@.id == %d)]".formatted(order), hasSize(1)));
		var first = Instant.now(appClock).plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		var classId = id(send(post("/api/v1/training/orders/{id}/accept", order), "provider-demo", """
				{"capacity": 3, "teachers": ["王师傅"], "sessions": %s}""".formatted(sessions(first, 3)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.orderId").value(order))
				.andExpect(jsonPath("$.sessions", hasSize(3))));
		send(post("/api/v1/training/orders/{id}/accept", order), "provider-demo", "{\"sessions\": []}")
				.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/demand/training-orders").header("Authorization", api.bearer("shaoxing")))
				.andExpect(jsonPath("$[?(@.demandId == %d)].orderStatus".formatted(demand)).value(hasItem("ACCEPTED")));

		// a voucher for the worker, real-name enrolment, capacity, overlap, double redemption
		var voucher = id(send(post("/api/v1/training/vouchers"), "shaoxing", """
				{"idNumber": "%s", "name": "张明", "catalogueEntryId": %d, "validUntil": "%s"}"""
				.formatted(AccountBootstrap.DEMO_WORKER_ID_NUMBER, entry, today.plusMonths(6))).andExpect(status().isCreated()));
		var worker = id(send(post("/api/v1/training/classes/{id}/enrolments", classId), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"张明\", \"voucherId\": %d}".formatted(AccountBootstrap.DEMO_WORKER_ID_NUMBER, voucher))
				.andExpect(status().isCreated()));
		var passer = IdNumber.withCheckDigit("33060319950505771");
		var absent = IdNumber.withCheckDigit("33060319960606772");
		var second = id(send(post("/api/v1/training/classes/{id}/enrolments", classId), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"吕学员\"}".formatted(passer)).andExpect(status().isCreated()));
		var third = id(send(post("/api/v1/training/classes/{id}/enrolments", classId), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"缺课生\"}".formatted(absent)).andExpect(status().isCreated()));
		send(post("/api/v1/training/classes/{id}/enrolments", classId), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"第四人\"}".formatted(IdNumber.withCheckDigit("33060319970707773")))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("training.class-full"));
		send(post("/api/v1/training/classes/{id}/enrolments", classId), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"吕学生\"}".formatted(passer))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("training.name-mismatch"));
		var overlapping = id(send(post("/api/v1/training/classes"), "provider-demo", """
				{"occupationCode": "6-18-01-01", "grade": "intermediate", "kind": "OFF_JOB", "capacity": 5,
				 "sessions": %s}""".formatted(sessions(first.plus(1, ChronoUnit.HOURS), 1))).andExpect(status().isCreated()));
		send(post("/api/v1/training/classes/{id}/enrolments", overlapping), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"吕学员\"}".formatted(passer))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("training.overlapping-enrolment"));
		var later = id(send(post("/api/v1/training/classes"), "provider-demo", """
				{"occupationCode": "6-18-01-01", "grade": "intermediate", "kind": "OFF_JOB", "capacity": 5,
				 "sessions": %s}""".formatted(sessions(first.plus(10, ChronoUnit.DAYS), 1))).andExpect(status().isCreated()));
		send(post("/api/v1/training/classes/{id}/enrolments", later), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"张明\", \"voucherId\": %d}".formatted(AccountBootstrap.DEMO_WORKER_ID_NUMBER, voucher))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("training.voucher-used"));

		// attendance: not before the session; the worker checks in with the rotating code during it
		var sessionIds = jdbc.sql("select id from training.class_session where class_id = :c order by starts_at")
				.param("c", classId).query(Long.class).list();
		send(post("/api/v1/training/classes/{id}/sessions/{s}/attendance", classId, sessionIds.get(0)), "provider-demo",
				"{\"enrolmentIds\": [%d]}".formatted(second)).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.code").value("training.attendance.before-session"));
		clock.advance(Duration.between(Instant.now(clock), first.plus(30, ChronoUnit.MINUTES)));
		var code = mvc.perform(get("/api/v1/training/classes/{id}/sessions/{s}/code", classId, sessionIds.get(0))
				.header("Authorization", api.bearer("provider-demo"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString().replaceAll("\\D", "");
		send(post("/api/v1/training/sessions/{s}/check-in", sessionIds.get(0)), "worker-demo",
				"{\"code\": \"%s\"}".formatted(code.equals("000000") ? "111111" : "000000"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("training.attendance.code"));
		send(post("/api/v1/training/sessions/{s}/check-in", sessionIds.get(0)), "worker-demo",
				"{\"code\": \"%s\"}".formatted(code)).andExpect(status().isNoContent());
		clock.advance(Duration.ofDays(3));
		for (var session : sessionIds) {
			send(post("/api/v1/training/classes/{id}/sessions/{s}/attendance", classId, session), "provider-demo",
					"{\"enrolmentIds\": [%d, %d]}".formatted(worker, second)).andExpect(status().isOk());
		}
		send(post("/api/v1/training/classes/{id}/sessions/{s}/attendance", classId, sessionIds.get(2)), "provider-demo",
				"{\"enrolmentIds\": [%d]}".formatted(third)).andExpect(status().isOk());
		assertThat(jdbc.sql("select method from training.attendance where session_id = :s and enrolment_id = :e")
				.param("s", sessionIds.get(0)).param("e", worker).query(String.class).single()).isEqualTo("CODE");

		// completion against the 80 % rule, counted for the city's order-based training target
		var before = counted();
		mvc.perform(post("/api/v1/training/classes/{id}/complete", classId).header("Authorization", api.bearer("provider-demo")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FINISHED"));
		mvc.perform(get("/api/v1/training/classes/{id}/enrolments", classId).header("Authorization", api.bearer("provider-demo")))
				.andExpect(jsonPath("$[?(@.id == %d)].status".formatted(worker)).value(hasItem("COMPLETED")))
				.andExpect(jsonPath("$[?(@.id == %d)].status".formatted(third)).value(hasItem("NOT_COMPLETED")));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(counted()).isEqualByComparingTo(before.add(BigDecimal.valueOf(2))));

		// results: the pass issues the certificate, linked to its enrolment
		send(post("/api/v1/training/classes/{id}/results", classId), "provider-demo",
				"[{\"enrolmentId\": %d, \"passed\": true}]".formatted(third))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("training.result.not-completed"));
		send(post("/api/v1/training/classes/{id}/results", classId), "provider-demo", """
				[{"enrolmentId": %d, "passed": true, "certificateType": "skill-level", "certificateNumber": "SXPX2026000001",
				  "grade": "intermediate"},
				 {"enrolmentId": %d, "passed": false}]""".formatted(worker, second)).andExpect(status().isOk());
		assertThat(jdbc.sql("select training_enrolment_id from certification.certificate where number = 'SXPX2026000001'")
				.query(Long.class).single()).isEqualTo(worker);
		// the certificate is decided with no application: 1,500 from the catalogue, +30 % for 车工 in Shaoxing
		await().ignoreExceptions().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
				"select outcome || ' ' || amount from subsidy.decision where certificate_number = 'SXPX2026000001'")
				.query(String.class).single()).isEqualTo("GRANTED 1950"));
		mvc.perform(get("/api/v1/training/vouchers").header("Authorization", api.bearer("worker-demo")))
				.andExpect(jsonPath("$[?(@.id == %d)].status".formatted(voucher)).value(hasItem("SUBSIDISED")));

		// the loop closes back to the enterprise, and every step is on the trainee's archive
		mvc.perform(get("/api/v1/training/orders/{id}/outcome", order).header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.order.status").value("CLOSED"))
				.andExpect(jsonPath("$.classes[0].enrolled").value(3)).andExpect(jsonPath("$.classes[0].completed").value(2))
				.andExpect(jsonPath("$.classes[0].certified").value(1));
		mvc.perform(get("/api/v1/training/orders/{id}/outcome", order).header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/training").param("tab", "orders").session(console.session("enterprise-demo"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-id=\"" + order + "\"")))
				.andExpect(content().string(containsString("报名 3 · 结业 2 · 取证 1")));
		mvc.perform(get("/api/v1/training/mine").header("Authorization", api.bearer("worker-demo")))
				.andExpect(jsonPath("$[?(@.classId == %d)].certificateNumber".formatted(classId)).value(hasItem("SXPX2026000001")));
		var person = jdbc.sql("select person_id from training.enrolment where id = :e").param("e", worker).query(Long.class).single();
		ArchiveCaughtUp.await(jdbc);
		assertThat(jdbc.sql("select detail->>'step' from archive.line where person_id = :p and kind = 'TRAINING' order by id")
				.param("p", person).query(String.class).list()).containsSubsequence("ENROLLED", "COMPLETED", "PASSED");
		mvc.perform(get("/api/v1/persons/{id}/archive", person).header("Authorization", api.bearer("shaoxing")))
				.andExpect(content().string(containsString("SXPX2026000001")))
				// REG-4: the voucher, issued and used, and the attendance of the class are on the archive
				.andExpect(content().string(containsString("职业培训券，有效期至")))
				.andExpect(content().string(containsString("时使用职业培训券")))
				.andExpect(content().string(containsString("出勤 3/3 课次")));
	}

	private BigDecimal counted() throws Exception {
		return jdbc.sql("""
				select coalesce(sum(amount), 0) from targets.actual_daily
				where fact = 'ORDER_TRAINING_COMPLETIONS' and region_code = '330600'
				""").query(BigDecimal.class).single();
	}

	@Test
	void aSuspendedProviderTakesNoOrdersAndEnrolsNobody() throws Exception {
		var today = LocalDate.now(appClock);
		var order = id(send(post("/api/v1/training/orders"), "enterprise-demo", """
				{"enterpriseCode": "%s", "occupationCode": "6-18-01-02", "headcount": 5, "wantedStart": "%s",
				 "county": "330603", "kind": "ON_JOB"}""".formatted(ENTERPRISE, today.plusDays(3))).andExpect(status().isCreated()));
		var provider = """
				{"creditCode": "%s", "name": "绍兴市示范职业技能培训学校", "kind": "PRIVATE_INSTITUTION", "licenceNumber": "浙人社培330600001",
				 "licenceValidUntil": "2028-06-30", "region": "330602", "starRating": 4, "starYear": 2025, "status": "%s"%s}""";
		// a class it opened while active (issue 17's refusal tests found a suspended provider could still change it)
		var plan = """
				{"occupationCode": "6-18-01-02", "kind": "OFF_JOB", "capacity": %d, "sessions": %s}""";
		var opened = id(send(post("/api/v1/training/classes"), "provider-demo",
				plan.formatted(5, sessions(Instant.now(clock).plus(3, ChronoUnit.DAYS), 1))).andExpect(status().isCreated()));
		send(post("/api/v1/providers"), "shaoxing", provider.formatted(PROVIDER, "SUSPENDED",
				", \"statusReason\": \"双随机抽查发现虚假考勤\", \"statusDate\": \"%s\"".formatted(today))).andExpect(status().isOk());
		try {
			send(post("/api/v1/training/orders/{id}/accept", order), "provider-demo",
					"{\"sessions\": %s}".formatted(sessions(Instant.now(clock).plus(2, ChronoUnit.DAYS), 1)))
					.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("training.provider-suspended"));
			send(post("/api/v1/training/classes"), "provider-demo", """
					{"occupationCode": "6-18-01-02", "kind": "OFF_JOB", "capacity": 5, "sessions": %s}"""
					.formatted(sessions(Instant.now(clock).plus(2, ChronoUnit.DAYS), 1)))
					.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("training.provider-suspended"));
			send(MockMvcRequestBuilders.put("/api/v1/training/classes/{id}", opened).param("version", "0"), "provider-demo",
					plan.formatted(8, sessions(Instant.now(clock).plus(3, ChronoUnit.DAYS), 1)))
					.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("training.provider-suspended"));
			assertThat(jdbc.sql("select capacity from training.training_class where id = :id").param("id", opened)
					.query(Integer.class).single()).isEqualTo(5);
		}
		finally {
			send(post("/api/v1/providers"), "shaoxing", provider.formatted(PROVIDER, "ACTIVE", "")).andExpect(status().isOk());
		}
	}

	@Test
	void anEnterpriseRecognisesAGradeWithItsBasisOnTheArchive() throws Exception {
		var id = IdNumber.withCheckDigit("33060319880808774");
		// only its own worker; a stranger, an unknown number and a wrong name answer alike, and create nobody
		var stranger = IdNumber.withCheckDigit("33060319880808775");
		var recognise = """
				{"idNumber": "%s", "name": "%s", "occupationCode": "6-18-01-01", "grade": "技师",
				 "basis": "DIRECT_RECOGNITION", "reason": "解决重大工艺难题，获省部级奖项"}""";
		send(post("/api/v1/training/grade-recognitions"), "enterprise-demo", recognise.formatted(stranger, "褚路人"))
				.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("person.not-employee"));
		assertThat(jdbc.sql("select count(*) from registry.person where name = '褚路人'").query(Long.class).single()).isZero();
		send(post("/api/v1/persons"), "shaoxing", """
				{"idNumber": "%s", "name": "褚路人", "residenceRegion": "330603"}""".formatted(stranger)).andExpect(status().isOk());
		send(post("/api/v1/training/grade-recognitions"), "enterprise-demo", recognise.formatted(stranger, "褚路人"))
				.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("person.not-employee"));
		send(post("/api/v1/persons"), "shaoxing", """
				{"idNumber": "%s", "name": "褚工匠", "residenceRegion": "330603", "employerCreditCode": "91330603MA2D12345A"}"""
				.formatted(id)).andExpect(status().isOk());
		send(post("/api/v1/training/grade-recognitions"), "enterprise-demo", recognise.formatted(id, "褚工"))
				.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("person.not-employee"));
		send(post("/api/v1/training/grade-recognitions"), "enterprise-demo", """
				{"idNumber": "%s", "name": "褚工匠", "occupationCode": "6-18-01-01", "grade": "技师", "basis": "UNKNOWN",
				 "reason": "x"}""".formatted(id)).andExpect(status().isBadRequest());
		send(post("/api/v1/training/grade-recognitions"), "enterprise-demo", """
				{"idNumber": "%s", "name": "褚工匠", "occupationCode": "6-18-01-01", "grade": "技师",
				 "basis": "DIRECT_RECOGNITION", "reason": "解决重大工艺难题，获省部级奖项"}""".formatted(id))
				.andExpect(status().isNoContent());
		send(post("/api/v1/training/grade-recognitions"), "provider-demo", "{}").andExpect(status().isForbidden());
		ArchiveCaughtUp.await(jdbc);
		assertThat(jdbc.sql("""
				select e.detail->>'basis' || ' ' || (e.detail->>'grade') from archive.line e
				join registry.person p on p.id = e.person_id where p.name = '褚工匠' and e.kind = 'GRADE'
				""").query(String.class).single()).isEqualTo("DIRECT_RECOGNITION technician");
	}

	@Test
	void everyRoleHasItsTrainingPage() throws Exception {
		var pages = Map.of("enterprise-demo", "id=\"demand-form\"", "provider-demo", "id=\"open-orders\"",
				"worker-demo", "id=\"check-in\"", "shaoxing", "id=\"key-enterprises\"");
		for (var page : pages.entrySet()) {
			mvc.perform(get("/training").session(console.session(page.getKey()))).andExpect(status().isOk())
					.andExpect(content().string(containsString(page.getValue())));
		}
		mvc.perform(get("/training").param("tab", "orders").session(console.session("enterprise-demo")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"order-form\"")));
		var csrf = SecurityMockMvcRequestPostProcessors.csrf();
		mvc.perform(post("/training/catalogue").session(console.session("province")).with(csrf)
				.param("occupationCode", "4-10-01-03").param("standardYuan", "800").param("validFrom", "2026-01-01")
				.param("basis", "示例标准（控制台）"))
				.andExpect(MockMvcResultMatchers.flash().attribute("saved", true));
		mvc.perform(get("/training").param("tab", "catalogue").session(console.session("province")))
				.andExpect(content().string(containsString("示例标准（控制台）")));
		// a session row the planner cannot read is refused in words under it, the rows kept as typed
		var order = id(send(post("/api/v1/training/orders"), "enterprise-demo", """
				{"enterpriseCode": "%s", "occupationCode": "6-18-01-01", "headcount": 4, "wantedStart": "%s",
				 "county": "330603", "kind": "ON_JOB"}""".formatted(ENTERPRISE, LocalDate.now(appClock).plusDays(20))));
		mvc.perform(post("/training/orders/{id}/accept", order).session(console.session("provider-demo")).with(csrf)
				.param("capacity", "4").param("sessionDate", "2026-12-01").param("sessionStart", "9点")
				.param("sessionEnd", "11:00").param("sessionPlace", "实训楼"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("请填写这次课的日期、开始和结束时间")))
				.andExpect(content().string(containsString("value=\"9点\"")));
	}

	@Autowired
	Imports imports;

	@Test
	void demandComesByFileWithEveryBadRowNamedAndTheSameFileAgainChangesNothing() throws Exception {
		var neededBy = LocalDate.now(appClock).plusDays(120);
		var hangzhou = CreditCode.withCheckCharacter("91330102MA2D1DEMX");
		var csv = "统一社会信用代码,职业编码,技能等级,需求人数,需求时间,月薪,需培训人数,用工地区划代码,来源\n"
				+ ENTERPRISE + ",6-18-02-01,高级工,6," + neededBy + ",8000,6,330603,走访\n"
				+ ENTERPRISE + ",9-99-99-99,,6," + neededBy + ",,,330603,走访\n"
				+ hangzhou + ",6-18-01-01,,2," + neededBy + ",,,,问卷\n";
		var job = imports.run("shaoxing", "demand", "demand.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("acceptedRows", 1).containsEntry("rejectedRows", 2);
		assertThat(imports.errors("shaoxing", job)).containsExactlyInAnyOrder("3|职业编码|import.occupation.not-found",
				"4|统一社会信用代码|import.scope.outside");
		var again = imports.run("shaoxing", "demand", "demand.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again).containsEntry("acceptedRows", 0).containsEntry("unchangedRows", 1);
		assertThat(jdbc.sql("select count(*) || ' ' || min(source) from training.demand_item where occupation_code = '6-18-02-01' and enterprise_code = :e")
				.param("e", ENTERPRISE).query(String.class).single()).isEqualTo("1 VISIT");
	}

	@Test
	void vouchersGoToEveryoneOfAListedGroupOnce() throws Exception {
		var entry = jdbc.sql("select id from training.catalogue_entry where occupation_code = '6-31-01-03' and grade is null")
				.query(Long.class).single();
		var members = jdbc.sql("""
				select count(*) from registry.person where 'veteran' = any(groups)
				  and (residence_path like '/330000/330600/%' or hukou_path like '/330000/330600/%')
				""").query(Integer.class).single();
		var body = send(post("/api/v1/training/vouchers/groups"), "shaoxing", """
				{"group": "veteran", "catalogueEntryId": %d, "validUntil": "%s"}""".formatted(entry, LocalDate.now(appClock).plusMonths(3)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(body).isEqualTo("{\"issued\":" + members + "}");
		assertThat(members).isPositive();
		send(post("/api/v1/training/vouchers/groups"), "shaoxing", """
				{"group": "veteran", "catalogueEntryId": %d, "validUntil": "%s"}""".formatted(entry, LocalDate.now(appClock).plusMonths(3)))
				.andExpect(jsonPath("$.issued").value(0));
		send(post("/api/v1/training/vouchers/groups"), "enterprise-demo", "{\"group\": \"veteran\", \"catalogueEntryId\": 1}")
				.andExpect(status().isForbidden());
	}

	@Test
	void attendanceComesByFileForSessionsThatHaveBegun() throws Exception {
		var began = Instant.now(appClock).minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		var classId = id(send(post("/api/v1/training/classes"), "provider-demo", """
				{"occupationCode": "6-18-01-01", "kind": "ON_JOB", "capacity": 5, "sessions": [
				 {"startsAt": "%s", "endsAt": "%s", "place": "车间"}, {"startsAt": "%s", "endsAt": "%s", "place": "车间"}]}"""
				.formatted(began, began.plus(2, ChronoUnit.HOURS), began.plus(3, ChronoUnit.DAYS), began.plus(3, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS)))
				.andExpect(status().isCreated()));
		var present = IdNumber.withCheckDigit("33060219850505791");
		send(post("/api/v1/training/classes/{id}/enrolments", classId), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"签到表\"}".formatted(present)).andExpect(status().isCreated());
		var sessions = jdbc.sql("select id from training.class_session where class_id = :c order by starts_at")
				.param("c", classId).query(Long.class).list();
		var csv = "班级编号,课次编号,身份证号\n" + classId + "," + sessions.get(0) + "," + present + "\n"
				+ classId + "," + sessions.get(1) + "," + present + "\n"
				+ classId + "," + sessions.get(0) + "," + IdNumber.withCheckDigit("33060219850505792") + "\n"
				+ classId + "," + sessions.get(0) + "," + present + "\n";
		var job = imports.run("provider-demo", "attendance", "sheet.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("acceptedRows", 1).containsEntry("rejectedRows", 3);
		assertThat(imports.errors("provider-demo", job)).containsExactlyInAnyOrder(
				"3|课次编号|import.training.attendance.before-session", "4|身份证号|import.training.attendance.not-enrolled",
				"5|身份证号|import.duplicate-in-file");
		var again = imports.run("provider-demo", "attendance", "sheet.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again).containsEntry("acceptedRows", 0).containsEntry("unchangedRows", 1);
		assertThat(jdbc.sql("select method from training.attendance where session_id = :s").param("s", sessions.get(0))
				.query(String.class).list()).containsExactly("IMPORT");
	}

	@Test
	void editingAClassChangesThatClassOnlyAsTheEditorSawIt() throws Exception {
		var start = Instant.now(appClock).plus(40, ChronoUnit.DAYS);
		var classId = id(send(post("/api/v1/training/classes"), "provider-demo", """
				{"occupationCode": "6-18-01-01", "kind": "ON_JOB", "capacity": 5, "sessions": %s}""".formatted(sessions(start, 2)))
				.andExpect(status().isCreated()));
		var edit = """
				{"occupationCode": "6-18-01-01", "kind": "ON_JOB", "capacity": 8, "teachers": ["李老师"], "sessions": %s}"""
				.formatted(sessions(start, 3));
		mvc.perform(MockMvcRequestBuilders.put("/api/v1/training/classes/{id}", classId)
				.param("version", "0").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content(edit))
				.andExpect(status().isOk()).andExpect(jsonPath("$.id").value(classId)).andExpect(jsonPath("$.capacity").value(8))
				.andExpect(jsonPath("$.sessions", hasSize(3))).andExpect(jsonPath("$.version").value(1));
		mvc.perform(MockMvcRequestBuilders.put("/api/v1/training/classes/{id}", classId)
				.param("version", "0").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content(edit))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("training.class.changed-meanwhile"));
		mvc.perform(get("/api/v1/training/classes/{id}", classId).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.teachers[0]").value("李老师"));
		mvc.perform(get("/api/v1/training/classes/{id}", classId).header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from training.training_class where id >= :id and provider_code = :p")
				.param("id", classId).param("p", PROVIDER).query(Integer.class).single()).isEqualTo(1);
	}
}
