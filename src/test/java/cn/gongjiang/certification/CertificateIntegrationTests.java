package cn.gongjiang.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.PublishedEvents;

/** CRT-1, CRT-2: certificates by import and API, revocation, public verification that leaks nothing. */
@IntegrationTest
class CertificateIntegrationTests {

	static final String HEADER = "证书编号,姓名,身份证号,证书类型,职业编码,技能等级,发证机构,发证日期\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublishedEvents events;

	@Test
	void certificatesAreImportedWithEveryBadRowNamedAndReplaysChangeNothing() throws Exception {
		registerPerson("330602198705054411", "沈建国");
		var csv = HEADER
				+ "Z2026000001,沈建国,330602198705054411,职业技能等级证书,6-18-01-01,高级工,绍兴市职业技能鉴定中心,2026-05-20\n"
				+ "Z2026000002,沈建军,330602198705054411,职业技能等级证书,6-18-01-01,中级工,绍兴市职业技能鉴定中心,2026-05-20\n"
				+ "Z2026000001,沈建国,330602198705054411,培训合格证书,,,绍兴市职业技能鉴定中心,2026-05-20\n"
				+ "Z2026000003,沈建国,330602198705054411,职业技能等级证书,9-99-99-99,,绍兴市职业技能鉴定中心,2026-05-20\n"
				+ "Z2026000004,沈建国,330602198705054411,荣誉证书,,,绍兴市职业技能鉴定中心,2026-05-20\n"
				+ "Z2026000005,陆小凤,330602199911114416,专项职业能力证书,,,绍兴市职业技能鉴定中心,2026/06/01\n";
		var job = imports.run("shaoxing", "certificates", "certs.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("status", "DONE").containsEntry("acceptedRows", 2).containsEntry("rejectedRows", 4);
		assertThat(imports.errors("shaoxing", job)).containsExactlyInAnyOrder(
				"3|姓名|import.name-mismatch",
				"4|证书编号|import.duplicate-in-file",
				"5|职业编码|import.occupation.unknown",
				"5|技能等级|import.required",
				"6|证书类型|import.certificate-type.unknown");
		// X-5 (issue 18): an imported file's certificates travel a chunk to an event, not one event each
		assertThat(events.of(CertificatesIssued.class)).flatExtracting(e -> e.certificates().stream()
				.map(CertificateIssued::number).toList()).contains("Z2026000001", "Z2026000005");
		assertThat(events.of(CertificateIssued.class).map(CertificateIssued::number)).doesNotContain("Z2026000001");
		// SUB-3 and the targets: the chunk is decided and counted as a single certificate would be
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				select count(*) from event_publication where completion_date is null
				  and serialized_event like '%Z2026000001%'""").query(Long.class).single() == 0);
		assertThat(jdbc.sql("""
				select count(*) from subsidy.decision where certificate_number = 'Z2026000001'
				""").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from targets.contribution where evidence = 'certificate:Z2026000001'
				""").query(Long.class).single()).as("counted as new skilled (and high-skilled: 高级工)").isEqualTo(2);
		var again = imports.run("shaoxing", "certificates", "certs.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again).containsEntry("acceptedRows", 0).containsEntry("unchangedRows", 2);
		assertThat(jdbc.sql("select count(*) from certification.certificate where number like 'Z202600000%'")
				.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void anIssuerIssuesAnOfficerRevokesAndVerificationTellsTheTruth() throws Exception {
		mvc.perform(post("/api/v1/certificates").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"number": "SX-2026-0007", "holderIdNumber": "330602199003071238", "holderName": "张明",
						 "type": "skill-level", "occupationCode": "6-18-01-01", "grade": "技师", "issuedOn": "2026-09-01"}"""))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.issuer").value("绍兴市示范职业技能培训学校"))
				.andExpect(jsonPath("$.holderIdMasked").value("330602********1238"));
		mvc.perform(post("/api/v1/certificates").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"number": "SX-2026-0007", "holderIdNumber": "330602199003071238", "holderName": "张明",
						 "type": "training-completion", "issuedOn": "2026-09-01"}"""))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("certificate.number.taken"));
		mvc.perform(get("/api/v1/certificates/verify").param("number", "SX-2026-0007").param("name", "张明").with(from("10.0.0.1")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.valid").value(true))
				.andExpect(jsonPath("$.holder").value("张*"))
				.andExpect(jsonPath("$.grade").value("技师(二级)"))
				.andExpect(jsonPath("$.occupation").value("6-18-01-01 车工"));
		mvc.perform(post("/api/v1/certificates/SX-2026-0007/revocation").header("Authorization", api.bearer("worker-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/certificates/SX-2026-0007/revocation").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"考试作弊\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"));
		assertThat(events.of(CertificateIssued.class).map(CertificateIssued::number)).contains("SX-2026-0007");
		assertThat(events.of(CertificateRevoked.class).map(CertificateRevoked::number)).contains("SX-2026-0007");
		mvc.perform(get("/api/v1/certificates/verify").param("number", "SX-2026-0007").param("name", "张明").with(from("10.0.0.1")))
				.andExpect(jsonPath("$.valid").value(false));
	}

	@Test
	void aMalformedHolderIdNumberOrAMissingFieldIsABadRequestThatNamesTheRuleAndTheField() throws Exception {
		mvc.perform(post("/api/v1/certificates").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"number": "SX-2026-0901", "holderIdNumber": "330602199003071239", "holderName": "张明",
						 "type": "training-completion", "issuedOn": "2026-09-01"}"""))
				.andExpect(status().isBadRequest())
				.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
				.andExpect(jsonPath("$.code").value("id-number.check-digit"))
				// issue 17: the field is named beside the rule
				.andExpect(jsonPath("$.errors[0].field").value("holderIdNumber"))
				.andExpect(jsonPath("$.errors[0].code").value("id-number.check-digit"))
				.andExpect(jsonPath("$.errors[0].message").value("身份证号校验码错误（GB 11643 MOD 11-2）"));
		mvc.perform(post("/api/v1/certificates").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"number": "SX-2026-0902", "holderIdNumber": "33060219900307", "holderName": "张明",
						 "type": "training-completion", "issuedOn": "2026-09-01"}"""))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("id-number.format"));
		mvc.perform(post("/api/v1/certificates").header("Authorization", api.bearer("provider-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("certificate.number.required"))
				.andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("number", "holderIdNumber",
						"holderName", "type", "issuedOn")))
				.andExpect(jsonPath("$.errors[*].code").value(Matchers.contains("certificate.number.required",
						"certificate.id-number.required", "certificate.name.required", "certificate.type.required",
						"certificate.issued-on.required")));
	}

	@Test
	void aWrongNameAndAnUnknownNumberGetTheSameAnswer() throws Exception {
		importOne("Z2026100001", "吕萍", "330602198508084427");
		var wrongName = mvc.perform(get("/api/v1/certificates/verify").param("number", "Z2026100001").param("name", "吕平")
				.with(from("10.0.0.2"))).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
		var unknown = mvc.perform(get("/api/v1/certificates/verify").param("number", "Z2099999999").param("name", "吕萍")
				.with(from("10.0.0.2"))).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
		assertThat(strip(wrongName)).isEqualTo(strip(unknown));
		assertThat(JsonPath.<String>read(unknown, "$.code")).isEqualTo("certificate.verify.no-match");
	}

	@Test
	void verificationIsRationedPerClientAddress() throws Exception {
		for (int i = 0; i < 30; i++) {
			mvc.perform(get("/api/v1/certificates/verify").param("number", "N" + i + "00000").param("name", "x")
					.with(from("10.0.0.3"))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/v1/certificates/verify").param("number", "N0000000").param("name", "x").with(from("10.0.0.3")))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After"))
				.andExpect(jsonPath("$.code").value("certificate.verify.rate-limited"));
		mvc.perform(get("/api/v1/certificates/verify").param("number", "N0000000").param("name", "x").with(from("10.0.0.4")))
				.andExpect(status().isNotFound());
	}

	@Test
	void thePublicPageVerifiesWithoutSignIn() throws Exception {
		importOne("Z2026200001", "卫东", "330602198609094413");
		mvc.perform(get("/verify").param("number", "Z2026200001").param("name", "卫东").with(from("10.0.0.5")))
				.andExpect(status().isOk())
				.andExpect(MockMvcResultMatchers.content()
						.string(Matchers.containsString("证书有效")));
	}

	private void importOne(String number, String name, String idNumber) throws Exception {
		var csv = HEADER + number + "," + name + "," + idNumber + ",培训合格证书,,,绍兴市职业技能鉴定中心,2026-01-15\n";
		assertThat(imports.run("shaoxing", "certificates", number + ".csv", csv.getBytes(StandardCharsets.UTF_8)))
				.containsEntry("acceptedRows", 1);
	}

	private void registerPerson(String idNumber, String name) throws Exception {
		mvc.perform(post("/api/v1/persons").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"idNumber\": \"%s\", \"name\": \"%s\", \"residenceRegion\": \"330602\"}".formatted(idNumber, name)))
				.andExpect(status().isOk());
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String strip(String problem) {
		return problem.replaceAll("\"(correlationId|instance)\":\"[^\"]*\"", "");
	}
}
