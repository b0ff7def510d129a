package cn.gongjiang.identity;

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

/** The security administrator's account pages; the console in both languages. In Debian's headless Chromium. */
@IntegrationTest
class AccountsBrowserTests {

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
	void theSecurityAdministratorSeesEveryAccount() throws Exception {
		browser.signIn("secadmin");
		browser.driver().findElement(By.linkText("账户与角色")).click();
		assertThat(browser.driver().findElement(By.id("accounts")).getText()).contains("shaoxing", "keqiao", "auditor");
		browser.screenshot("accounts");
		browser.signOut();
	}

	@Test
	void theConsoleSwitchesToEnglish() throws Exception {
		browser.open(("/login?lang=en"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
		browser.open(("/login?lang=zh_CN"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("登录");
	}

}
