package cn.gongjiang.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Chromium;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.identity.AccountBootstrap;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.web.Formats;

/** A provider runs its class: enrolment, attendance with the rotating check-in code. In Debian's headless Chromium. */
@IntegrationTest
class TrainingBrowserTests {

	@Autowired
	Clock clock;

	static Chromium browser;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

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
		var start = Instant.now(clock).minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
		var created = mvc.perform(MockMvcRequestBuilders.post("/api/v1/training/classes")
				.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content("""
						{"occupationCode": "6-18-01-01", "grade": "intermediate", "kind": "ON_JOB", "capacity": 10,
						 "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "越城区实训中心 2 楼"}]}"""
						.formatted(start, start.plus(Duration.ofHours(2)))))
				.andReturn().getResponse().getContentAsString();
		var classId = created.replaceAll("^\\{\"id\":(\\d+).*", "$1");
		for (var trainee : new String[][] { { "33060219920202781", "金考勤" }, { "33060219930303782", "叶考勤" } }) {
			mvc.perform(MockMvcRequestBuilders
					.post("/api/v1/training/classes/{id}/enrolments", classId).header("Authorization", token)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"idNumber\": \"%s\", \"name\": \"%s\"}".formatted(
							IdNumber.withCheckDigit(trainee[0]), trainee[1])));
		}
		browser.signIn("provider-demo");
		browser.driver().findElement(By.linkText("订单与班级")).click();
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("training-tabs")));
		browser.driver().findElement(By.linkText("我的班级")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("classes")));
		browser.driver().findElement(By.linkText(classId)).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("class-title"), "班级 " + classId));
		// the code that changes every minute, with its QR code beside it
		wait.until(d -> d.findElement(By.cssSelector(".session .code")).getText().matches("\\d{6}"));
		assertThat(browser.driver().findElements(By.cssSelector(".session .qr svg"))).hasSize(1);
		for (var box : browser.driver().findElements(By.cssSelector(".attendance-form input[type=checkbox]"))) {
			click(box);
		}
		browser.readmeImage("training-attendance");
		click(browser.driver().findElement(By.cssSelector(".attendance-form button")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trainees"), "1 / 1"));
		assertThat(browser.driver().findElement(By.id("trainees")).getText()).contains("金考勤", "叶考勤");
		assertThat(browser.driver().findElements(By.cssSelector(".attendance-form input[type=checkbox]:checked"))).hasSize(2);
		browser.signOut();
	}

	private static void click(WebElement element) {
		browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	@Test
	void aWorkerChecksInOnAPhoneByTheQrCodesAddress() throws Exception {
		DemoWorker.freeToday(jdbc);
		var token = api.bearer("provider-demo");
		// a session running now, at odd minutes so that no other class of the worker's overlaps it
		var start = Instant.now(clock).minus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.MINUTES);
		var created = mvc.perform(MockMvcRequestBuilders.post("/api/v1/training/classes")
				.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content("""
						{"occupationCode": "6-18-01-01", "grade": "intermediate", "kind": "ON_JOB", "capacity": 10,
						 "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "越城区实训中心 3 楼"}]}"""
						.formatted(start, start.plus(Duration.ofMinutes(31)))))
				.andReturn().getResponse().getContentAsString();
		var classId = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		var session = JsonPath.<Number>read(created, "$.sessions[0].id").longValue();
		var enrolled = mvc.perform(MockMvcRequestBuilders
				.post("/api/v1/training/classes/{id}/enrolments", classId).header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"idNumber\": \"%s\", \"name\": \"张明\"}".formatted(AccountBootstrap.DEMO_WORKER_ID_NUMBER)))
				.andReturn().getResponse();
		assertThat(enrolled.getStatus()).as(enrolled.getContentAsString()).isEqualTo(201);
		var enrolment = Long.parseLong(enrolled.getContentAsString().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		var code = mvc.perform(MockMvcRequestBuilders
				.get("/api/v1/training/classes/{id}/sessions/{s}/code", classId, session).header("Authorization", token))
				.andReturn().getResponse().getContentAsString().replaceAll("\\D", "");
		try {
			checkInOnAPhone(session, code, start);
			assertThat(jdbc.sql("select method from training.attendance where session_id = :s and enrolment_id = :e")
					.param("s", session).param("e", enrolment).query(String.class).single()).isEqualTo("CODE");
		}
		finally {
			// the worker leaves the class, so that no other test's class running now overlaps it
			jdbc.sql("update training.enrolment set status = 'WITHDRAWN' where id = :e").param("e", enrolment).update();
		}
	}

	private void checkInOnAPhone(long session, String code, Instant start) {
		try (var phone = Chromium.start(port, 375, 812)) {
			phone.signIn("worker-demo");
			phone.open("/training/check-in?session=" + session + "&code=" + code);
			var wait = phone.waiting(20);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-in-session")));
			// the class, its provider, and the session's time in Beijing
			assertThat(phone.driver().findElement(By.id("check-in-session")).getText()).contains("车工", "绍兴市示范职业技能培训学校",
					new Formats(Locale.CHINA).span(start, start.plus(Duration.ofMinutes(31))));
			assertThat(phone.driver().findElements(By.xpath("//*[contains(text(), '课次编号')]"))).isEmpty();
			phone.screenshot("check-in-by-qr-375");
			phone.driver().findElement(By.id("check-in-submit")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-in-done")));
			assertThat(phone.driver().findElement(By.id("check-in-done")).getText()).contains("签到成功");
			Number overflow = phone.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow.intValue()).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(0);
			phone.open("/training");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-in")));
			overflow = phone.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow.intValue()).as("the worker's training page fits 375 px").isLessThanOrEqualTo(0);
			assertThat(phone.consoleErrors()).isEmpty();
		}
	}

	@Autowired
	JdbcClient jdbc;
}
