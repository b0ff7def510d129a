package cn.gongjiang.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.TestNames;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.subsidy.claims.Claims;

/**
 * SUP-3 (issue 16), claims over caps: a submission past a scheme's cap is refused at once and kept as an attempt,
 * granted claims that together go past a cap (two approvals at the same moment) are found too, and both stand among
 * the officers' signals of the claimant's region, with the scheme, the claimant, the person masked, the cap and what
 * was claimed; a claim within its cap is not among them.
 */
@IntegrationTest
class ClaimsOverCapsIntegrationTests {

	static final AtomicInteger SERIAL = new AtomicInteger(100);
	static final String ENTERPRISE = "91330603MA2D12345A";

	static final Actor SHAOXING = new Actor(0, "shaoxing", "绍兴市人力社保局", Role.CITY_OFFICER,
			DataScope.region(RegionCode.of("330600"), "/330000/330600/"), false);
	static final Actor YUECHENG = new Actor(0, "yuecheng-test", "越城区人社局", Role.COUNTY_OFFICER,
			DataScope.region(RegionCode.of("330602"), "/330000/330600/330602/"), false);
	static final Actor KEQIAO = new Actor(0, "keqiao-test", "柯桥区人社局", Role.COUNTY_OFFICER,
			DataScope.region(RegionCode.of("330603"), "/330000/330600/330603/"), false);

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
	Claims claims;

	@Autowired
	SignalReviews reviews;


	@Autowired
	Clock clock;

	record Person(String id, String name, long registryId) {
	}

	/** A newly registered person of 柯桥区 working for enterprise-demo. */
	Person person(String prefix) {
		var n = SERIAL.incrementAndGet();
		var name = TestNames.of(prefix, n);
		var id = IdNumber.withCheckDigit("33062119810405" + n);
		persons.realName(IdNumber.parse(id), name, "330603", "test");
		jdbc.sql("update registry.person set employer_credit_code = :e where name = :n").param("e", ENTERPRISE)
				.param("n", name).update();
		return new Person(id, name, jdbc.sql("select id from registry.person where name = :n").param("n", name)
				.query(Long.class).single());
	}

	int submit(String scheme, String evidence) throws Exception {
		return mvc.perform(post("/api/v1/subsidies/claims").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scheme\": \"%s\", \"bankAccount\": \"6222 0212 3456 7890\", \"evidence\": {%s}}"
						.formatted(scheme, evidence)))
				.andReturn().getResponse().getStatus();
	}

	long submitted(String scheme, String evidence) throws Exception {
		var body = mvc.perform(post("/api/v1/subsidies/claims").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scheme\": \"%s\", \"bankAccount\": \"6222 0212 3456 7890\", \"evidence\": {%s}}"
						.formatted(scheme, evidence)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	void reviewed(long claim) throws Exception {
		mvc.perform(post("/api/v1/subsidies/claims/{id}/review", claim).header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"passed\": true}")).andExpect(status().isOk());
	}

	List<SignalReviews.Reviewed> signals(Actor actor, String kind) {
		return reviews.page(actor, kind, "ALL", PageRequest.of(1, 200, null, Map.of(), null)).items();
	}

	@Test
	void anAttemptPastACapAndAGrantedPairPastItAreSignalledAndAClaimWithinItIsNot() throws Exception {
		// refused at submission: 7,000 claimed against the 6,000 a new apprenticeship pays a person-year
		var apprentice = person("岑越限");
		assertThat(submit("APPRENTICESHIP", """
				"idNumber": "%s", "name": "%s", "contractNumber": "XT-9", "year": "2026", "amount": "7000"
				""".formatted(apprentice.id(), apprentice.name()))).isEqualTo(422);

		// within its cap: one year of directed training, granted
		var trainee = person("岑守限");
		var within = submitted("DIRECTED_TRAINING", """
				"idNumber": "%s", "name": "%s", "agreementNumber": "DX-9", "year": "2026"
				""".formatted(trainee.id(), trainee.name()));
		reviewed(within);
		claims.decide(SHAOXING, within, true, null);

		// two technician allowances of 24 months for one technician: the platform approves the first and refuses the
		// second (24 + 24 of the 36 months), but a pair past the cap can still come in from the city's old system
		// (历史数据迁移), which is what the signal is for
		var technician = person("岑技限");
		var certificate = "CAPS" + SERIAL.incrementAndGet();
		jdbc.sql("""
				insert into certification.certificate (number, type, holder_index, holder_name, holder_id_masked,
				    occupation_code, grade, issuer, issued_on, source)
				select :n, 'skill-level', id_number_index, name, '330621********0000', '6-18-01-01', 'technician',
				    '鉴定中心', '2025-06-01', 'test' from registry.person where id = :p
				""").param("n", certificate).param("p", technician.registryId()).update();
		var first = YearMonth.now(clock).minusMonths(2);
		var evidence = "\"idNumber\": \"%s\", \"name\": \"%s\", \"certificateNumber\": \"%s\", \"firstMonth\": \"%s\", \"months\": \"24\"";
		var one = submitted("TECHNICIAN_ALLOWANCE", evidence.formatted(technician.id(), technician.name(), certificate, first));
		reviewed(one);
		claims.decide(SHAOXING, one, true, null);
		assertThat(submit("TECHNICIAN_ALLOWANCE",
				evidence.formatted(technician.id(), technician.name(), certificate, first.plusMonths(24)))).isEqualTo(422);
		var other = jdbc.sql("""
				insert into subsidy.claim (scheme, claimant_code, claimant_name, claimant_path, person_index, person_id,
				    person_masked, period, evidence, amount, bank_account_sealed, bank_account_masked, status,
				    submitted_by, decided_by, decided_at, pack_version, steps)
				select scheme, claimant_code, claimant_name, claimant_path, person_index, person_id, person_masked,
				    :period, evidence, amount, bank_account_sealed, bank_account_masked, 'APPROVED', 'migration',
				    'migration', now(), pack_version, steps
				from subsidy.claim where id = :one
				returning id""").param("one", one).param("period", first.plusMonths(24) + " … " + first.plusMonths(47))
				.query(Long.class).single();
		jdbc.sql("""
				insert into subsidy.allowance_schedule (claim_id, first_month, months, monthly_amount, employer_code,
				    funding_source, payee)
				select :other, first_month + interval '24 months', months, monthly_amount, employer_code, funding_source,
				    payee
				from subsidy.allowance_schedule where claim_id = :one""").param("other", other).param("one", one).update();

		var attempt = "CLAIM_OVER_CAP_ATTEMPTS:APPRENTICESHIP:" + ENTERPRISE + ":person:" + apprentice.registryId();
		var granted = "CLAIMS_OVER_CAP:TECHNICIAN_ALLOWANCE:person:" + technician.registryId();
		var keqiao = signals(KEQIAO, null);
		var refused = keqiao.stream().filter(r -> r.key().equals(attempt)).findFirst().orElseThrow().claim();
		assertThat(refused.scheme()).isEqualTo("APPRENTICESHIP");
		assertThat(refused.claimantName()).isEqualTo("绍兴示范机械有限公司");
		assertThat(refused.person()).startsWith("岑*").contains("********");
		assertThat(refused.cap()).isEqualByComparingTo("6000");
		assertThat(refused.claimed()).isEqualByComparingTo("7000");
		assertThat(refused.unit()).isEqualTo("YUAN");
		var pair = keqiao.stream().filter(r -> r.key().equals(granted)).findFirst().orElseThrow().claim();
		assertThat(pair.claims()).containsExactly(one, other);
		assertThat(pair.cap()).isEqualByComparingTo("36");
		assertThat(pair.claimed()).isEqualByComparingTo("48");
		assertThat(pair.unit()).isEqualTo("MONTHS");
		assertThat(keqiao).noneMatch(r -> r.key().endsWith(":person:" + trainee.registryId()));

		// the city sees them too; another county of the city does not
		assertThat(signals(SHAOXING, null)).extracting(SignalReviews.Reviewed::key).contains(attempt, granted);
		assertThat(signals(YUECHENG, null)).extracting(SignalReviews.Reviewed::key).doesNotContain(attempt, granted);

		// on the signals page in words, and in the API with what it is about
		var page = mvc.perform(get("/supervision").param("tab", "signals").param("status", "ALL").param("size", "200")
				.session(console.session("shaoxing"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("超上限申请被拒", "获批申请合计超上限", "企业新型学徒制培训补贴", "高技能人才岗位津贴",
				"申请金额 7,000 元，超过 6,000 元的上限", "2 份获批申请合计 48 个月",
				"/subsidies/claims/" + one + "\"", "/subsidies/claims/" + other + "\"")
				.doesNotContain("CLAIM_OVER_CAP_ATTEMPTS:APPRENTICESHIP</", "APPRENTICESHIP</");
		var anomalies = mvc.perform(get("/api/v1/supervision/anomalies").param("size", "200")
				.header("Authorization", api.bearer("keqiao"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		List<Object> caps = JsonPath.read(anomalies, "$[?(@.key == '" + granted + "')].claim.cap");
		assertThat(caps).hasSize(1);
		List<String> details = JsonPath.read(anomalies, "$[?(@.key == '" + attempt + "')].detail");
		assertThat(details).singleElement().asString().contains("7,000", "6,000");
	}

	@Test
	void aRefusedAttemptIsReviewedLikeAnyOtherSignalAndOpenAgainAtTheNextAttempt() throws Exception {
		var person = person("岑再限");
		var overseas = """
				"idNumber": "%s", "name": "%s", "destination": "德国", "days": "45", "amount": "30000"
				""".formatted(person.id(), person.name());
		assertThat(submit("OVERSEAS_TRAINING", overseas)).isEqualTo(422);
		var key = "CLAIM_OVER_CAP_ATTEMPTS:OVERSEAS_TRAINING:" + ENTERPRISE + ":person:" + person.registryId();
		var signal = signals(KEQIAO, "CLAIM_OVER_CAP_ATTEMPTS").stream().filter(r -> r.key().equals(key)).findFirst()
				.orElseThrow();
		assertThat(signal.claim().unit()).isEqualTo("DAYS");
		assertThat(signal.claim().claimed()).isEqualByComparingTo("45");
		assertThat(signal.open()).isTrue();

		mvc.perform(post("/supervision/signals/review").param("key", key).param("note", "已电话核实，企业改为分两次出访")
				.session(console.session("keqiao")).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(reviews.page(KEQIAO, "CLAIM_OVER_CAP_ATTEMPTS", "REVIEWED",
				PageRequest.of(1, 200, null, Map.of(), null)).items())
				.anyMatch(r -> r.key().equals(key) && r.note().equals("已电话核实，企业改为分两次出访"));

		assertThat(submit("OVERSEAS_TRAINING", overseas)).isEqualTo(422);
		var again = signals(KEQIAO, "CLAIM_OVER_CAP_ATTEMPTS").stream().filter(r -> r.key().equals(key)).findFirst()
				.orElseThrow();
		assertThat(again.open()).as("open again after another refused attempt").isTrue();
		assertThat(jdbc.sql("select count(*) from subsidy.claim_refusal where person_id = :p")
				.param("p", person.registryId()).query(Long.class).single()).isEqualTo(2);
	}
}
