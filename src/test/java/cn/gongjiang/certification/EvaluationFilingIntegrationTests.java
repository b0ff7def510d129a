package cn.gongjiang.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;

/**
 * CRT-1, SUB-3 (issue 19): a provider certified a skill it was entitled to evaluate for nobody, and the certificate
 * earned a subsidy. Now a provider or school issues a skill certificate only under a standing filing (备案) for the
 * occupation, which the certificate records; a training-completion certificate needs none; the city's officers file
 * and withdraw, nobody else.
 */
@IntegrationTest
class EvaluationFilingIntegrationTests {

	@Autowired
	Clock clock;

	/** A detailed occupation no demo body is filed for. */
	static final String UNFILED = "6-20-01-02";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Imports imports;

	@Autowired
	Console console;

	@Test
	void aProviderCertifiesOnlyWhatItIsFiledToEvaluateAndTheCertificateSaysUnderWhichFiling() throws Exception {
		var holder = IdNumber.withCheckDigit("33060219880606555");
		send(post("/api/v1/persons"), "shaoxing", """
				{"idNumber": "%s", "name": "岑备案", "residenceRegion": "330602"}""".formatted(holder))
				.andExpect(status().isOk());

		send(post("/api/v1/certificates"), "provider-demo", certificate("FILE-A-1", holder, "skill-level"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.code").value("certificate.evaluator.not-filed"))
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("本机构未备案评价职业（工种）6-20-01-02")));
		assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'certificate.issue' and target = 'FILE-A-1' and outcome = 'DENIED'")
				.query(Long.class).single()).isEqualTo(1);
		// a training-completion certificate is the provider's own to give
		send(post("/api/v1/certificates"), "provider-demo", certificate("FILE-A-2", holder, "training-completion"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.evaluationFilingId").doesNotExist());

		var filing = """
				{"evaluatorCode": "52330600MJ9876543F", "basis": "SOCIAL_ORGANISATION", "occupationCode": "%s",
				 "validFrom": "2026-01-01"}""".formatted(UNFILED);
		for (var outsider : List.of("hangzhou", "keqiao", "provider-demo", "economy-dept", "sysadmin")) {
			send(post("/api/v1/evaluation-filings"), outsider, filing).andExpect(status().isForbidden());
		}
		var filed = send(post("/api/v1/evaluation-filings"), "shaoxing", filing).andExpect(status().isCreated())
				.andExpect(jsonPath("$.evaluatorName").value("绍兴市示范职业技能培训学校"))
				.andReturn().getResponse().getContentAsString();
		long filingId = ((Number) JsonPath.read(filed, "$.id")).longValue();
		send(post("/api/v1/evaluation-filings"), "province", filing).andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("certificate.evaluator.filed"));

		send(post("/api/v1/certificates"), "provider-demo", certificate("FILE-A-3", holder, "skill-level"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.evaluationFilingId").value(filingId));
		assertThat(jdbc.sql("select evaluation_filing_id from certification.certificate where number = 'FILE-A-3'")
				.query(Long.class).single()).isEqualTo(filingId);

		// the provider sees its own filings and nobody else's; Hangzhou does not see Shaoxing's
		var own = mvc.perform(get("/api/v1/evaluation-filings").param("pageSize", "200")
				.header("Authorization", api.bearer("provider-demo"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		List<String> codes = JsonPath.read(own, "$.items[*].evaluatorCode");
		assertThat(codes).isNotEmpty().containsOnly("52330600MJ9876543F");
		var hangzhou = mvc.perform(get("/api/v1/evaluation-filings").param("evaluator", "52330600MJ9876543F")
				.header("Authorization", api.bearer("hangzhou"))).andReturn().getResponse().getContentAsString();
		assertThat((Integer) JsonPath.read(hangzhou, "$.total")).isZero();
		// another city's filing is answered as unknown
		send(post("/api/v1/evaluation-filings/{id}/withdrawal", filingId), "hangzhou", "{\"reason\": \"试探\"}")
				.andExpect(status().isNotFound());

		send(post("/api/v1/evaluation-filings/{id}/withdrawal", filingId), "shaoxing", "{}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("certificate.evaluator.reason-required"));
		send(post("/api/v1/evaluation-filings/{id}/withdrawal", filingId), "shaoxing", "{\"reason\": \"年检不合格\"}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.withdrawnReason").value("年检不合格"));
		send(post("/api/v1/evaluation-filings/{id}/withdrawal", filingId), "province", "{\"reason\": \"重复\"}")
				.andExpect(status().isConflict());
		send(post("/api/v1/certificates"), "provider-demo", certificate("FILE-A-4", holder, "skill-level"))
				.andExpect(status().isUnprocessableContent());
		// what was issued under it stands
		assertThat(jdbc.sql("select status from certification.certificate where number = 'FILE-A-3'")
				.query(String.class).single()).isEqualTo("VALID");
	}

	@Test
	void aProvidersFileOfCertificatesKeepsTheRowsItWasFiledForAndNamesTheOthers() throws Exception {
		var holder = IdNumber.withCheckDigit("33060219880707666");
		send(post("/api/v1/persons"), "shaoxing", """
				{"idNumber": "%s", "name": "岑导入", "residenceRegion": "330602"}""".formatted(holder))
				.andExpect(status().isOk());
		var csv = "证书编号,姓名,身份证号,证书类型,职业编码,技能等级,发证机构,发证日期\n"
				+ "FILE-B-1,岑导入,%1$s,职业技能等级证书,6-18-01-01,中级工,绍兴市示范职业技能培训学校,%2$s\n"
				+ "FILE-B-2,岑导入,%1$s,职业技能等级证书,%3$s,中级工,绍兴市示范职业技能培训学校,%2$s\n"
				+ "FILE-B-3,岑导入,%1$s,培训合格证书,%3$s,,绍兴市示范职业技能培训学校,%2$s\n";
		var job = imports.run("provider-demo", "certificates", "certs.csv",
				csv.formatted(holder, LocalDate.now(clock).minusDays(2), UNFILED).getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("status", "DONE").containsEntry("acceptedRows", 2).containsEntry("rejectedRows", 1);
		assertThat(imports.errors("provider-demo", job)).containsExactly("3|职业编码|import.certificate.evaluator.not-filed");
		assertThat(jdbc.sql("""
				select c.number || ' ' || coalesce(f.occupation_code, '-') from certification.certificate c
				left join certification.evaluation_filing f on f.id = c.evaluation_filing_id
				where c.number like 'FILE-B-%' order by c.number""").query(String.class).list())
				.containsExactly("FILE-B-1 6-18-01-01", "FILE-B-3 -");
	}

	@Test
	void theCitysOfficerFilesFromTheConsoleAndTheProviderReadsItsOwn() throws Exception {
		var page = mvc.perform(get("/evaluation-filings").session(console.session("shaoxing"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"evaluation-form\"", "绍兴市示范职业技能培训学校", "社会培训评价组织", "车工")
				.doesNotContain(">SOCIAL_ORGANISATION<", "52330600MJ9876543F</td>");
		// withdrawing asks for the reason beside the list; another city cannot even open the form
		var filing = jdbc.sql("""
				select id from certification.evaluation_filing where evaluator_code = '52330600MJ9876543F'
				  and withdrawn_at is null order by id limit 1""").query(Long.class).single();
		var withdrawing = mvc.perform(get("/evaluation-filings").param("withdraw", String.valueOf(filing))
				.session(console.session("shaoxing"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(withdrawing).contains("id=\"withdraw-form\"", "id=\"withdraw-reason\"", "撤销备案");
		mvc.perform(get("/evaluation-filings").param("withdraw", String.valueOf(filing))
				.session(console.session("hangzhou"))).andExpect(status().isNotFound());
		var own = mvc.perform(get("/evaluation-filings").session(console.session("provider-demo")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(own).contains("绍兴市示范职业技能培训学校").doesNotContain("id=\"evaluation-form\"", "杭州市示范");
		var keqiao = mvc.perform(get("/evaluation-filings").session(console.session("keqiao")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(keqiao).doesNotContain("id=\"evaluation-form\"");
	}

	private String certificate(String number, String holder, String type) {
		return """
				{"number": "%s", "holderIdNumber": "%s", "holderName": "%s", "type": "%s",
				 "occupationCode": "%s", "grade": "中级工", "issuedOn": "%s"}"""
				.formatted(number, holder, holder.startsWith("33060219880606") ? "岑备案" : "岑导入", type, UNFILED,
						LocalDate.now(clock).minusDays(1));
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
		return mvc.perform(request.header("Authorization", api.bearer(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}
}
