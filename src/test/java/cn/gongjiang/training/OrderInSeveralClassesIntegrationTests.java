package cn.gongjiang.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;

/**
 * TRN-1: an order becomes several classes — several providers, or several classes of one — up to its headcount; a
 * class opened on its own joins an order before it begins; the order's outcome sums its classes.
 */
@IntegrationTest
class OrderInSeveralClassesIntegrationTests {

	static final String ENTERPRISE = "91330603MA2D12345A";

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

	ResultActions send(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
		return mvc.perform(request.header("Authorization", api.bearer(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	long id(ResultActions result) throws Exception {
		return Long.parseLong(result.andReturn().getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

	long order(int headcount) throws Exception {
		return id(send(post("/api/v1/training/orders"), "enterprise-demo", """
				{"enterpriseCode": "%s", "occupationCode": "6-18-01-01", "grade": "intermediate", "headcount": %d,
				 "wantedStart": "%s", "county": "330603", "kind": "ON_JOB"}"""
				.formatted(ENTERPRISE, headcount, LocalDate.now(clock).plusDays(20))).andExpect(status().isCreated()));
	}

	String plan(Integer capacity, Instant first) {
		return """
				{%s"teachers": ["周师傅"], "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "柯桥区实训基地"}]}"""
				.formatted(capacity == null ? "" : "\"capacity\": " + capacity + ", ", first, first.plus(3, ChronoUnit.HOURS));
	}

	String ownClass(String occupation, int capacity, Instant first) {
		return """
				{"occupationCode": "%s", "grade": "intermediate", "kind": "OFF_JOB", "capacity": %d,
				 "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "柯桥区实训基地"}]}"""
				.formatted(occupation, capacity, first, first.plus(3, ChronoUnit.HOURS));
	}

	Instant soon() {
		return Instant.now(clock).plus(21, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
	}

	Row row(long order) {
		return jdbc.sql("select status, planned from training.training_order where id = :id").param("id", order)
				.query(Row.class).single();
	}

	record Row(String status, int planned) {
	}

	@Test
	void twoProvidersTakeUpPartsOfOneOrderUpToItsHeadcountAndTheOutcomeSumsTheirClasses() throws Exception {
		var order = order(10);
		var first = id(send(post("/api/v1/training/orders/{id}/accept", order), "provider-demo", plan(4, soon()))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.capacity").value(4)));
		assertThat(row(order)).isEqualTo(new Row("OPEN", 4));
		mvc.perform(get("/api/v1/training/orders/open").header("Authorization", api.bearer("school-demo")))
				.andExpect(jsonPath("$[?(@.id == %d && @.planned == 4)]".formatted(order), hasSize(1)));

		var second = id(send(post("/api/v1/training/orders/{id}/accept", order), "school-demo", plan(null, soon()))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.capacity").value(6)));
		assertThat(row(order)).isEqualTo(new Row("ACCEPTED", 10));
		send(post("/api/v1/training/orders/{id}/accept", order), "provider-demo", plan(1, soon()))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("training.order.taken"));

		// the second provider follows the order it serves, though the order names the first
		mvc.perform(get("/api/v1/training/orders").param("size", "200").header("Authorization", api.bearer("school-demo")))
				.andExpect(jsonPath("$[?(@.id == %d)]".formatted(order), hasSize(1)));

		send(post("/api/v1/training/classes/{id}/enrolments", first), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"甲学员\"}".formatted(IdNumber.withCheckDigit("33060319900101661")))
				.andExpect(status().isCreated());
		send(post("/api/v1/training/classes/{id}/enrolments", second), "school-demo",
				"{\"idNumber\": \"%s\", \"name\": \"乙学员\"}".formatted(IdNumber.withCheckDigit("33060319900202662")))
				.andExpect(status().isCreated());
		send(post("/api/v1/training/classes/{id}/enrolments", second), "school-demo",
				"{\"idNumber\": \"%s\", \"name\": \"丙学员\"}".formatted(IdNumber.withCheckDigit("33060319900303663")))
				.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/training/orders/{id}/outcome", order).header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.classes", hasSize(2)))
				.andExpect(jsonPath("$.classes[0].classId").value(first)).andExpect(jsonPath("$.classes[1].classId").value(second))
				.andExpect(jsonPath("$.enrolled").value(3)).andExpect(jsonPath("$.completed").value(0));

		var page = mvc.perform(get("/training").param("tab", "orders").session(console.session("enterprise-demo")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("绍兴市示范职业技能培训学校").contains("绍兴市示范技师学院")
				.contains("合计：报名 3 · 结业 0 · 取证 0 · 就业 0");
	}

	@Test
	void twoProvidersRacingForTheLastSeatsOneWinsAndTheOrderIsNeverOverTaken() throws Exception {
		var order = order(6);
		Callable<Integer> provider = () -> send(post("/api/v1/training/orders/{id}/accept", order), "provider-demo",
				plan(6, soon())).andReturn().getResponse().getStatus();
		Callable<Integer> school = () -> send(post("/api/v1/training/orders/{id}/accept", order), "school-demo",
				plan(6, soon())).andReturn().getResponse().getStatus();
		var pool = Executors.newFixedThreadPool(2);
		try {
			var answers = new ArrayList<Integer>();
			for (var f : pool.invokeAll(List.of(provider, school))) {
				answers.add(f.get());
			}
			assertThat(answers).containsExactlyInAnyOrder(201, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(row(order)).isEqualTo(new Row("ACCEPTED", 6));
		assertThat(jdbc.sql("select count(*) from training.training_class where order_id = :o").param("o", order)
				.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aClassOpenedOnItsOwnJoinsAnOrderBeforeItBeginsAndOnlyOne() throws Exception {
		var order = order(5);
		var own = id(send(post("/api/v1/training/classes"), "provider-demo", ownClass("6-18-01-01", 3, soon()))
				.andExpect(status().isCreated()));
		send(put("/api/v1/training/classes/{id}/order", own).param("version", "7"), "provider-demo",
				"{\"orderId\": %d}".formatted(order)).andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("training.class.changed-meanwhile"));
		send(put("/api/v1/training/classes/{id}/order", own).param("version", "0"), "school-demo",
				"{\"orderId\": %d}".formatted(order)).andExpect(status().isNotFound());
		send(put("/api/v1/training/classes/{id}/order", own).param("version", "0"), "provider-demo", "{}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("training.class.order-required"));
		assertThat(row(order)).isEqualTo(new Row("OPEN", 0));

		send(put("/api/v1/training/classes/{id}/order", own).param("version", "0"), "provider-demo",
				"{\"orderId\": %d}".formatted(order)).andExpect(status().isOk())
				.andExpect(jsonPath("$.orderId").value(order));
		assertThat(row(order)).isEqualTo(new Row("OPEN", 3));
		send(put("/api/v1/training/classes/{id}/order", own).param("version", "1"), "provider-demo",
				"{\"orderId\": %d}".formatted(order(5))).andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("training.class.has-order"));

		var other = id(send(post("/api/v1/training/classes"), "provider-demo", ownClass("6-29-01-01", 2, soon()))
				.andExpect(status().isCreated()));
		send(put("/api/v1/training/classes/{id}/order", other).param("version", "0"), "provider-demo",
				"{\"orderId\": %d}".formatted(order)).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.code").value("training.class.attach-other-occupation"));
		var begun = id(send(post("/api/v1/training/classes"), "provider-demo",
				ownClass("6-18-01-01", 2, Instant.now(clock).minus(2, ChronoUnit.HOURS))).andExpect(status().isCreated()));
		send(put("/api/v1/training/classes/{id}/order", begun).param("version", "0"), "provider-demo",
				"{\"orderId\": %d}".formatted(order)).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.code").value("training.class.attach-after-start"));
		assertThat(row(order)).isEqualTo(new Row("OPEN", 3));

		// a class larger than what the order has left takes the rest of it and fills its other seats from elsewhere
		var larger = id(send(post("/api/v1/training/classes"), "provider-demo", ownClass("6-18-01-01", 20, soon()))
				.andExpect(status().isCreated()));
		send(put("/api/v1/training/classes/{id}/order", larger).param("version", "0"), "provider-demo",
				"{\"orderId\": %d}".formatted(order)).andExpect(status().isOk()).andExpect(jsonPath("$.capacity").value(20));
		assertThat(row(order)).isEqualTo(new Row("ACCEPTED", 5));
		assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'training.order.attach' and target = :t")
				.param("t", "order:" + order).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void theProviderJoinsItsClassToAnOrderFromTheClassPage() throws Exception {
		var order = order(4);
		var own = id(send(post("/api/v1/training/classes"), "provider-demo", ownClass("6-18-01-01", 4, soon()))
				.andExpect(status().isCreated()));
		var provider = console.session("provider-demo");
		var page = mvc.perform(get("/training/classes/{id}", own).session(provider)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("关联培训订单").contains("value=\"" + order + "\"")
				.contains("订单 " + order + " · ");
		mvc.perform(post("/training/classes/{id}/order", own).session(provider).with(csrf())
				.param("orderId", String.valueOf(order)).param("version", "0")).andExpect(status().is3xxRedirection());
		assertThat(row(order)).isEqualTo(new Row("ACCEPTED", 4));
		var after = mvc.perform(get("/training/classes/{id}", own).session(provider)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(after).doesNotContain("id=\"join-order\"").contains("订单 " + order);
	}

	@Test
	void cancellingAPartlyTakenOrderWithdrawsOnlyTheSeatsNoProviderTook() throws Exception {
		var order = order(9);
		send(post("/api/v1/training/orders/{id}/accept", order), "provider-demo", plan(5, soon()))
				.andExpect(status().isCreated());
		send(post("/api/v1/training/orders/{id}/cancel", order), "enterprise-demo", "")
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"))
				.andExpect(jsonPath("$.planned").value(5));
		mvc.perform(get("/api/v1/training/orders/open").param("size", "200").header("Authorization", api.bearer("school-demo")))
				.andExpect(jsonPath("$[?(@.id == %d)]".formatted(order), hasSize(0)));
		assertThat(jdbc.sql("select detail from audit.audit_event where action = 'training.order.cancel' and target = :t")
				.param("t", "order:" + order).query(String.class).single()).isEqualTo("remainder:4");
		var untaken = order(3);
		send(post("/api/v1/training/orders/{id}/cancel", untaken), "enterprise-demo", "")
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
	}
}
