package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.archive.ArchiveCaughtUp;
import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.subsidy.payments.PaymentAssembly;

/**
 * SUB-3 payment: a batch per paying region and funding source, approved by a second officer, sent as a bank file,
 * settled from the bank's statement (a failed line back in the queue, a replayed statement changing nothing), and a
 * process killed in the middle of assembling a batch resumed with no line lost or taken twice.
 */
@IntegrationTest
class PaymentBatchesIntegrationTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubsidyDecisions decisions;

	@Autowired
	PaymentAssembly assembly;

	@Autowired
	DataSource dataSource;

	@Autowired
	PersonRegistry persons;

	@Autowired
	Environment environment;

	/** Two granted decisions of Yuecheng's training (越城区, 330602), with money in its budget. */
	List<Long> grantedInYuecheng() throws Exception {
		var enrolments = List.of(Trainees.completedIn(jdbc, persons, "330602"), Trainees.completedIn(jdbc, persons, "330602"));
		var year = LocalDate.now(clock).getYear();
		mvc.perform(post("/api/v1/subsidies/budgets").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"region\": \"330602\", \"year\": %d, \"amount\": 100000}".formatted(year)))
				.andExpect(status().isOk());
		var ids = new ArrayList<Long>();
		for (var e : enrolments) {
			var id = SubsidyDecisionsIntegrationTests.IDS.incrementAndGet();
			var occupation = "6-20-0" + (id % 9 + 1) + "-0" + (id % 7 + 1);
			decisions.decide(new CertificateIssued(id, "PAYTEST" + id, (IdNumberIndex) e[1], "special-ability", occupation,
					null, LocalDate.now(clock), "机构", (Long) e[0]));
			ids.add(jdbc.sql("select id from subsidy.decision where certificate_id = :c and outcome = 'GRANTED'")
					.param("c", id).query(Long.class).single());
		}
		return ids;
	}

	@Test
	void aBatchIsApprovedBySecondOfficerSentAndSettledFromTheStatement() throws Exception {
		var mine = grantedInYuecheng();
		var due = JsonPath.<List<Integer>>read(mvc.perform(get("/api/v1/subsidies/payments/queue")
				.header("Authorization", api.bearer("shaoxing"))).andReturn().getResponse().getContentAsString(),
				"$[?(@.payingRegion == '330602' && @.fundingSource == 'SKILLS_ACCOUNT')].decisions").get(0);
		var body = mvc.perform(post("/api/v1/subsidies/payments/batches").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"region\": \"330602\", \"fundingSource\": \"SKILLS_ACCOUNT\"}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
				.andExpect(jsonPath("$.lineCount").value(due)).andReturn().getResponse().getContentAsString();
		long batch = ((Number) JsonPath.read(body, "$.id")).longValue();
		assertThat(jdbc.sql("select count(*) from subsidy.payment_line where batch_id = :b and decision_id = any(:d)")
				.param("b", batch).param("d", mine.toArray(Long[]::new)).query(Integer.class).single()).isEqualTo(2);

		// nothing is left for a second batch, and nothing is sent before a second officer approves
		mvc.perform(post("/api/v1/subsidies/payments/batches").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"region\": \"330602\", \"fundingSource\": \"SKILLS_ACCOUNT\"}"))
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("subsidy.batch.nothing-due"));
		mvc.perform(get("/api/v1/subsidies/payments/batches/{id}/bank-file", batch).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("subsidy.batch.not-approved"));
		mvc.perform(post("/api/v1/subsidies/payments/batches/{id}/approve", batch).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("subsidy.batch.second-officer"));
		mvc.perform(post("/api/v1/subsidies/payments/batches/{id}/approve", batch).header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/subsidies/payments/batches/{id}/approve", batch).header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

		// a name stored before names were checked on input cannot run as a formula in the bank's spreadsheet
		jdbc.sql("update registry.person set name = '=cmd|'' /C calc''!A0' where id = (select person_id from subsidy.decision where id = :d)")
				.param("d", mine.get(0)).update();
		var file = mvc.perform(get("/api/v1/subsidies/payments/batches/{id}/bank-file", batch).param("format", "csv")
				.header("Authorization", api.bearer("shaoxing"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray();
		var csv = new String(file, StandardCharsets.UTF_8);
		assertThat(csv).contains(",'=cmd|' /C calc'!A0,").doesNotContain(",=cmd");
		assertThat(csv).startsWith("\uFEFF明细编号,收款人类别,收款人名称").contains("社会保障卡", "职业技能培训补贴 证书PAYTEST");
		var lines = csv.lines().skip(1).toList();
		assertThat(lines).hasSize(due);
		// the bank needs the full ID number to find the social security card: it is in the file, and nowhere else
		assertThat(lines.get(0).split(",")[3]).matches("\\d{17}[\\dX]");
		var again = mvc.perform(get("/api/v1/subsidies/payments/batches/{id}/bank-file", batch).param("format", "csv")
				.header("Authorization", api.bearer("shaoxing"))).andReturn().getResponse().getContentAsByteArray();
		assertThat(again).as("a lost file fetched again is the same file").isEqualTo(file);

		var references = lines.stream().map(l -> l.split(",")).toList();
		var statement = new StringBuilder("明细编号,金额（元）,结果,失败原因,银行流水号\n");
		statement.append(references.get(0)[0]).append(',').append(references.get(0)[5]).append(",失败,账户已销户,\n");
		for (var r : references.subList(1, references.size())) {
			statement.append(r[0]).append(',').append(r[5]).append(",成功,,B").append(r[0]).append('\n');
		}
		statement.append(references.get(1)[0]).append(",1,成功,,\n");
		statement.append("GJ999999-1,100,成功,,\n");
		var job = imports.run("shaoxing", "payment-statement", "statement.csv", statement.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(imports.errors("shaoxing", job)).containsExactlyInAnyOrder(
				(due + 2) + "|金额（元）|import.payment.amount.mismatch", (due + 3) + "|明细编号|import.payment.line.not-found");
		assertThat(((Number) job.get("acceptedRows")).intValue()).isEqualTo(due);
		mvc.perform(get("/api/v1/subsidies/payments/batches/{id}", batch).header("Authorization", api.bearer("shaoxing")))
				.andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.paid").value(due - 1))
				.andExpect(jsonPath("$.failed").value(1));

		// the same statement again changes nothing
		var replay = imports.run("shaoxing", "payment-statement", "statement.csv", statement.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(((Number) replay.get("acceptedRows")).intValue()).isZero();
		assertThat(((Number) replay.get("unchangedRows")).intValue()).isEqualTo(due);

		// the failed line's decision is back in the queue, with the bank's reason
		var failedDecision = jdbc.sql("select decision_id from subsidy.payment_line where status = 'FAILED' and batch_id = :b")
				.param("b", batch).query(Long.class).single();
		mvc.perform(get("/api/v1/subsidies/payments/queue").header("Authorization", api.bearer("shaoxing")))
				.andExpect(jsonPath("$[?(@.payingRegion == '330602' && @.fundingSource == 'SKILLS_ACCOUNT')].failedBefore")
						.value(Matchers.hasItem(1)));
		assertThat(jdbc.sql("select payment_status || ' ' || payment_failure from subsidy.decision_in_effect where id = :id")
				.param("id", failedDecision).query(String.class).single()).isEqualTo("FAILED 账户已销户");
		var next = mvc.perform(post("/api/v1/subsidies/payments/batches").header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"region\": \"330602\", \"fundingSource\": \"SKILLS_ACCOUNT\"}"))
				.andExpect(status().isForbidden());
		next = mvc.perform(post("/api/v1/subsidies/payments/batches").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"region\": \"330602\", \"fundingSource\": \"SKILLS_ACCOUNT\"}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.lineCount").value(1));

		// SUP-4 (issue 16): the auditor's workbook holds the year's money, and its decisions add up to the batches
		var workbookBytes = mvc.perform(get("/api/v1/supervision/audit-export.xlsx")
				.param("year", String.valueOf(LocalDate.now(clock).getYear())).header("Authorization", api.bearer("province")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(workbookBytes))) {
			var sheets = workbook.getSheets().toList();
			assertThat(sheets).extracting(Sheet::getName)
					.containsExactly("培训记录", "补贴决定", "付款批次");
			var decisionRows = sheets.get(1).read();
			var batchRows = sheets.get(2).read();
			assertThat(decisionRows.get(1).getCellText(12)).isEqualTo("银行流水参考号");
			var ours = decisionRows.subList(2, decisionRows.size()).stream()
					.filter(r -> r.getCellText(11).equals(String.valueOf(batch))).toList();
			assertThat(ours).hasSize(due - 1).allSatisfy(r -> {
				assertThat(r.getCellText(12)).startsWith("GJ" + batch + "-");
				assertThat(r.getCellText(7)).isEqualTo("职业技能提升行动专账资金");
				assertThat(r.getCellText(10)).isEqualTo("已到账");
			});
			var paid = ours.stream().map(r -> new BigDecimal(r.getCellText(13)))
					.reduce(BigDecimal.ZERO, BigDecimal::add);
			var batchRow = batchRows.subList(2, batchRows.size()).stream()
					.filter(r -> r.getCellText(0).equals(String.valueOf(batch))).findFirst().orElseThrow();
			var failedAmount = jdbc.sql("select amount from subsidy.payment_line where batch_id = :b and status = 'FAILED'")
					.param("b", batch).query(BigDecimal.class).single();
			assertThat(paid).isEqualByComparingTo(new BigDecimal(batchRow.getCellText(5)).subtract(failedAmount))
					.isEqualByComparingTo(new BigDecimal(batchRow.getCellText(6)));
		}

		// the paid beneficiary's archive says so, in codes the archive renders: the scheme's code, the reason's key
		ArchiveCaughtUp.await(jdbc);
		assertThat(jdbc.sql("""
				select count(*) from archive.line where kind = 'SUBSIDY' and detail ->> 'outcome' = 'PAID'
				  and detail ->> 'certificate' like 'PAYTEST%'
				""").query(Integer.class).single()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("""
				select distinct (detail ->> 'scheme') || ' ' || (detail ->> 'reason') || ' ' || ((detail -> 'why') is not null)
				from archive.line where kind = 'SUBSIDY' and detail ->> 'outcome' = 'PAID'
				  and detail ->> 'certificate' like 'PAYTEST%'
				""").query(String.class).list()).containsExactly("TRAINING subsidy.paid false");
	}

	@Test
	void aBatchNamesOneOfTheFiveFundingSourcesAndTheDatabaseHoldsNoOther() throws Exception {
		// issue 17: refused at the door with the source named, not taken as free text into a bank file
		mvc.perform(post("/api/v1/subsidies/payments/batches").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"region\": \"330602\", \"fundingSource\": \"人才经费\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("subsidy.batch.source-unknown"))
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("人才经费")));
		assertThat(jdbc.sql("select count(*) from subsidy.payment_batch where funding_source = '人才经费'")
				.query(Integer.class).single()).isZero();
		// and the tables themselves refuse one that slips past the code
		assertThatThrownBy(() -> jdbc.sql("""
				insert into subsidy.decision (scheme, business_key, holder_index, beneficiary_masked, year, paying_region,
				    paying_path, outcome, amount, policy_versions, steps, funding_source)
				values ('TRAINING', 'SOURCE-CHECK', '\\x00'::bytea, '张*', 2026, '330602', '/330000/330600/330602/',
				        'GRANTED', 1000, 'test', '[]', '人才经费')""").update())
				.hasMessageContaining("decision_funding_source_check");
		assertThatThrownBy(() -> jdbc.sql("""
				insert into subsidy.payment_batch (paying_region, paying_path, funding_source, status, created_by)
				values ('330602', '/330000/330600/330602/', '人才经费', 'DRAFT', 'shaoxing')""").update())
				.hasMessageContaining("payment_batch_funding_source_check");
	}

	@Test
	void aProcessKilledWhileAssemblingABatchIsResumedWithoutALineLostOrTakenTwice() throws Exception {
		// 20,000 granted decisions due in 越城区 from the unemployment-insurance fund, which nothing else in the suite pays
		var tag = "KILL-TEST-" + System.nanoTime();
		jdbc.sql("""
				insert into subsidy.decision (scheme, business_key, holder_index, beneficiary_masked, year, paying_region,
				    paying_path, outcome, amount, policy_versions, steps, funding_source)
				select 'TRAINING', :tag || ':' || n, decode(md5(:tag || n), 'hex'), '张*', 2026, '330602',
				       '/330000/330600/330602/', 'GRANTED', 1000, 'test', '[]', 'UNEMPLOYMENT_INSURANCE'
				from generate_series(1, 20000) n
				""").param("tag", tag).update();
		var batch = jdbc.sql("""
				insert into subsidy.payment_batch (paying_region, paying_path, funding_source, status, created_by)
				values ('330602', '/330000/330600/330602/', 'UNEMPLOYMENT_INSURANCE', 'ASSEMBLING', 'shaoxing') returning id
				""").query(Long.class).single();
		String url;
		String user;
		try (var connection = dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			user = connection.getMetaData().getUserName();
		}
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// the embedded database asks every connection for its generated password
		var password = environment.getProperty("spring.datasource.password", "");
		var worker = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AssemblyWorker.class.getName(),
				url, user, String.valueOf(batch), password).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (lines(batch) < 3_000 && System.nanoTime() < deadline && worker.isAlive()) {
			Thread.sleep(20);
		}
		worker.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback but the database's own
		worker.waitFor();
		var atKill = lines(batch);
		assertThat(atKill).as("killed half-way").isBetween(3_000, 19_999);
		assertThat(jdbc.sql("select status from subsidy.payment_batch where id = :b").param("b", batch)
				.query(String.class).single()).isEqualTo("ASSEMBLING");

		assembly.assemble(batch);
		assertThat(lines(batch)).isEqualTo(20_000);
		assertThat(jdbc.sql("""
				select count(distinct l.decision_id) from subsidy.payment_line l where l.batch_id = :b
				""").param("b", batch).query(Integer.class).single()).isEqualTo(20_000);
		assertThat(jdbc.sql("select status || ' ' || line_count || ' ' || total from subsidy.payment_batch where id = :b")
				.param("b", batch).query(String.class).single()).isEqualTo("DRAFT 20000 20000000");
	}

	private int lines(long batch) {
		return jdbc.sql("select count(*) from subsidy.payment_line where batch_id = :b").param("b", batch)
				.query(Integer.class).single();
	}
}
