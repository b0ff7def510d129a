package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.TestClock;
import cn.gongjiang.archive.ArchiveCaughtUp;
import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.certification.CertificateRevoked;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumberIndex;

/**
 * SUB-3 and SUB-5 around a decision: an officer's override (reason, expiry, audit, budget, lapse), a revoked
 * certificate reversing its grant, certificates decided in bulk, and a what-if that reproduces the year from the
 * frozen inputs and writes nothing.
 */
@IntegrationTest
class SubsidyEffectsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubsidyDecisions decisions;

	@Autowired
	TestClock clock;

	@Autowired
	MessageSource messages;

	@Autowired
	PersonRegistry persons;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A completed enrolment in a county: its id and its trainee's keyed index. */
	Object[] completedIn(String countyPath, int skip) {
		return jdbc.sql("""
				select e.id, e.person_index from training.enrolment e
				join training.training_class c on c.id = e.class_id
				left join training.training_order o on o.id = c.order_id
				where e.status = 'COMPLETED' and coalesce(o.county_path, c.provider_path) like :path || '%'
				order by e.id desc offset :skip limit 1
				""").param("path", countyPath).param("skip", skip).query((rs, i) -> new Object[] { rs.getLong(1), IdNumberIndex.of(rs.getBytes(2)) })
				.single();
	}

	CertificateIssued decided(Object[] enrolment, String type, String occupation, String grade) {
		var id = SubsidyDecisionsIntegrationTests.IDS.incrementAndGet();
		var cert = new CertificateIssued(id, "EFFTEST" + id, (IdNumberIndex) enrolment[1], type, occupation, grade,
				LocalDate.now(clock), "机构", (Long) enrolment[0]);
		decisions.decide(cert);
		return cert;
	}

	long decisionOf(CertificateIssued cert) {
		return jdbc.sql("select id from subsidy.decision where certificate_id = :c").param("c", cert.certificateId())
				.query(Long.class).single();
	}

	BigDecimal committed(String county) {
		return committed(county, LocalDate.now(clock).getYear());
	}

	BigDecimal committed(String county, int year) {
		return jdbc.sql("""
				select coalesce(sum(committed), 0) from subsidy.budget
				where region_code = :c and funding_source = 'SKILLS_ACCOUNT' and year = :y""")
				.param("c", county).param("y", year).query(BigDecimal.class).single();
	}

	@Test
	void anOverrideNeedsAReasonAndAnExpiryIsAuditedCommitsTheBudgetAndLapses() throws Exception {
		var year = LocalDate.now(clock).getYear();
		mvc.perform(post("/api/v1/subsidies/budgets").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"region\": \"330603\", \"year\": %d, \"amount\": 50000}".formatted(year)))
				.andExpect(status().isOk());
		// an honour certificate is not one of the four types: denied by the rules
		var denied = decided(Trainees.completedIn(jdbc, persons, "330603"), "honour", "6-18-01-01", "junior");
		var id = decisionOf(denied);
		var before = committed("330603");
		var override = "{\"outcome\": \"GRANTED\", \"amount\": 800, \"reason\": %s, \"expiresOn\": \"%s\"}";
		mvc.perform(post("/api/v1/subsidies/decisions/{id}/override", id).header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content(override.formatted("null", LocalDate.now(clock).plusDays(30))))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("subsidy.override.reason-required"))
				.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/v1/subsidies/decisions/{id}/override", id).header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content(override.formatted("\"复核材料齐全\"", LocalDate.now(clock))))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("subsidy.override.expiry"))
				.andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
		mvc.perform(post("/api/v1/subsidies/decisions/{id}/override", id).header("Authorization", api.bearer("hangzhou"))
				.contentType(MediaType.APPLICATION_JSON).content(override.formatted("\"复核材料齐全\"", LocalDate.now(clock).plusDays(30))))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/subsidies/decisions/{id}/override", id).header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content(override.formatted("\"复核材料齐全\"", LocalDate.now(clock).plusDays(30))))
				.andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("DENIED"))
				.andExpect(jsonPath("$.effectiveOutcome").value("GRANTED")).andExpect(jsonPath("$.effectiveAmount").value(800))
				.andExpect(jsonPath("$.override.reason").value("复核材料齐全"));
		assertThat(committed("330603")).isEqualByComparingTo(before.add(BigDecimal.valueOf(800)));
		assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'subsidy.override' and target = :t and outcome = 'SUCCESS'")
				.param("t", "decision:" + id).query(Integer.class).single()).isEqualTo(1);

		// unpaid at its expiry, the override lapses: the rules' outcome again, the money back to the decision's year
		var decidedIn = LocalDate.now(clock).getYear();
		clock.advance(Duration.ofDays(31));
		assertThat(decisions.lapseExpiredOverrides()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select effective_outcome from subsidy.decision_in_effect where id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("DENIED");
		assertThat(committed("330603", decidedIn)).isEqualByComparingTo(before);
	}

	@Test
	void aRevokedCertificateReversesItsGrantReleasesTheBudgetAndTellsTheArchive() throws Exception {
		var year = LocalDate.now(clock).getYear();
		mvc.perform(post("/api/v1/subsidies/budgets").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"region\": \"330603\", \"year\": %d, \"amount\": 50000}".formatted(year)))
				.andExpect(status().isOk());
		var enrolment = Trainees.completedIn(jdbc, persons, "330603");
		var cert = decided(enrolment, "special-ability", "6-21-01-0" + (SubsidyDecisionsIntegrationTests.IDS.get() % 9 + 1), null);
		assertThat(jdbc.sql("select outcome from subsidy.decision where certificate_id = :c").param("c", cert.certificateId())
				.query(String.class).single()).isEqualTo("GRANTED");
		var before = committed("330603");
		decisions.reverse(new CertificateRevoked(cert.certificateId(), cert.number(), cert.holderIndex(), "冒名顶替", LocalDate.now(clock)));
		decisions.reverse(new CertificateRevoked(cert.certificateId(), cert.number(), cert.holderIndex(), "冒名顶替", LocalDate.now(clock)));
		assertThat(jdbc.sql("select outcome || ' ' || code || ' ' || recovery_due from subsidy.decision where certificate_id = :c")
				.param("c", cert.certificateId()).query(String.class).single())
				.isEqualTo("REVERSED subsidy.certificate-revoked false");
		assertThat(before.subtract(committed("330603"))).as("released once, on the first reversal")
				.isEqualByComparingTo(jdbc.sql("select amount from subsidy.decision where certificate_id = :c")
						.param("c", cert.certificateId()).query(BigDecimal.class).single());
		ArchiveCaughtUp.await(jdbc);
		assertThat(jdbc.sql("""
				select detail ->> 'reason' from archive.line
				where kind = 'SUBSIDY' and detail ->> 'certificate' = :n and detail ->> 'outcome' = 'REVERSED'
				""").param("n", cert.number()).query(String.class).list()).containsExactly("subsidy.certificate-revoked");
		assertThat(messages.getMessage("subsidy.certificate-revoked", null, Locale.SIMPLIFIED_CHINESE))
				.isEqualTo("证书已被撤销，补贴决定随之撤销");

		// the person filter finds this person's decisions only
		var person = jdbc.sql("select person_id from subsidy.decision where certificate_id = :c").param("c", cert.certificateId())
				.query(Long.class).single();
		var body = mvc.perform(get("/api/v1/subsidies/decisions").param("person", String.valueOf(person))
				.header("Authorization", api.bearer("shaoxing"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(JsonPath.<List<String>>read(body, "$[*].certificateNumber")).contains(cert.number());
		assertThat(JsonPath.<List<String>>read(body, "$[*].beneficiary")).as("one person's only")
				.hasSizeGreaterThanOrEqualTo(1).containsOnly(JsonPath.<String>read(body, "$[0].beneficiary"));
	}

	@Test
	void twoDecisionsRacingForTheLastMoneyGrantOneAndLetTheOtherWait() throws Exception {
		var nextYear = LocalDate.now(clock).plusYears(1);
		mvc.perform(post("/api/v1/subsidies/budgets").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"region\": \"330681\", \"year\": %d, \"amount\": 300}".formatted(nextYear.getYear())))
				.andExpect(status().isOk());
		var certificates = IntStream.range(0, 2).mapToObj(i -> {
			var trainee = Trainees.completedIn(jdbc, persons, "330681");
			var id = SubsidyDecisionsIntegrationTests.IDS.incrementAndGet();
			return new CertificateIssued(id, "RACE" + id, (IdNumberIndex) trainee[1], "training-completion", "4-10-01-01", null,
					nextYear, "机构", (Long) trainee[0]);
		}).toList();
		CompletableFuture.allOf(certificates.stream()
				.map(c -> CompletableFuture.runAsync(() -> decisions.decide(c)))
				.toArray(CompletableFuture[]::new)).join();
		assertThat(certificates.stream().map(c -> jdbc.sql("select outcome from subsidy.decision where certificate_id = :c")
				.param("c", c.certificateId()).query(String.class).single()).toList())
				.containsExactlyInAnyOrder("GRANTED", "WAITING");
		assertThat(jdbc.sql("select committed from subsidy.budget where region_code = '330681' and funding_source = 'SKILLS_ACCOUNT' and year = :y")
				.param("y", nextYear.getYear()).query(BigDecimal.class).single()).isEqualByComparingTo("300");
	}

	@Test
	void certificatesIssuedWithoutAnEventAreDecidedInBulkAndARerunDecidesNothingMore() throws Exception {
		var enrolment = Trainees.completedIn(jdbc, persons, "330106");
		var number = "BULKTEST" + SubsidyDecisionsIntegrationTests.IDS.incrementAndGet();
		// written straight into the register, as an old import would have: no event, no decision
		var certificate = jdbc.sql("""
				insert into certification.certificate (number, type, holder_index, holder_name, holder_id_masked,
				    occupation_code, grade, issuer, issued_on, source, training_enrolment_id)
				values (:n, 'training-completion', :h, '某', '330***', '4-10-01-01', null, '机构', current_date,
				    'test', :e)
				returning id
				""").param("n", number).param("h", enrolment[1]).param("e", enrolment[0]).query(Long.class).single();
		mvc.perform(post("/api/v1/subsidies/decisions/bulk").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isForbidden());
		var first = mvc.perform(post("/api/v1/subsidies/decisions/bulk").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(((Number) JsonPath.read(first, "$.decided")).intValue()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from subsidy.decision where certificate_id = :c").param("c", certificate)
				.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select steps -> 0 ->> 'rule' from subsidy.decision where certificate_id = :c")
				.param("c", certificate).query(String.class).single()).isEqualTo("qualifying-certificate");
		var again = mvc.perform(post("/api/v1/subsidies/decisions/bulk").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(((Number) JsonPath.read(again, "$.decided")).intValue()).isZero();
	}

	@Test
	void aWhatIfReproducesTheYearFromTheFrozenInputsAndPricesADraftWithoutWritingADecision() throws Exception {
		var year = LocalDate.now(clock).getYear();
		// at least one Shaoxing key-field grant this year
		decided(Trainees.completedIn(jdbc, persons, "330603"), "skill-level", "6-18-03-0" + (SubsidyDecisionsIntegrationTests.IDS.get() % 9 + 1), "junior");
		var draft = mvc.perform(post("/api/v1/subsidies/packs").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"scopeRegion": "330600", "effectiveFrom": "%d-01-01", "title": "绍兴（取消上浮，测算）",
						 "source": "测算用草案", "parameters": {"keyFieldUpliftPercent": 0, "keyFields": {}}}""".formatted(year + 5)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var packId = ((Number) JsonPath.read(draft, "$.id")).longValue();
		var decisionsBefore = jdbc.sql("select count(*) from subsidy.decision").query(Integer.class).single();
		var body = mvc.perform(post("/api/v1/subsidies/simulations").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"packId\": %d, \"year\": %d}".formatted(packId, year)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		var expectedNow = jdbc.sql("""
				select coalesce(sum(amount), 0) from subsidy.decision
				where scheme = 'TRAINING' and year = :y and paying_path like '/330000/330600/%' and inputs is not null
				  and outcome in ('GRANTED', 'WAITING')
				""").param("y", year).query(BigDecimal.class).single();
		assertThat(new BigDecimal(JsonPath.read(body, "$.currentTotal").toString()))
				.as("the rules on the frozen inputs give the decisions made").isEqualByComparingTo(expectedNow);
		var keyField = jdbc.sql("""
				select count(*) from subsidy.decision
				where scheme = 'TRAINING' and year = :y and paying_path like '/330000/330600/%' and inputs is not null
				  and outcome in ('GRANTED', 'WAITING') and cast(steps -> -1 -> 'arguments' ->> 4 as integer) = 30
				""").param("y", year).query(Integer.class).single();
		assertThat(keyField).isPositive();
		assertThat((Integer) JsonPath.read(body, "$.losers")).isEqualTo(keyField);
		assertThat((Integer) JsonPath.read(body, "$.gainers")).isZero();
		assertThat(new BigDecimal(JsonPath.read(body, "$.change").toString())).isNegative();
		assertThat(JsonPath.<List<String>>read(body, "$.byRegion[*].key")).allMatch(k -> k.startsWith("3306"));
		assertThat(jdbc.sql("select count(*) from subsidy.decision").query(Integer.class).single()).isEqualTo(decisionsBefore);
	}
}
