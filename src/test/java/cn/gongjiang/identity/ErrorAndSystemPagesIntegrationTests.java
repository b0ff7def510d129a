package cn.gongjiang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;

/** The error page (403, 404) with the correlation ID and a way home; the system page in words. */
@IntegrationTest
class ErrorAndSystemPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Console console;

	@Test
	void aRecordOutsideTheScopeSaysWhyAndLeadsHome() throws Exception {
		var notFound = mvc.perform(get("/regions/330100").session(console.session("shaoxing")))
				.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
		assertThat(notFound).contains("id=\"error-status\">404<", "未找到区划代码 330100", "id=\"correlation-id\"",
				"href=\"/\"").doesNotContain("??");
	}

	@Test
	void theErrorPageRendersEachStatusInWords() throws Exception {
		for (var status : new int[] { 403, 404, 500, 413 }) {
			var page = mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr("jakarta.servlet.error.status_code", status)
					.session(console.session("shaoxing"))).andReturn().getResponse().getContentAsString();
			assertThat(page).as("status %d", status).contains("id=\"error-status\">" + status + "<")
					.doesNotContain("??");
		}
		var forbidden = mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr("jakarta.servlet.error.status_code", 403)
				.session(console.session("shaoxing"))).andReturn().getResponse().getContentAsString();
		assertThat(forbidden).contains("您的角色或管辖范围不允许访问此页面", "请联系本单位的安全管理员", "返回工作台");
		var publicNotFound = mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr("jakarta.servlet.error.status_code", 404))
				.andReturn().getResponse().getContentAsString();
		assertThat(publicNotFound).contains("页面不存在", "返回登录页", "href=\"/verify\"");
	}

	@Test
	void theSystemPageSaysWhetherDemoModeIsOnInWords() throws Exception {
		var page = mvc.perform(get("/system").session(console.session("sysadmin"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"system-demo\"", "已开启", "/actuator/health", "/swagger-ui.html")
				.doesNotContain(">true<", ">false<");
	}
}
