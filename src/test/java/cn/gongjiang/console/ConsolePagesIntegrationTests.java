package cn.gongjiang.console;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;

/** Every console page renders for the roles it is for, in scope (X-4 Chinese by default). */
@IntegrationTest
class ConsolePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Console console;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRegistryAndImportPagesRenderForAnOfficer() throws Exception {
		var session = console.session("shaoxing");
		for (var page : new String[] { "/persons", "/enterprises", "/providers", "/imports", "/imports?kind=certificates",
				"/occupations?q=车工", "/regions/330600", "/" }) {
			mvc.perform(get(page).session(session)).andExpect(status().isOk());
		}
		mvc.perform(get("/imports/templates/persons.csv").session(session))
				.andExpect(content().string(containsString("姓名*")));
	}

	@Test
	void aPersonPageShowsTheArchiveAndUnmasksOnlyWithThePermission() throws Exception {
		var body = mvc.perform(post("/api/v1/persons").header("Authorization", api.bearer("province"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"idNumber\": \"330624198203036617\", \"name\": \"潘石\", \"residenceRegion\": \"330624\", \"mobile\": \"13600003333\"}"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		var id = ((Number) JsonPath.read(body, "$.id")).longValue();
		var province = console.session("province");
		mvc.perform(get("/persons/" + id).session(province)).andExpect(status().isOk())
				.andExpect(content().string(containsString("330624********6617")))
				.andExpect(content().string(containsString("建档")))
				.andExpect(content().string(containsString("id=\"unmask\"")));
		mvc.perform(post("/persons/" + id + "/unmasked").session(province).with(csrf()))
				.andExpect(content().string(containsString("查看完整号码须填写原因")))
				.andExpect(content().string(Matchers.not(containsString("330624198203036617"))));
		mvc.perform(post("/persons/" + id + "/unmasked").param("reason", "信访核查").session(province).with(csrf()))
				.andExpect(content().string(containsString("330624198203036617")));
		var shaoxing = console.session("shaoxing");
		mvc.perform(get("/persons/" + id).session(shaoxing)).andExpect(content().string(
				Matchers.not(containsString("id=\"unmask\""))));
		mvc.perform(post("/persons/" + id + "/unmasked").session(shaoxing).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/persons/" + id).session(console.session("hangzhou"))).andExpect(status().isNotFound());
	}

	@Test
	void anOfficerUploadsAFileInTheConsoleAndLandsOnItsProgressPage() throws Exception {
		var session = console.session("keqiao");
		var idNumber = IdNumber.withCheckDigit("33060319950707881");
		var file = new MockMultipartFile("file", "柯桥新增人员.csv", "text/csv",
				("姓名,身份证号,常住地区划代码\n林木森," + idNumber + ",330603\n").getBytes(StandardCharsets.UTF_8));
		var progress = mvc.perform(MockMvcRequestBuilders.multipart("/imports")
				.file(file).param("kind", "persons").session(session).with(csrf()))
				.andExpect(redirectedUrlPattern("/imports/*")).andReturn().getResponse().getRedirectedUrl();
		var job = progress.substring(progress.lastIndexOf('/') + 1);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
				.sql("select status from imports.import_job where id = cast(:id as uuid)").param("id", job)
				.query(String.class).single().equals("DONE"));
		var page = mvc.perform(get(progress).session(session)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		Assertions.assertThat(page).contains("柯桥新增人员.csv").contains("完成");
		Assertions.assertThat(jdbc.sql("""
				select count(*) from registry.person where name = '林木森' and residence_path like '/330000/330600/330603/%'
				""").query(Integer.class).single()).as("the row reached the registry").isEqualTo(1);
		mvc.perform(get(progress).session(console.session("hangzhou"))).andExpect(status().isNotFound());
	}

	@Test
	void anOfficersHomeCountsWhatTheirScopeHolds() throws Exception {
		var keqiao = jdbc.sql("select count(*) from registry.person where residence_path like '/330000/330600/330603/%' or hukou_path like '/330000/330600/330603/%'")
				.query(Long.class).single();
		mvc.perform(get("/").session(console.session("keqiao"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"home-counts\"")))
				.andExpect(content().string(Matchers.matchesPattern(
						"(?s).*<div class=\"subheader\">人员库</div><div class=\"h1 m-0\">" + keqiao + "</div>.*")));
		mvc.perform(get("/").session(console.session("auditor")))
				.andExpect(content().string(Matchers.not(containsString("home-counts"))));
	}

	@Test
	void theVerifyPageIsPublicAndTheWorkerFindsTheirArchive() throws Exception {
		mvc.perform(get("/verify")).andExpect(status().isOk()).andExpect(content().string(containsString("证书查验")));
		var verified = mvc.perform(get("/verify").param("number", "ZJ3306022026001").param("name", "张明"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Assertions.assertThat(verified).contains("证书有效").contains("ZJ3306022026001")
				.contains("车工").doesNotContain("330602199003071238");
		var worker = console.session("worker-demo");
		var me = mvc.perform(get("/me").session(worker)).andExpect(redirectedUrlPattern("/persons/*")).andReturn()
				.getResponse().getRedirectedUrl();
		var archive = mvc.perform(get(me).session(worker)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		Assertions.assertThat(archive).contains("张明").contains("ZJ3306022026001")
				.contains("ZJ3306022024001");
		// another person's archive is not the worker's to read
		var other = jdbc.sql("select id from registry.person where name <> '张明' order by id limit 1").query(Long.class)
				.single();
		mvc.perform(get("/persons/" + other).session(worker)).andExpect(status().isNotFound());
	}
}
