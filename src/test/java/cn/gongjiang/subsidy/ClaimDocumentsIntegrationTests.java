package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.TestNames;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.subsidy.claims.ClaimDocuments;

/**
 * SUB-4 (issue 16): a claim carries its evidence as files, not only typed fields: kept with their SHA-256, told apart
 * by their content (a zip or an executable named .pdf is refused), at most 10 MB each, listed on the claim's page for
 * the claimant and the reviewing officers, handed back byte for byte under their own name, and to nobody else.
 */
@IntegrationTest
class ClaimDocumentsIntegrationTests {

	static final AtomicInteger SERIAL = new AtomicInteger(100);

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

	/** A PDF as a scanner writes one, its bytes not text. */
	static final byte[] PDF = pdf(40_000);

	static byte[] pdf(int size) {
		var bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) (i * 31 + 7);
		}
		System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
		return bytes;
	}

	/** A directed-training claim of enterprise-demo for a newly registered person of 柯桥区, waiting for review. */
	long claim() throws Exception {
		var n = SERIAL.incrementAndGet();
		var name = TestNames.of("闻证", n);
		var id = IdNumber.withCheckDigit("33062119790203" + n);
		persons.realName(IdNumber.parse(id), name, "330603", "test");
		var body = mvc.perform(post("/api/v1/subsidies/claims").header("Authorization", api.bearer("enterprise-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"scheme": "DIRECTED_TRAINING", "bankAccount": "6222 0212 3456 7890", "evidence": {"idNumber": "%s",
						 "name": "%s", "agreementNumber": "DX-2026-07", "year": "2026"}}""".formatted(id, name)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	ResultActions attach(String account, long claim, MockMultipartFile file)
			throws Exception {
		return mvc.perform(multipart("/api/v1/subsidies/claims/{id}/documents", claim).file(file)
				.header("Authorization", api.bearer(account)));
	}

	@Test
	void aPdfIsKeptWithItsShaAndDownloadsByteForByteUnderItsChineseName() throws Exception {
		var claim = claim();
		var sha = ClaimDocuments.sha256(PDF);
		var body = attach("enterprise-demo", claim, new MockMultipartFile("file", "定向培养协议（盖章）.pdf",
				"application/octet-stream", PDF))
				.andExpect(status().isCreated()).andExpect(jsonPath("$[0].sha256").value(sha))
				.andExpect(jsonPath("$[0].mediaType").value("application/pdf"))
				.andExpect(jsonPath("$[0].size").value(PDF.length)).andReturn().getResponse().getContentAsString();
		var document = ((Number) JsonPath.read(body, "$[0].id")).longValue();
		assertThat(jdbc.sql("select sha256 from subsidy.claim_document where id = :id").param("id", document)
				.query(String.class).single()).isEqualTo(sha);

		for (var reader : new String[] { "enterprise-demo", "keqiao", "shaoxing" }) {
			var download = mvc.perform(get("/api/v1/subsidies/claims/{id}/documents/{d}", claim, document)
					.header("Authorization", api.bearer(reader)))
					.andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
					.andExpect(header().string("X-Content-Type-Options", "nosniff"))
					.andExpect(header().string("Content-Disposition", Matchers.containsString(
							"filename*=UTF-8''%E5%AE%9A%E5%90%91%E5%9F%B9%E5%85%BB%E5%8D%8F%E8%AE%AE")))
					.andReturn().getResponse().getContentAsByteArray();
			assertThat(Arrays.equals(download, PDF)).as(reader + " downloads the same bytes").isTrue();
		}
		assertThat(jdbc.sql("""
				select count(*) from audit.audit_event where action = 'subsidy.claim.document.download'
				  and target = :target and outcome = 'SUCCESS'""").param("target", "claim:" + claim).query(Long.class)
				.single()).isEqualTo(3);

		// the claim's page lists it for the claimant and for the officer who reviews, before the verdict
		var files = "定向培养协议（盖章）.pdf";
		assertThat(page("enterprise-demo", claim)).contains("id=\"claim-documents\"", files, "SHA-256 " + sha,
				"/api/v1/subsidies/claims/" + claim + "/documents/" + document);
		assertThat(page("keqiao", claim)).contains(files, "SHA-256 " + sha, "id=\"verdict-documents\"",
				"请先查看上方的 1 份证明材料文件");
	}

	String page(String account, long claim) throws Exception {
		return mvc.perform(get("/subsidies/claims/{id}", claim).session(console.session(account)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aFileIsToldByItsContentNotItsNameAndOneTooLargeIsRefused() throws Exception {
		var claim = claim();
		var zip = new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };
		var executable = new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 };
		for (var bytes : new byte[][] { zip, executable }) {
			attach("enterprise-demo", claim, new MockMultipartFile("file", "劳动合同.pdf", "application/pdf", bytes))
					.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("subsidy.document.wrong-type"))
					.andExpect(jsonPath("$.detail").value(Matchers.containsString("劳动合同.pdf")));
		}
		attach("enterprise-demo", claim, new MockMultipartFile("file", "扫描件.pdf", "application/pdf",
				pdf(ClaimDocuments.MAX_BYTES + 1)))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("subsidy.document.too-large"));
		// a JPEG and a PNG are told by their first bytes, whatever their names say
		attach("enterprise-demo", claim, new MockMultipartFile("file", "photo.pdf", "application/pdf",
				new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16 }))
				.andExpect(status().isCreated()).andExpect(jsonPath("$[0].mediaType").value("image/jpeg"));
		assertThat(jdbc.sql("select count(*) from subsidy.claim_document where claim_id = :c").param("c", claim)
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anotherOrganisationAndAnOfficerOutsideTheRegionAreToldTheFileDoesNotExist() throws Exception {
		var claim = claim();
		var body = attach("enterprise-demo", claim, new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
				.andReturn().getResponse().getContentAsString();
		var document = ((Number) JsonPath.read(body, "$[0].id")).longValue();
		for (var outsider : new String[] { "hangzhou", "provider-demo", "school-demo" }) {
			mvc.perform(get("/api/v1/subsidies/claims/{id}/documents/{d}", claim, document)
					.header("Authorization", api.bearer(outsider))).andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/subsidies/claims/{id}/documents", claim).header("Authorization", api.bearer(outsider)))
					.andExpect(status().isNotFound());
		}
		attach("provider-demo", claim, new MockMultipartFile("file", "b.pdf", "application/pdf", PDF))
				.andExpect(status().isNotFound());
		// an officer reads the evidence but does not add to it
		attach("keqiao", claim, new MockMultipartFile("file", "c.pdf", "application/pdf", PDF))
				.andExpect(status().isForbidden());
		// a document of another claim is not found under this one
		var other = claim();
		mvc.perform(get("/api/v1/subsidies/claims/{id}/documents/{d}", other, document)
				.header("Authorization", api.bearer("enterprise-demo"))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("""
				select count(*) from audit.audit_event where action = 'subsidy.claim.document.download'
				  and target = :target and outcome = 'DENIED'""").param("target", "claim:" + claim).query(Long.class)
				.single()).isEqualTo(3);
	}

	@Test
	void theConsoleSubmitsAClaimWithItsFilesAndARefusedFileLeavesNoClaim() throws Exception {
		var n = SERIAL.incrementAndGet();
		var name = TestNames.of("闻证", n);
		var id = IdNumber.withCheckDigit("33062119790203" + n);
		persons.realName(IdNumber.parse(id), name, "330603", "test");
		var session = console.session("enterprise-demo");
		assertThat(mvc.perform(get("/subsidies/claims").param("scheme", "DIRECTED_TRAINING").session(session))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("enctype=\"multipart/form-data\"", "name=\"files\"", "每份申请最多 5 个");
		var before = jdbc.sql("select count(*) from subsidy.claim").query(Long.class).single();
		var refused = mvc.perform(multipart("/subsidies/claims")
				.file(new MockMultipartFile("files", "协议.pdf", "application/pdf", new byte[] { 'P', 'K', 3, 4 }))
				.param("scheme", "DIRECTED_TRAINING").param("bankAccount", "6222021234567890")
				.param("evidence.idNumber", id).param("evidence.name", name).param("evidence.agreementNumber", "DX-1")
				.param("evidence.year", "2026").session(session).with(csrf()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("“协议.pdf”不是 PDF、JPG 或 PNG 文件");
		assertThat(jdbc.sql("select count(*) from subsidy.claim").query(Long.class).single()).isEqualTo(before);

		mvc.perform(multipart("/subsidies/claims")
				.file(new MockMultipartFile("files", "协议.pdf", "application/pdf", PDF))
				.file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
				.param("scheme", "DIRECTED_TRAINING").param("bankAccount", "6222021234567890")
				.param("evidence.idNumber", id).param("evidence.name", name).param("evidence.agreementNumber", "DX-1")
				.param("evidence.year", "2026").session(session).with(csrf()))
				.andExpect(status().is3xxRedirection());
		var claim = jdbc.sql("select max(id) from subsidy.claim where claimant_code = '91330603MA2D12345A'")
				.query(Long.class).single();
		assertThat(jdbc.sql("select file_name || ' ' || sha256 from subsidy.claim_document where claim_id = :c")
				.param("c", claim).query(String.class).list()).containsExactly("协议.pdf " + ClaimDocuments.sha256(PDF));
	}
}
