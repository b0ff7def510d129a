package cn.gongjiang.audit;

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

/** The auditor reads the audit log and verifies its hash chain in place. In Debian's headless Chromium. */
@IntegrationTest
class AuditBrowserTests {

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
	void theAuditorVerifiesTheHashChainWithoutLeavingThePage() throws Exception {
		browser.signIn("auditor");
		browser.driver().findElement(By.linkText("审计日志")).click();
		browser.driver().findElement(By.id("verify-chain")).click();
		var result = new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-result")));
		assertThat(result.getText()).startsWith("哈希链完整");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/audit");
		browser.screenshot("audit-log");
		browser.signOut();
	}

}
