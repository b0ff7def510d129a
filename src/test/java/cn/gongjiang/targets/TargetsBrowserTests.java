package cn.gongjiang.targets;

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

/** The targets dashboard: the cities coloured by status, the chart, the drill-down. In Debian's headless Chromium. */
@IntegrationTest
class TargetsBrowserTests {

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
	void theProvinceSeesTheCitiesOnTheTileMapWithTheChartAndDrillsIntoShaoxing() throws Exception {
		browser.signIn("province");
		browser.open(("/targets?year=2025&indicator=TECH_SCHOOL_ENROLMENT&asOf=2025-09-30"));
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
		assertThat(browser.driver().findElements(By.cssSelector("#tile-map .tile"))).hasSize(11);
		// ECharts draws into a canvas: the script loaded under the CSP and read the page's data
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress-chart canvas")));
		assertThat(browser.driver().findElement(By.id("ranking")).getText()).contains("绍兴市", "丽水市");
		assertThat(browser.driver().findElement(By.cssSelector(".dashboard h2")).getText()).isEqualTo("技工院校招生 · 2025");
		browser.open(("/targets?year=2025&indicator=SKILL_BASED_VILLAGES_NEW&asOf=2025-09-30"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress-chart canvas")));
		// the demo cities' approved returns: Hangzhou reported 105 % of its target, Wenzhou 60 % at 75 % of the year
		assertThat(browser.driver().findElement(By.cssSelector(".tile[data-code='330100']")).getAttribute("class")).contains("status-DONE");
		assertThat(browser.driver().findElement(By.cssSelector(".tile[data-code='330300']")).getAttribute("class")).contains("status-BEHIND");
		Thread.sleep(1500); // let the chart's opening animation finish before the picture
		browser.screenshot("targets-dashboard");
		browser.open(("/targets?year=2025&indicator=TECH_SCHOOL_ENROLMENT&asOf=2025-09-30"));
		browser.driver().findElement(By.cssSelector("#tile-map .tile[data-code='330600']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("targets-title"), "绍兴市"));
		assertThat(browser.driver().findElement(By.id("tile-map")).getText()).contains("柯桥区", "越城区");
		assertThat(browser.driver().findElement(By.id("targets")).getText()).contains("技工院校招生", "8,760");
		browser.signOut();
	}

}
