package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.archive.ArchiveCaughtUp;
import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumberIndex;

/**
 * SUB-1, SUB-3: decisions for certificates that follow the demo's completed classes — the Shaoxing uplift against the
 * same certificate in Hangzhou, replay and race leave one grant, a budget exhausted makes the decision wait.
 */
@IntegrationTest
class SubsidyDecisionsIntegrationTests {

	@Autowired
	Clock clock;

	static final AtomicLong IDS = new AtomicLong(9_000_000);

	@Autowired
	SubsidyDecisions decisions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	MessageSource messages;

	/** A completed enrolment of the demo in a city: its id and its trainee's keyed index. */
	Object[] completedIn(String cityPath, int skip) {
		return jdbc.sql("""
				select e.id, e.person_index from training.enrolment e
				join training.training_class c on c.id = e.class_id
				where e.status = 'COMPLETED' and c.provider_path like :path || '%' order by e.id offset :skip limit 1
				""").param("path", cityPath).param("skip", skip).query((rs, i) -> new Object[] { rs.getLong(1), IdNumberIndex.of(rs.getBytes(2)) })
				.single();
	}

	CertificateIssued certificate(Object[] enrolment, String occupation, String grade, LocalDate on) {
		var id = IDS.incrementAndGet();
		return new CertificateIssued(id, "SUBTEST" + id, (IdNumberIndex) enrolment[1], "skill-level", occupation, grade, on,
				"示范职业技能培训学校", (Long) enrolment[0]);
	}

	String outcome(CertificateIssued c) {
		return jdbc.sql("select outcome || ' ' || coalesce(cast(amount as text), '') || ' ' || coalesce(code, '') "
				+ "from subsidy.decision where certificate_id = :id").param("id", c.certificateId()).query(String.class).single();
	}

	@Test
	void aLatheCertificateInShaoxingGetsThirtyPercentMoreThanTheSameInHangzhou() throws Exception {
		var today = LocalDate.now(clock);
		var shaoxing = certificate(completedIn("/330000/330600/", 0), "6-18-01-01", "technician", today);
		var hangzhou = certificate(completedIn("/330000/330100/", 0), "6-18-01-01", "technician", today);
		decisions.decide(shaoxing);
		decisions.decide(hangzhou);
		assertThat(outcome(shaoxing)).isEqualTo("GRANTED 3250 ");
		assertThat(outcome(hangzhou)).isEqualTo("GRANTED 2500 ");
		mvc.perform(get("/api/v1/subsidies/decisions").param("certificateNumber", shaoxing.number())
				.header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].outcome").value("GRANTED"))
				.andExpect(jsonPath("$[0].amount").value(3250))
				// v2 (the 实施意见 of 2022-2025) lapsed; v3 is the demo's continuation of it from 2026 (DemoPolicy)
				.andExpect(jsonPath("$[0].policyVersions").value("330000 v1+330600 v3"))
				.andExpect(jsonPath("$[0].steps[5].reason").value("subsidy.step.amount.standard"))
				.andExpect(jsonPath("$[0].steps[5].arguments[4]").value(30))
				.andExpect(jsonPath("$[0].steps[5].arguments[5]").value("高端装备"))
				.andExpect(jsonPath("$[0].steps[5].amount").value(3250))
				.andExpect(jsonPath("$[0].beneficiary").value(Matchers.containsString("********")));
		mvc.perform(get("/api/v1/subsidies/decisions").param("certificateNumber", shaoxing.number())
				.header("Authorization", api.bearer("hangzhou")))
				.andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void aPharmaceuticalCertificateInShaoxingIsRaisedAsModernMedicineAndSaysWhy() throws Exception {
		// SUB-2 (issue 16): 药物制剂工 (6-12-03-00) was labelled 新材料
		var pharma = certificate(Trainees.completedIn(jdbc, persons, "330602"), "6-12-03-00", "intermediate", LocalDate.now(clock));
		decisions.decide(pharma);
		var steps = jdbc.sql("select steps::text from subsidy.decision where certificate_id = :id")
				.param("id", pharma.certificateId()).query(String.class).single();
		assertThat(steps).contains("现代医药").doesNotContain("新材料");
		var sheet = mvc.perform(get("/subsidies/packs").session(console.session("shaoxing"))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(sheet).contains("医药制造人员：化学药品、中药、生物药品和药物制剂的制造，即现代医药产业");
	}

	@Test
	void aCertificateIsPricedByTheCatalogueAsItStoodOnTheDayItWasIssued() throws Exception {
		// SUB-1 (issue 16): an entry since ended still prices the certificates issued while it stood
		mvc.perform(post("/api/v1/demand/catalogue").header("Authorization", api.bearer("province"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"occupationCode": "6-20-01-02", "grade": "junior", "standardYuan": 1234, "shortage": false,
						 "validFrom": "2025-01-01", "validUntil": "2025-12-31", "basis": "2025年度目录"}"""))
				.andExpect(status().is2xxSuccessful());
		var then = certificate(Trainees.completedIn(jdbc, persons, "330102"), "6-20-01-02", "junior", LocalDate.of(2025, 6, 1));
		decisions.decide(then);
		// granted at the 2025 entry's standard (paid when the county's 2025 budget allows)
		assertThat(outcome(then)).matches("(GRANTED|WAITING) 1234 .*");
	}

	@Test
	void aReplayedEventAndTwoRacingCertificatesLeaveOneGrant() throws Exception {
		// the demo's Hangzhou trainee who failed: no grant this year, whatever ran before
		var trainee = completedIn("/330000/330100/", 1);
		var first = certificate(trainee, "6-18-01-02", "junior", LocalDate.now(clock));
		decisions.decide(first);
		decisions.decide(first);
		assertThat(jdbc.sql("select count(*) from subsidy.decision where certificate_id = :id").param("id", first.certificateId())
				.query(Integer.class).single()).isEqualTo(1);

		var a = certificate(trainee, "6-18-01-03", "junior", LocalDate.now(clock));
		var b = certificate(trainee, "6-18-01-03", "junior", LocalDate.now(clock));
		CompletableFuture.allOf(CompletableFuture.runAsync(() -> decisions.decide(a)),
				CompletableFuture.runAsync(() -> decisions.decide(b))).join();
		assertThat(List.of(outcome(a), outcome(b))).filteredOn(o -> o.startsWith("GRANTED")).hasSize(1);
		assertThat(List.of(outcome(a), outcome(b)))
				.anySatisfy(o -> assertThat(o).endsWith("subsidy.repeat-occupation-grade"));
	}

	@Test
	void withoutMoneyTheDecisionWaitsAndProceedsWhenTheBudgetIsAdded() throws Exception {
		var trainee = completedIn("/330000/330100/", 1);
		var nextYear = LocalDate.now(clock).plusYears(1);
		var waiting = certificate(trainee, "6-31-01-03", "senior", nextYear);
		decisions.decide(waiting);
		assertThat(outcome(waiting)).as("the catalogue sets 1000 for 6-31-01-03").isEqualTo("WAITING 1000 subsidy.budget-exhausted");
		var county = jdbc.sql("select paying_region from subsidy.decision where certificate_id = :id")
				.param("id", waiting.certificateId()).query(String.class).single();
		mvc.perform(post("/api/v1/subsidies/budgets").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"region\": \"%s\", \"year\": %d, \"amount\": 10000}".formatted(county, nextYear.getYear())))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/subsidies/budgets").header("Authorization", api.bearer("hangzhou"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"region\": \"%s\", \"year\": %d, \"amount\": 10000}".formatted(county, nextYear.getYear())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.released").value(1));
		assertThat(outcome(waiting)).isEqualTo("GRANTED 1000 ");
		assertThat(jdbc.sql("select committed from subsidy.budget where region_code = :c and funding_source = 'SKILLS_ACCOUNT' and year = :y").param("c", county)
				.param("y", nextYear.getYear()).query(BigDecimal.class).single()).isEqualByComparingTo("1000");
	}

	@Test
	void anotherPersonsTrainingDoesNotCount() {
		var mine = completedIn("/330000/330600/", 0);
		var someoneElses = completedIn("/330000/330100/", 0);
		var borrowed = new CertificateIssued(IDS.incrementAndGet(), "SUBTEST-B" + IDS.get(), (IdNumberIndex) mine[1], "skill-level",
				"6-18-01-01", "junior", LocalDate.now(clock), "机构", (Long) someoneElses[0]);
		decisions.decide(borrowed);
		assertThat(outcome(borrowed)).isEqualTo("DENIED  subsidy.no-completed-training");
	}

	@Test
	void aCertificateWithoutACompletedTrainingIsDeniedWithItsReason() {
		var id = IDS.incrementAndGet();
		var imported = new CertificateIssued(id, "SUBTEST" + id, (IdNumberIndex) completedIn("/330000/330600/", 0)[1],
				"skill-level", "6-18-01-01", "senior", LocalDate.now(clock), "鉴定中心", null);
		decisions.decide(imported);
		assertThat(outcome(imported)).isEqualTo("DENIED  subsidy.no-completed-training");
		ArchiveCaughtUp.await(jdbc);
		var why = jdbc.sql("""
				select e.detail ->> 'reason' from archive.line e join registry.person p on p.id = e.person_id
				where e.kind = 'SUBSIDY' and e.detail ->> 'certificate' = :number
				""").param("number", imported.number()).query(String.class).single();
		assertThat(messages.getMessage(why, null, Locale.SIMPLIFIED_CHINESE))
				.as("the beneficiary reads why on their archive").isEqualTo("平台没有该证书对应的已结业培训记录");
	}

	@Autowired
	Console console;

	@Autowired
	PersonRegistry persons;

	@Test
	void officersReadThePacksAsTablesAndTheDecisionsWithTheirSteps() throws Exception {
		var shaoxing = certificate(completedIn("/330000/330600/", 0), "6-18-01-01", "senior-technician", LocalDate.now(clock));
		decisions.decide(shaoxing);
		var session = console.session("shaoxing");
		mvc.perform(get("/subsidies/packs").session(session)).andExpect(status().isOk())
				.andExpect(MockMvcResultMatchers.content()
						.string(Matchers.containsString("示例标准")));
		mvc.perform(get("/subsidies").param("certificateNumber", shaoxing.number()).session(session))
				.andExpect(status().isOk())
				.andExpect(MockMvcResultMatchers.content()
						.string(Matchers.containsString(shaoxing.number())));
		var id = jdbc.sql("select id from subsidy.decision where certificate_id = :id").param("id", shaoxing.certificateId())
				.query(Long.class).single();
		mvc.perform(get("/subsidies/decisions/{id}", id).session(session)).andExpect(status().isOk())
				.andExpect(MockMvcResultMatchers.content()
						.string(Matchers.allOf(Matchers.containsString("浙人社发〔2022〕32号 §13"),
								Matchers.containsString("每人每年次数上限"))));
	}

	@Test
	void aNewVersionIsDraftedComparedAndPublishedByAnotherOfficerAndDecidesFromItsDate() throws Exception {
		var nextYear = LocalDate.now(clock).plusYears(1).withDayOfYear(1);
		var body = mvc.perform(post("/api/v1/subsidies/packs").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"scopeRegion": "330600", "effectiveFrom": "%s", "title": "绍兴市制造业紧缺领域培训补贴上浮（调整）",
						 "source": "绍兴市人力社保局 调整通知（示例）",
						 "parameters": {"keyFieldUpliftPercent": 40, "keyFields": {"6-18": "高端装备"}}}""".formatted(nextYear)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var draft = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		// the next version of the city's: after the demo's continuation (v3) and any draft an earlier test left
		int version = JsonPath.read(body, "$.version");
		assertThat(version).isGreaterThanOrEqualTo(4);
		mvc.perform(get("/api/v1/subsidies/packs/{id}/compare", draft).header("Authorization", api.bearer("province")))
				.andExpect(jsonPath("$[?(@.parameter == 'keyFieldUpliftPercent')].draft").value(Matchers.hasItem(40)))
				.andExpect(jsonPath("$[?(@.parameter == 'keyFieldUpliftPercent')].inForce").value(Matchers.hasItem(30)));
		mvc.perform(post("/api/v1/subsidies/packs/{id}/publish", draft).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("subsidy.pack.second-officer"));
		mvc.perform(post("/api/v1/subsidies/packs/{id}/publish", draft).header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/subsidies/packs/{id}/publish", draft).header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.version").value(version));
		mvc.perform(post("/api/v1/subsidies/packs/{id}/publish", draft).header("Authorization", api.bearer("province")))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("subsidy.pack.published"));

		// a trainee of the demo's finished Shaoxing class who failed: no grant yet, whatever ran before
		var trainee = completedIn("/330000/330600/", 1);
		var before = certificate(trainee, "6-18-02-01", "technician", nextYear.minusDays(1));
		var after = certificate(trainee, "6-18-02-02", "technician", nextYear);
		decisions.decide(before);
		decisions.decide(after);
		assertThat(jdbc.sql("select amount || ' ' || policy_versions from subsidy.decision where certificate_id = :id")
				.param("id", before.certificateId()).query(String.class).single()).isEqualTo("3250 330000 v1+330600 v3");
		assertThat(jdbc.sql("select amount || ' ' || policy_versions from subsidy.decision where certificate_id = :id")
				.param("id", after.certificateId()).query(String.class).single()).isEqualTo("3500 330000 v1+330600 v" + version);
	}
}
