package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;

/**
 * SUB-3 (issue 16): 272 of the demo's 285 decisions, certificates with no training on the platform, had no county and
 * so appeared in no officer's list. Every decision, granted or denied, is now some county's: the training's, else
 * the holder's, else the province's.
 */
@IntegrationTest
class EveryDecisionHasACountyIntegrationTests {

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCertificateWithNoTrainingIsDeniedInTheHoldersCountyAndListedThereAmongTheDenied() throws Exception {
		var holder = IdNumber.withCheckDigit("33060319850808777");
		mvc.perform(post("/api/v1/persons").header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"idNumber": "%s", "name": "钱无训", "residenceRegion": "330603"}""".formatted(holder)))
				.andExpect(status().isOk());
		mvc.perform(post("/api/v1/certificates").header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"number": "NOTRAIN-1", "holderIdNumber": "%s", "holderName": "钱无训", "type": "skill-level",
						 "occupationCode": "6-18-01-01", "grade": "中级工", "issuedOn": "%s"}"""
						.formatted(holder, LocalDate.now(clock).minusDays(3))))
				.andExpect(status().isCreated());
		await().ignoreExceptions().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
				select outcome || ' ' || code || ' ' || paying_region from subsidy.decision
				where certificate_number = 'NOTRAIN-1'""").query(String.class).single())
				.isEqualTo("DENIED subsidy.no-completed-training 330603"));

		assertThat(numbers("keqiao")).contains("NOTRAIN-1");
		assertThat(numbers("shaoxing")).contains("NOTRAIN-1");
		assertThat(numbers("hangzhou")).doesNotContain("NOTRAIN-1");
		// the demo's certificates without training are all some county's, or the province's
		assertThat(jdbc.sql("select count(*) from subsidy.decision where scheme = 'TRAINING' and paying_path is null")
				.query(Long.class).single()).isZero();
	}

	private List<String> numbers(String officer) throws Exception {
		var body = mvc.perform(get("/api/v1/subsidies/decisions").param("outcome", "DENIED").param("size", "500")
				.header("Authorization", api.bearer(officer))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		return JsonPath.read(body, "$[*].certificateNumber");
	}
}
