package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.certification.CertificateRevoked;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;

/**
 * SUB-2, SUB-5: a pack holds for the period its document states. Shaoxing's 实施意见 covers 2022-2025; a certificate
 * after it, with no successor published, is decided under the province's rules alone; the what-if prices extending
 * it, the enterprise schemes with the training subsidy. The tests that withdraw the demo's continuation of the pack put
 * it back when they end (the decider works on its own connections, so a rolled-back test transaction would hide the
 * test's own trainees from it).
 */
@IntegrationTest
class PackPeriodsIntegrationTests {

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
	SubsidyDecisions decisions;

	@Autowired
	Clock clock;

	/** As if Shaoxing had published no successor: the demo's continuation withdrawn while {@code test} runs. */
	void withNoSuccessor(ThrowingRunnable test) throws Exception {
		var continuation = jdbc.sql("""
				update subsidy.policy_pack set status = 'DRAFT'
				where scope_region = '330600' and status = 'PUBLISHED' and parameters ->> 'demoAssumption' = 'true'
				returning id""").query(Long.class).single();
		try {
			test.run();
		}
		finally {
			jdbc.sql("update subsidy.policy_pack set status = 'PUBLISHED' where id = :id").param("id", continuation).update();
		}
	}

	interface ThrowingRunnable {
		void run() throws Exception;
	}

	CertificateIssued certificate(String occupation, LocalDate on) {
		var enrolment = Trainees.completedIn(jdbc, persons, "330603");
		var id = SubsidyDecisionsIntegrationTests.IDS.incrementAndGet();
		return new CertificateIssued(id, "PERIOD" + id, (IdNumberIndex) enrolment[1], "skill-level", occupation, "technician",
				on, "测试培训机构", (Long) enrolment[0]);
	}

	String decided(CertificateIssued cert) {
		decisions.decide(cert);
		return jdbc.sql("select coalesce(cast(amount as text), outcome || ' ' || code) || ' ' || policy_versions from subsidy.decision where certificate_id = :id")
				.param("id", cert.certificateId()).query(String.class).single();
	}

	@Test
	void shaoxingsImplementingOpinionsHoldFromJulyTwentyTwentyTwoToTheEndOfTwentyTwentyFive() throws Exception {
		assertThat(jdbc.sql("""
				select distinct effective_from || '..' || effective_until from subsidy.policy_pack
				where scope_region = '330600' and source like '绍兴市实施意见（2022-2025年）%'
				""").query(String.class).list()).containsExactly("2022-07-01..2025-12-31");
		var page = mvc.perform(get("/subsidies/packs").session(console.session("shaoxing"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("2022-07-01 至 2025-12-31").contains("已期满")
				.contains("绍兴市技能人才政策延续执行（演示假设）").contains("演示假设，非正式文件");
		mvc.perform(post("/api/v1/subsidies/packs").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"scopeRegion": "330600", "effectiveFrom": "2027-01-01", "effectiveUntil": "2026-12-31",
						 "title": "倒置的期限", "source": "测试", "parameters": {"keyFieldUpliftPercent": 30}}"""))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("subsidy.pack.period"));
	}

	@Test
	void aCertificateAfterThePeriodWithNoSuccessorIsDecidedUnderTheProvincesRulesAlone() throws Exception {
		var lastDay = certificate("6-18-02-03", LocalDate.of(2025, 12, 31));
		var firstDayAfter = certificate("6-18-02-04", LocalDate.of(2026, 1, 1));
		withNoSuccessor(() -> {
			// 6-18 is 高端装备, a key field: +30 % while the 实施意见 holds
			assertThat(decided(lastDay)).isEqualTo("3250 330000 v1+330600 v2");
			assertThat(decided(firstDayAfter)).isEqualTo("2500 330000 v1");
		});
		// decided in a world the demo does not have: revoked, so that no later what-if of this year prices it again
		for (var made : List.of(lastDay, firstDayAfter)) {
			decisions.reverse(new CertificateRevoked(made.certificateId(), made.number(), made.holderIndex(), "测试结束",
					LocalDate.now(clock)));
		}
	}

	@Test
	void theWhatIfPricesExtendingTheLapsedPackWithItsEnterpriseSchemes() throws Exception {
		var year = LocalDate.now(clock).getYear();
		var worker = IdNumber.withCheckDigit("33062119880101" + (700 + SubsidyDecisionsIntegrationTests.IDS.get() % 99));
		persons.realName(IdNumber.parse(worker), "延续甲", "330603", "test");
		mvc.perform(post("/api/v1/subsidies/claims").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"scheme": "DIRECTED_TRAINING", "bankAccount": "6222 0212 3456 7890", "evidence": {"idNumber": "%s",
						 "name": "延续甲", "agreementNumber": "YX-01", "year": "%d"}}""".formatted(worker, year)))
				.andExpect(status().isCreated());
		var keyField = certificate("6-18-02-05", LocalDate.now(clock));
		decisions.decide(keyField);
		var draft = new long[1];
		withNoSuccessor(() -> draft[0] = priceTheExtension(year));
		// with the demo's continuation in force, the claim earns under the schemes in force too: no change
		var body = simulate(draft[0], year);
		assertThat(new BigDecimal(JsonPath.read(body, "$.claimsCurrent").toString()))
				.isGreaterThanOrEqualTo(new BigDecimal("5000"));
		assertThat(JsonPath.<List<String>>read(body, "$.claimChanges[*].scheme")).doesNotContain("DIRECTED_TRAINING");
	}

	String simulate(long draft, int year) throws Exception {
		return mvc.perform(post("/api/v1/subsidies/simulations").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"packId\": %d, \"year\": %d}".formatted(draft, year)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	long priceTheExtension(int year) throws Exception {
		var lapsed = jdbc.sql("""
				select parameters::text from subsidy.policy_pack where scope_region = '330600' and version = 2""")
				.query(String.class).single();
		var draft = mvc.perform(post("/api/v1/subsidies/packs").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"scopeRegion": "330600", "effectiveFrom": "2026-01-01", "effectiveUntil": "2027-12-31",
						 "title": "绍兴实施意见延期（测算）", "source": "测算用草案", "parameters": %s}""".formatted(lapsed)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var id = ((Number) JsonPath.read(draft, "$.id")).longValue();
		var body = simulate(id, year);
		assertThat(JsonPath.<String>read(body, "$.inForce")).isEqualTo("—");
		// the key-field certificate: 2,500 under the province's rules now, 3,250 had the pack been extended
		assertThat(new BigDecimal(JsonPath.read(body, "$.change").toString())).isGreaterThanOrEqualTo(new BigDecimal("750"));
		// the directed-training claim: nothing under no city scheme, 5,000 a person-year under the extension
		assertThat((Integer) JsonPath.read(body, "$.claims")).isPositive();
		assertThat(new BigDecimal(JsonPath.read(body, "$.claimsCurrent").toString())).isZero();
		assertThat(new BigDecimal(JsonPath.read(body, "$.claimsSimulated").toString()))
				.isGreaterThanOrEqualTo(new BigDecimal("5000"));
		assertThat(JsonPath.<List<Number>>read(body,
				"$.byScheme[?(@.key == 'DIRECTED_TRAINING')].simulated")).isNotEmpty();
		assertThat(JsonPath.<List<String>>read(body, "$.claimChanges[*].scheme")).contains("DIRECTED_TRAINING");
		return id;
	}
}
