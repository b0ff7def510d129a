package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.subsidy.claims.Allowances;
import cn.gongjiang.subsidy.payments.BankAccounts;

/**
 * SUB-4 end to end: an enterprise's claim under Shaoxing's schemes, refused at once when a rule says no, reviewed by
 * the county, approved by another officer, turned into one decision per entitlement; a monthly allowance accrues
 * while the holder stays and stops when they leave.
 */
@IntegrationTest
class ClaimsIntegrationTests {

	@Autowired
	Clock clock;

	static final AtomicInteger SERIAL = new AtomicInteger(100);

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Console console;

	@Autowired
	PersonRegistry persons;

	@Autowired
	Allowances allowances;

	@Autowired
	BankAccounts bankAccounts;

	/** A newly registered person of 柯桥区 and their ID number. */
	String person(String name) {
		var id = IdNumber.withCheckDigit("33062119880101" + SERIAL.incrementAndGet());
		persons.realName(IdNumber.parse(id), name, "330603", "test");
		return id;
	}

	long submit(String account, String scheme, String evidence) throws Exception {
		var body = mvc.perform(post("/api/v1/subsidies/claims").header("Authorization", api.bearer(account))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scheme\": \"%s\", \"bankAccount\": \"6222 0212 3456 7890\", \"evidence\": {%s}}".formatted(scheme, evidence)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"))
				.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	void verdict(String account, long claim, String step, boolean passed, String reason, int expected) throws Exception {
		mvc.perform(post("/api/v1/subsidies/claims/{id}/" + step, claim).header("Authorization", api.bearer(account))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"passed\": %s, \"reason\": %s}".formatted(passed, reason == null ? "null" : "\"" + reason + "\"")))
				.andExpect(status().is(expected));
	}

	@Test
	void aDirectedTrainingClaimIsReviewedApprovedByAnotherOfficerAndDecidedOncePerPersonYear() throws Exception {
		var id = person("林小峰");
		var evidence = "\"idNumber\": \"%s\", \"name\": \"林小峰\", \"agreementNumber\": \"DX-2026-01\", \"year\": \"2026\"".formatted(id);
		var claim = submit("enterprise-demo", "DIRECTED_TRAINING", evidence);
		mvc.perform(get("/api/v1/subsidies/claims/{id}", claim).header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(jsonPath("$.amount").value(5000)).andExpect(jsonPath("$.schemeName").value("企业定向培养补贴"))
				.andExpect(jsonPath("$.evidence.idNumber").value(Matchers.containsString("****")))
				.andExpect(jsonPath("$.steps[1].clause").value(Matchers.containsString("第11条")));
		// the same person-year again is refused at once, naming the rule
		mvc.perform(post("/api/v1/subsidies/claims").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scheme\": \"DIRECTED_TRAINING\", \"bankAccount\": \"6222021234567890\", \"evidence\": {%s}}".formatted(evidence)))
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("subsidy.claim.period-held"));
		mvc.perform(post("/api/v1/subsidies/claims").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scheme\": \"APPRENTICESHIP\", \"bankAccount\": \"6222021234567890\", \"evidence\": {\"idNumber\": \"%s\", \"name\": \"林小峰\", \"contractNumber\": \"A1\", \"year\": \"2026\", \"amount\": \"7000\"}}".formatted(id)))
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("subsidy.claim.over-cap"));

		verdict("hangzhou", claim, "review", true, null, 404);
		verdict("keqiao", claim, "review", true, null, 200);
		verdict("keqiao", claim, "decision", true, null, 409);
		verdict("shaoxing", claim, "decision", true, null, 200);
		mvc.perform(get("/api/v1/subsidies/decisions").param("claim", String.valueOf(claim))
				.header("Authorization", api.bearer("keqiao")))
				.andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].scheme").value("DIRECTED_TRAINING"))
				.andExpect(jsonPath("$[0].outcome").value("GRANTED")).andExpect(jsonPath("$[0].amount").value(5000))
				.andExpect(jsonPath("$[0].period").value("2026"))
				.andExpect(jsonPath("$[0].fundingSource").value("CITY_TALENT_FUND"))
				.andExpect(jsonPath("$[0].payingRegion").value("330603"));
		// the account is sealed and masked on the claim and on its decision, never kept in clear
		for (var table : List.of("subsidy.claim where id = :c", "subsidy.decision where claim_id = :c")) {
			var stored = jdbc.sql("select bank_account, bank_account_sealed, bank_account_masked from " + table)
					.param("c", claim).query((rs, i) -> new Object[] { rs.getString(1), rs.getBytes(2), rs.getString(3) })
					.single();
			assertThat(stored[0]).as(table).isNull();
			assertThat(new String((byte[]) stored[1], StandardCharsets.ISO_8859_1)).doesNotContain("6222021234567890");
			assertThat(stored[2]).isEqualTo("************7890");
		}
		// one written in clear by an earlier version is sealed at the next start
		jdbc.sql("update subsidy.claim set bank_account = '6222 0299 8888 1234', bank_account_sealed = null where id = :c")
				.param("c", claim).update();
		bankAccounts.sealPlainAccounts();
		assertThat(jdbc.sql("select bank_account is null and bank_account_masked = '************1234' from subsidy.claim where id = :c")
				.param("c", claim).query(Boolean.class).single()).isTrue();
		assertThat(bankAccounts.open(jdbc.sql("select bank_account_sealed from subsidy.claim where id = :c").param("c", claim)
				.query(byte[].class).single())).isEqualTo("6222 0299 8888 1234");

		// the next year: rejected by the reviewer, with a reason
		var next = submit("enterprise-demo", "DIRECTED_TRAINING", evidence.replace("2026\"", "2027\""));
		verdict("keqiao", next, "review", false, null, 400);
		verdict("keqiao", next, "review", false, "协议未盖章", 200);
		mvc.perform(get("/api/v1/subsidies/claims/{id}", next).header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(jsonPath("$.status").value("REJECTED")).andExpect(jsonPath("$.reason").value("协议未盖章"));
		verdict("shaoxing", next, "decision", true, null, 409);
	}

	@Test
	void aTechnicianAllowanceAccruesMonthByMonthWhileTheHolderStaysAndStopsWhenTheyLeave() throws Exception {
		var id = person("周技师");
		var index = jdbc.sql("select id_number_index from registry.person where name = '周技师'").query(byte[].class).single();
		jdbc.sql("update registry.person set employer_credit_code = '91330603MA2D12345A' where id_number_index = :i")
				.param("i", index).update();
		var number = "TECH" + SERIAL.incrementAndGet();
		jdbc.sql("""
				insert into certification.certificate (number, type, holder_index, holder_name, holder_id_masked,
				    occupation_code, grade, issuer, issued_on, source)
				values (:n, 'skill-level', :i, '周技师', '330621********0000', '6-18-01-01', 'technician', '鉴定中心',
				    '2025-06-01', 'test')
				""").param("n", number).param("i", index).update();
		var first = YearMonth.now(clock).minusMonths(2);
		var claim = submit("enterprise-demo", "TECHNICIAN_ALLOWANCE", """
				"idNumber": "%s", "name": "周技师", "certificateNumber": "%s", "firstMonth": "%s", "months": "12"
				""".formatted(id, number, first));
		verdict("keqiao", claim, "review", true, null, 200);
		verdict("shaoxing", claim, "decision", true, null, 200);
		assertThat(months(claim)).as("the months begun so far").containsExactly(first.toString(),
				first.plusMonths(1).toString(), first.plusMonths(2).toString());
		assertThat(jdbc.sql("select sum(amount) from subsidy.decision where claim_id = :c").param("c", claim)
				.query(Integer.class).single()).isEqualTo(1500);
		// SUB-4 (issue 16): 政府岗位津贴 is the worker's, paid to their own card, and the decision says so
		assertThat(jdbc.sql("""
				select distinct beneficiary_kind || ' ' || beneficiary_name || ' ' || coalesce(bank_account_masked, '-')
				from subsidy.decision where claim_id = :c""").param("c", claim).query(String.class).list())
				.containsExactly("PERSON 周技师 -");
		var decision = jdbc.sql("select min(id) from subsidy.decision where claim_id = :c").param("c", claim)
				.query(Long.class).single();
		var page = mvc.perform(MockMvcRequestBuilders
				.get("/subsidies/decisions/{id}", decision).session(console.session("shaoxing"))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"decision-payee\"", "（本人社会保障卡）").doesNotContain("绍兴示范机械有限公司（单位账户");

		// the same month is never decided twice, and the next month comes when it begins
		allowances.accrue(claim, LocalDate.now(clock));
		assertThat(months(claim)).hasSize(3);
		allowances.accrue(claim, LocalDate.now(clock).plusMonths(1));
		assertThat(months(claim)).hasSize(4);

		// they leave: the schedule ends and no further month is decided
		jdbc.sql("update registry.person set employer_credit_code = null where id_number_index = :i").param("i", index).update();
		allowances.accrue(claim, LocalDate.now(clock).plusMonths(2));
		assertThat(months(claim)).hasSize(4);
		assertThat(jdbc.sql("select ended_reason from subsidy.allowance_schedule where claim_id = :c").param("c", claim)
				.query(String.class).single()).isEqualTo("subsidy.allowance.left-employer");
	}

	List<String> months(long claim) {
		return jdbc.sql("select period from subsidy.decision where claim_id = :c order by period").param("c", claim)
				.query(String.class).list();
	}

	@Test
	void onlyOrganisationsClaimAndOnlyWhereTheirCityHasTheScheme() throws Exception {
		mvc.perform(get("/api/v1/subsidies/claims/schemes").header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(jsonPath("$.length()").value(9))
				.andExpect(jsonPath("$[?(@.code == 'TRAINING_BASE')].evidence[0]").value(Matchers.hasItem("baseName")));
		mvc.perform(post("/api/v1/subsidies/claims").header("Authorization", api.bearer("worker-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"scheme\": \"STUDY_TOUR\", \"bankAccount\": \"62220212345678\", \"evidence\": {}}"))
				.andExpect(status().isForbidden());
	}
}
