package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumber;

/**
 * SUB-4: budgets per region, funding source and year. An enterprise claim commits against the budget of its scheme's
 * source (Shaoxing: 地方人才经费) exactly as a training subsidy does against the skills account: it waits when that
 * budget cannot carry it, money added to another source leaves it waiting, money added to its own grants it.
 */
@IntegrationTest
class BudgetsBySourceIntegrationTests {

	static final AtomicInteger SERIAL = new AtomicInteger(400);

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

	@Autowired
	Clock clock;

	BigDecimal left(String county, String source, int year) {
		return jdbc.sql("""
				select coalesce(sum(allocated - committed), 0) from subsidy.budget
				where region_code = :c and funding_source = :s and year = :y""").param("c", county).param("s", source)
				.param("y", year).query(BigDecimal.class).single();
	}

	String decision(long claim) {
		return jdbc.sql("select outcome || ' ' || funding_source || ' ' || coalesce(code, '') from subsidy.decision where claim_id = :c")
				.param("c", claim).query(String.class).single();
	}

	void allocate(String source, int year, int amount) throws Exception {
		mvc.perform(post("/api/v1/subsidies/budgets").header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"region": "330603", "year": %d, "amount": %d, "fundingSource": "%s"}"""
						.formatted(year, amount, source)))
				.andExpect(status().isOk());
	}

	@Test
	void aClaimWaitsForItsSourcesBudgetAndMoneyAddedToAnotherSourceDoesNotGrantIt() throws Exception {
		var nextYear = LocalDate.now(clock).getYear() + 1;
		var id = IdNumber.withCheckDigit("33062119900101" + SERIAL.incrementAndGet());
		persons.realName(IdNumber.parse(id), "预算甲", "330603", "test");
		var body = mvc.perform(post("/api/v1/subsidies/claims").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"scheme": "DIRECTED_TRAINING", "bankAccount": "6222 0212 3456 7890", "evidence": {"idNumber": "%s",
						 "name": "预算甲", "agreementNumber": "YS-01", "year": "%d"}}""".formatted(id, nextYear)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long claim = ((Number) JsonPath.read(body, "$.id")).longValue();
		for (var step : new String[][] { { "keqiao", "review" }, { "shaoxing", "decision" } }) {
			mvc.perform(post("/api/v1/subsidies/claims/{id}/" + step[1], claim).header("Authorization", api.bearer(step[0]))
					.contentType(MediaType.APPLICATION_JSON).content("{\"passed\": true}")).andExpect(status().isOk());
		}
		// next year's talent fund has nothing yet: approved, and the money waits
		assertThat(decision(claim)).isEqualTo("WAITING CITY_TALENT_FUND subsidy.budget-exhausted");

		var skillsBefore = left("330603", "SKILLS_ACCOUNT", nextYear);
		allocate("SKILLS_ACCOUNT", nextYear, 100_000);
		assertThat(decision(claim)).as("the skills account pays training subsidies, not this scheme")
				.startsWith("WAITING");
		// other tests may have left claims of next year waiting too: enough for all of them, oldest first
		allocate("CITY_TALENT_FUND", nextYear, 200_000);
		assertThat(decision(claim)).isEqualTo("GRANTED CITY_TALENT_FUND ");

		// refused afterwards (an officer's override), the talent fund gets its 5,000 back, the skills account nothing
		var talentBefore = left("330603", "CITY_TALENT_FUND", nextYear);
		var decisionId = jdbc.sql("select id from subsidy.decision where claim_id = :c").param("c", claim)
				.query(Long.class).single();
		mvc.perform(post("/api/v1/subsidies/decisions/{id}/override", decisionId).header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"outcome": "DENIED", "reason": "协议系伪造，撤销补贴", "expiresOn": "%s"}"""
						.formatted(LocalDate.now(clock).plusDays(30))))
				.andExpect(status().isOk());
		assertThat(left("330603", "CITY_TALENT_FUND", nextYear)).isEqualByComparingTo(talentBefore.add(new BigDecimal("5000")));
		assertThat(left("330603", "SKILLS_ACCOUNT", nextYear))
				.isEqualByComparingTo(skillsBefore.add(new BigDecimal("100000")));
	}

	@Test
	void anAllocationNamesAKnownSourceAndAYearInRange() throws Exception {
		for (var bad : new String[] { "{\"region\": \"330603\", \"year\": 2026, \"amount\": 1000, \"fundingSource\": \"彩票公益金\"}",
				"{\"region\": \"330603\", \"year\": 1999, \"amount\": 1000}",
				"{\"region\": \"330603\", \"year\": 2026, \"amount\": -5}" }) {
			mvc.perform(post("/api/v1/subsidies/budgets").header("Authorization", api.bearer("keqiao"))
					.contentType(MediaType.APPLICATION_JSON).content(bad))
					.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value(Matchers.startsWith("subsidy.budget.")));
		}
		mvc.perform(post("/api/v1/subsidies/budgets").header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"region\": \"330602\", \"year\": 2026, \"amount\": 1000}"))
				.andExpect(status().isForbidden());
	}

	@Test
	void theBudgetPageListsEachSourceOfTheRegionAndAddsToOne() throws Exception {
		var year = LocalDate.now(clock).getYear();
		var session = console.session("keqiao");
		var page = mvc.perform(get("/subsidies/budgets").param("year", String.valueOf(year)).session(session))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("补贴资金预算").contains("职业技能提升行动专账资金").contains("地方人才经费")
				.contains("柯桥区").doesNotContain("越城区").doesNotContain("CITY_TALENT_FUND<");
		var before = left("330603", "EMPLOYMENT_FUND", year);
		mvc.perform(post("/subsidies/budgets").session(session).with(csrf()).param("county", "330603")
				.param("fundingSource", "EMPLOYMENT_FUND").param("year", String.valueOf(year)).param("amount", "12,500"))
				.andExpect(status().is3xxRedirection());
		assertThat(left("330603", "EMPLOYMENT_FUND", year)).isEqualByComparingTo(before.add(new BigDecimal("12500")));
		mvc.perform(post("/subsidies/budgets").session(session).with(csrf()).param("county", "330603")
				.param("fundingSource", "EMPLOYMENT_FUND").param("year", String.valueOf(year)).param("amount", "很多"))
				.andExpect(status().is3xxRedirection()).andExpect(
						MockMvcResultMatchers.flash().attribute("error",
								Matchers.containsString("追加金额须为正数")));
		mvc.perform(get("/api/v1/subsidies/budgets").param("fundingSource", "EMPLOYMENT_FUND")
				.header("Authorization", api.bearer("keqiao")))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].region").value("330603"))
				.andExpect(jsonPath("$[0].fundingSource").value("EMPLOYMENT_FUND"));
	}
}
