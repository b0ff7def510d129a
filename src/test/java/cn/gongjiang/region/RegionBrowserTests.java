package cn.gongjiang.region;

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

/** A Shaoxing officer browses the region tree from their own city down to its townships. In Debian's headless Chromium. */
@IntegrationTest
class RegionBrowserTests {

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
	void aShaoxingOfficerDrillsFromTheirCityIntoKeqiao() throws Exception {
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
		browser.open(("/login?lang=zh_CN"));
		browser.screenshot("login");
		browser.driver().findElement(By.id("username")).sendKeys("shaoxing");
		browser.driver().findElement(By.id("password")).sendKeys("Gongjiang@2026");
		browser.driver().findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlToBe(browser.url("/")));
		browser.screenshot("home");

		browser.driver().findElement(By.linkText("行政区划")).click();
		wait.until(ExpectedConditions.textToBe(By.id("region-name"), "绍兴市"));
		assertThat(browser.driver().findElements(By.cssSelector("#children tbody tr"))).hasSize(6);

		browser.driver().findElement(By.linkText("柯桥区")).click();
		wait.until(ExpectedConditions.textToBe(By.id("region-name"), "柯桥区"));
		var townships = browser.driver().findElements(By.cssSelector("#children tbody tr"));
		assertThat(townships).hasSize(16);
		assertThat(browser.driver().findElement(By.id("region-lineage")).getText()).contains("浙江省", "绍兴市", "柯桥区");
		assertThat(browser.driver().findElement(By.cssSelector("#region-tree a.current")).getText()).isEqualTo("柯桥区");
		assertThat(browser.driver().findElement(By.id("region-tree")).getText()).contains("越城区", "嵊州市").doesNotContain("杭州市");
		browser.readmeImage("region-browser");

		browser.open(("/regions/330100"));
		assertThat(browser.driver().getPageSource()).doesNotContain("上城区").contains("404");
		browser.signOut();
	}

}
