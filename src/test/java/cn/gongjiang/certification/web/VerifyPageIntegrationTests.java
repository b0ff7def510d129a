package cn.gongjiang.certification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.IntegrationTest;

/** Public certificate verification (CRT-2, X-4): the answer in plain words, and a refusal that says when to ask again. */
@IntegrationTest
class VerifyPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aValidCertificateReadsInPlainChineseAndEnglish() throws Exception {
		var certificate = jdbc.sql("""
				select number, holder_name from certification.certificate
				where status = 'VALID' and type = 'skill-level' and grade = 'junior' and occupation_code = '6-18-01-02'
				limit 1
				""").query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).optional()
				.orElseThrow(() -> new AssertionError("the demo data has a junior 铣工 certificate"));
		var page = mvc.perform(get("/verify").param("number", certificate[0]).param("name", certificate[1]))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("证书有效", "职业技能等级证书", "铣工 6-18-01-02", "初级工(五级)", "有效")
				.doesNotContain("skill-level", "junior", "VALID");
		var english = mvc.perform(get("/verify").param("number", certificate[0]).param("name", certificate[1])
				.param("lang", "en")).andReturn().getResponse().getContentAsString();
		assertThat(english).contains("The certificate is valid", "Junior worker").doesNotContain("初级工");
	}

	@Test
	void aRefusalForAskingTooOftenSaysWhenToAskAgain() throws Exception {
		var page = mvc.perform(get("/verify").param("number", "ZJ0000000001").param("name", "某人")
				.requestAttr(VerificationRateLimit.RATE_LIMITED, 42L))
				.andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("查询过于频繁，请 42 秒后再试", "value=\"ZJ0000000001\"").doesNotContain("\"code\"");
	}

	@Test
	void noMatchIsSaidInWords() throws Exception {
		assertThat(mvc.perform(get("/verify").param("number", "ZJ0000000001").param("name", "某人"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.contains("证书编号与姓名不匹配，未查到该证书");
	}
}
