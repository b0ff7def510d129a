package cn.gongjiang.occupation;

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

/** The occupation classification searched as one types. In Debian's headless Chromium. */
@IntegrationTest
class OccupationBrowserTests {

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
	void occupationsAreSearchedAsYouType() throws Exception {
		browser.signIn("worker-demo");
		browser.open(("/occupations"));
		browser.driver().findElement(By.id("occupation-q")).sendKeys("车工");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
				.textToBePresentInElementLocated(By.id("occupation-results"), "6-18-01-01"));
		browser.screenshot("occupations");
		browser.signOut();
	}

}
