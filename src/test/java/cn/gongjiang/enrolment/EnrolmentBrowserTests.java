package cn.gongjiang.enrolment;

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

/** Registration refused in Chinese beside the field it concerns. In Debian's headless Chromium. */
@IntegrationTest
class EnrolmentBrowserTests {

	static Chromium browser;

	@LocalServerPort
	int port;

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
	void aSchoolSeesARefusalInChineseNextToTheFieldItConcerns() throws Exception {
		browser.signIn("school-demo");
		browser.driver().findElement(By.linkText("技工院校招生")).click();
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registration-form")));
		browser.driver().findElement(By.id("idNumber")).sendKeys(cn.gongjiang.shared.IdNumber.withCheckDigit("33010620090909001"));
		browser.driver().findElement(By.id("name")).sendKeys("杭州生");
		browser.driver().findElement(By.id("originRegionCode")).sendKeys("330106");
		browser.driver().findElement(By.id("register-submit")).click();
		var error = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//input[@id='originRegionCode']/following-sibling::span[@class='field-error']")));
		assertThat(error.getText()).contains("不在省内跨市招生", "杭州市", "绍兴市");
		assertThat(browser.driver().findElement(By.id("name")).getAttribute("value")).isEqualTo("杭州生");
		browser.screenshot("enrolment-refusal");
		browser.signOut();
	}

}
