package cn.gongjiang.subsidy;

import static cn.gongjiang.Races.audited;
import static cn.gongjiang.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
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
import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.subsidy.payments.BankFile;
import cn.gongjiang.subsidy.payments.BatchStatus;
import cn.gongjiang.subsidy.payments.PaymentBatches;

/**
 * Issue 17: a status change lost to a racing officer is refused with 409, never recorded as done twice — payment
 * batches (SUB-3: approval, the first bank-file export) and enterprise claims (SUB-4: review, decision).
 */
@IntegrationTest
class LostRacesIntegrationTests {

	static final AtomicInteger SERIAL = new AtomicInteger(700);

	static final Actor SHAOXING = new Actor(0, "shaoxing", "绍兴市人力社保局", Role.CITY_OFFICER,
			DataScope.region(RegionCode.of("330600"), "/330000/330600/"), false);
	static final Actor PROVINCE = new Actor(0, "province", "省人力社保厅", Role.PROVINCE_OFFICER,
			DataScope.region(RegionCode.of("330000"), "/330000/"), false);
	static final Actor YUECHENG = new Actor(0, "yuecheng-test", "越城区人社局", Role.COUNTY_OFFICER,
			DataScope.region(RegionCode.of("330602"), "/330000/330600/330602/"), false);

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubsidyDecisions decisions;

	@Autowired
	PaymentBatches batches;

	@Autowired
	PersonRegistry persons;

	@Autowired
	Clock clock;

	@Autowired
	Console console;

	/** A draft batch of Yuecheng's training subsidies, opened by Shaoxing's officer. */
	long draftBatch() throws Exception {
		mvc.perform(post("/api/v1/subsidies/budgets").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"region\": \"330602\", \"year\": %d, \"amount\": 100000}".formatted(LocalDate.now(clock).getYear())))
				.andExpect(status().isOk());
		var enrolment = Trainees.completedIn(jdbc, persons, "330602");
		var id = SubsidyDecisionsIntegrationTests.IDS.incrementAndGet();
		decisions.decide(new CertificateIssued(id, "RACE" + id, (IdNumberIndex) enrolment[1], "special-ability",
				"6-20-0" + (id % 9 + 1) + "-0" + (id % 7 + 1), null, LocalDate.now(clock), "机构", (Long) enrolment[0]));
		return batches.open(SHAOXING, "330602", "SKILLS_ACCOUNT").id();
	}

	/** What an officer is answered: 200 when the change is theirs, 409 when it was refused as lost. */
	static int answer(Callable<?> action) throws Exception {
		try {
			action.call();
			return 200;
		}
		catch (ConflictException e) {
			return 409;
		}
	}

	@Test
	void twoOfficersApprovingTheSameBatchAtOnceApproveItOnceAndTheLoserIsAnswered409_SUB3() throws Exception {
		var batch = draftBatch();
		var answers = race(() -> answer(() -> batches.approve(PROVINCE, batch)),
				() -> answer(() -> batches.approve(YUECHENG, batch)));
		assertThat(answers).containsExactlyInAnyOrder(200, 409);
		var approver = answers.get(0) == 200 ? "province" : "yuecheng-test";
		var stored = batches.batch(PROVINCE, batch);
		assertThat(stored.status()).isEqualTo(BatchStatus.APPROVED);
		assertThat(stored.approvedBy()).isEqualTo(approver);
		assertThat(stored.version()).as("changed once").isEqualTo(2);
		assertThat(audited(jdbc, "subsidy.batch.approve", "batch:" + batch, "SUCCESS")).isOne();
	}

	@Test
	void aBankFileAskedForFromAStalePageComesBackToThePaymentsPageInWords_SUB3() throws Exception {
		var batch = draftBatch();
		batches.approve(PROVINCE, batch);
		var seen = batches.batch(PROVINCE, batch).version();
		jdbc.sql("update subsidy.payment_batch set version = version + 1 where id = :id").param("id", batch).update();
		var session = console.session("shaoxing");
		mvc.perform(get("/subsidies/payments/batches/{id}/bank-file", batch).param("format", "xlsx")
				.param("version", String.valueOf(seen)).session(session))
				.andExpect(status().is3xxRedirection())
				.andExpect(MockMvcResultMatchers.redirectedUrl("/subsidies/payments"))
				.andExpect(MockMvcResultMatchers.flash().attribute("error",
						Matchers.not(Matchers.containsString("{"))));
		assertThat(batches.batch(PROVINCE, batch).status()).isEqualTo(BatchStatus.APPROVED);
		// from the page as it now stands, the file comes and the batch is sent
		var file = mvc.perform(get("/subsidies/payments/batches/{id}/bank-file", batch).param("format", "xlsx")
				.param("version", String.valueOf(seen + 1)).session(session))
				.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(file.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(batches.batch(PROVINCE, batch).status()).isEqualTo(BatchStatus.SENT);
	}

	@Test
	void anApprovalFromAPageOlderThanTheBatchIsRefusedAndTheBatchStaysADraft_SUB3() throws Exception {
		var batch = draftBatch();
		var seen = batches.batch(PROVINCE, batch).version();
		// the batch moves on while the page is open (re-assembled, say): the officer acting from the old page is refused
		jdbc.sql("update subsidy.payment_batch set version = version + 1 where id = :id").param("id", batch).update();
		mvc.perform(post("/api/v1/subsidies/payments/batches/{id}/approve", batch).param("version", String.valueOf(seen))
				.header("Authorization", api.bearer("province")))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("subsidy.batch.changed"));
		assertThat(batches.batch(PROVINCE, batch).status()).isEqualTo(BatchStatus.DRAFT);
		assertThat(audited(jdbc, "subsidy.batch.approve", "batch:" + batch, "SUCCESS")).isZero();
		assertThat(audited(jdbc, "subsidy.batch.approve", "batch:" + batch, "FAILURE")).isOne();
		// existing callers that pass no version still approve
		mvc.perform(post("/api/v1/subsidies/payments/batches/{id}/approve", batch)
				.header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
	}

	@Test
	void twoOfficersSendingTheSameApprovedBatchAtOnceSendItOnceAndTheLoserIsAnswered409_SUB3() throws Exception {
		var batch = draftBatch();
		var seen = batches.approve(PROVINCE, batch).version();
		var answers = race(
				() -> answer(() -> {
					batches.bankFile(SHAOXING, batch, BankFile.Format.CSV, new ByteArrayOutputStream(), seen);
					return null;
				}),
				() -> answer(() -> {
					batches.bankFile(YUECHENG, batch, BankFile.Format.CSV, new ByteArrayOutputStream(), seen);
					return null;
				}));
		assertThat(answers).containsExactlyInAnyOrder(200, 409);
		var stored = batches.batch(PROVINCE, batch);
		assertThat(stored.status()).isEqualTo(BatchStatus.SENT);
		assertThat(stored.sentBy()).isEqualTo(answers.get(0) == 200 ? "shaoxing" : "yuecheng-test");
		assertThat(stored.version()).as("changed once").isEqualTo(seen + 1);
		assertThat(audited(jdbc, "subsidy.batch.bank-file", "batch:" + batch, "SUCCESS")).isOne();
		assertThat(jdbc.sql("select detail from audit.audit_event where action = 'subsidy.batch.bank-file' and target = :t "
				+ "and outcome = 'SUCCESS'").param("t", "batch:" + batch).query(String.class).single()).contains(" sent ");
		// a lost file is still fetched again, without a version as before, and sends nothing twice
		var again = new ByteArrayOutputStream();
		batches.bankFile(PROVINCE, batch, BankFile.Format.CSV, again);
		assertThat(again.size()).isPositive();
		assertThat(batches.batch(PROVINCE, batch).version()).isEqualTo(seen + 1);
	}

	String person() {
		var id = IdNumber.withCheckDigit("33062119900202" + SERIAL.incrementAndGet());
		persons.realName(IdNumber.parse(id), "周晓岚", "330603", "test");
		return id;
	}

	long submittedClaim() throws Exception {
		var evidence = "\"idNumber\": \"%s\", \"name\": \"周晓岚\", \"agreementNumber\": \"DX-2026-09\", \"year\": \"2026\""
				.formatted(person());
		var body = mvc.perform(post("/api/v1/subsidies/claims").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scheme\": \"DIRECTED_TRAINING\", \"bankAccount\": \"6222 0212 3456 7890\", \"evidence\": {%s}}"
						.formatted(evidence)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	Callable<Integer> verdict(String account, long claim, String step, boolean passed, String reason) {
		return () -> mvc.perform(post("/api/v1/subsidies/claims/{id}/" + step, claim)
				.header("Authorization", api.bearer(account)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"passed\": %s, \"reason\": %s}".formatted(passed, reason == null ? "null" : "\"" + reason + "\"")))
				.andReturn().getResponse().getStatus();
	}

	String claimStatus(long claim) {
		return jdbc.sql("select status from subsidy.claim where id = :id").param("id", claim).query(String.class).single();
	}

	@Test
	void twoOfficersReviewingTheSameClaimAtOnceReviewItOnceAndTheLoserIsAnswered409_SUB4() throws Exception {
		var claim = submittedClaim();
		var answers = race(verdict("keqiao", claim, "review", true, null),
				verdict("shaoxing", claim, "review", false, "协议未盖章"));
		assertThat(answers).containsExactlyInAnyOrder(200, 409);
		assertThat(claimStatus(claim)).isEqualTo(answers.get(0) == 200 ? "REVIEWED" : "REJECTED");
		assertThat(audited(jdbc, "subsidy.claim.review", "claim:" + claim, "SUCCESS")).isOne();
	}

	@Test
	void anApprovalAndARejectionOfTheSameClaimAtOnceDecideItOnceAndTheLoserIsAnswered409_SUB4() throws Exception {
		var claim = submittedClaim();
		assertThat(verdict("keqiao", claim, "review", true, null).call()).isEqualTo(200);
		var answers = race(verdict("shaoxing", claim, "decision", true, null),
				verdict("province", claim, "decision", false, "材料不全"));
		assertThat(answers).containsExactlyInAnyOrder(200, 409);
		var approved = answers.get(0) == 200;
		assertThat(claimStatus(claim)).isEqualTo(approved ? "APPROVED" : "REJECTED");
		assertThat(jdbc.sql("select count(*) from subsidy.decision where claim_id = :c").param("c", claim)
				.query(Integer.class).single()).as("decisions follow the winner").isEqualTo(approved ? 1 : 0);
		assertThat(audited(jdbc, "subsidy.claim.decide", "claim:" + claim, "SUCCESS")).isOne();
	}

	@Test
	void twoOfficersRejectingTheSameClaimAtOnceRejectItOnceAndTheLoserIsAnswered409_SUB4() throws Exception {
		var claim = submittedClaim();
		assertThat(verdict("keqiao", claim, "review", true, null).call()).isEqualTo(200);
		var answers = race(verdict("shaoxing", claim, "decision", false, "材料不全"),
				verdict("province", claim, "decision", false, "协议过期"));
		assertThat(answers).containsExactlyInAnyOrder(200, 409);
		assertThat(jdbc.sql("select decided_by from subsidy.claim where id = :id").param("id", claim)
				.query(String.class).single()).isEqualTo(answers.get(0) == 200 ? "shaoxing" : "province");
		assertThat(audited(jdbc, "subsidy.claim.decide", "claim:" + claim, "SUCCESS")).isOne();
	}
}
