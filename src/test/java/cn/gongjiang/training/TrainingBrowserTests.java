package cn.gongjiang.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gongjiang.Chromium;
import cn.gongjiang.IntegrationTest;

/** A provider runs its class: enrolment, attendance with the rotating check-in code. In Debian's headless Chromium. */
@IntegrationTest
class TrainingBrowserTests {

	static Chromium browser;

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@org.springframework.beans.factory.annotation.Autowired
	cn.gongjiang.Api api;

	@BeforeEach
	void startBrowser() {
		if (browser == null) {
			browser = Chromium.start(port, 1366, 900);
		}
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@Test
	void aProviderTakesAttendanceWithTheRotatingCodeOnScreen() throws Exception {
		var token = api.bearer("provider-demo");
		var start = java.time.Instant.now().minus(java.time.Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		var created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/training/classes")
				.header("Authorization", token).contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
						{"occupationCode": "6-18-01-01", "grade": "intermediate", "kind": "ON_JOB", "capacity": 10,
						 "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "越城区实训中心 2 楼"}]}"""
						.formatted(start, start.plus(java.time.Duration.ofHours(2)))))
				.andReturn().getResponse().getContentAsString();
		var classId = created.replaceAll("^\\{\"id\":(\\d+).*", "$1");
		for (var trainee : new String[][] { { "33060219920202781", "金考勤" }, { "33060219930303782", "叶考勤" } }) {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.post("/api/v1/training/classes/{id}/enrolments", classId).header("Authorization", token)
					.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
					.content("{\"idNumber\": \"%s\", \"name\": \"%s\"}".formatted(
							cn.gongjiang.shared.IdNumber.withCheckDigit(trainee[0]), trainee[1])));
		}
		browser.signIn("provider-demo");
		browser.driver().findElement(By.linkText("订单式培训")).click();
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("classes")));
		browser.driver().findElement(By.linkText(classId)).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("class-title"), "班级 " + classId));
		// htmx fetches the code that changes every minute
		wait.until(d -> d.findElement(By.cssSelector(".session .code")).getText().matches("\\d{6}"));
		for (var box : browser.driver().findElements(By.cssSelector(".attendance-form input[type=checkbox]"))) {
			box.click();
		}
		browser.screenshot("training-attendance");
		browser.driver().findElement(By.cssSelector(".attendance-form button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trainees"), "1 / 1"));
		assertThat(browser.driver().findElement(By.id("trainees")).getText()).contains("金考勤", "叶考勤");
		assertThat(browser.driver().findElements(By.cssSelector(".attendance-form input[type=checkbox]:checked"))).hasSize(2);
		browser.signOut();
	}

}
