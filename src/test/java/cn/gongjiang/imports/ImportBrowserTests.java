package cn.gongjiang.imports;

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

/** An officer uploads a file and watches it finish, errors named by row and column. In Debian's headless Chromium. */
@IntegrationTest
class ImportBrowserTests {

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
	void anOfficerImportsAFileAndWatchesItFinish() throws Exception {
		var file = Files.createTempFile("persons", ".csv");
		Files.writeString(file, "姓名,身份证号,常住地区划代码\n袁野,%s,330624\n袁林,330624199101010000,330624\n"
				.formatted(cn.gongjiang.shared.IdNumber.withCheckDigit("33062419910101001")));
		browser.signIn("shaoxing");
		browser.open(("/imports?kind=persons"));
		browser.driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		browser.driver().findElement(By.id("import-submit")).click();
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
		wait.until(ExpectedConditions.textToBe(By.id("import-status"), "已完成"));
		assertThat(browser.driver().findElement(By.id("import-accepted")).getText()).isEqualTo("1");
		assertThat(browser.driver().findElement(By.id("import-rejected")).getText()).isEqualTo("1");
		assertThat(browser.driver().findElement(By.id("progress")).getText()).contains("身份证号");
		browser.screenshot("import-done");
		browser.signOut();
	}

}
