package cn.gongjiang.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gongjiang.Chromium;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;

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
				.formatted(IdNumber.withCheckDigit("33062419910101001")));
		browser.signIn("shaoxing");
		browser.open(("/imports?kind=persons"));
		browser.driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		browser.driver().findElement(By.id("import-submit")).click();
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
		wait.until(ExpectedConditions.textToBe(By.id("import-status"), "已完成"));
		assertThat(browser.driver().findElement(By.id("import-accepted")).getText()).isEqualTo("1");
		assertThat(browser.driver().findElement(By.id("import-rejected")).getText()).isEqualTo("1");
		assertThat(browser.driver().findElement(By.id("progress")).getText()).contains("身份证号");
		browser.readmeImage("import");
		browser.signOut();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theErrorReportAndTheTemplatesDownloadFromASignedInBrowserNamedInChinese() throws Exception {
		var file = Files.createTempFile("绍兴人员", ".csv");
		Files.writeString(file, "姓名,身份证号,常住地区划代码\n袁林,330624199101010000,330624\n");
		browser.signIn("shaoxing");
		browser.open("/imports?kind=persons");
		browser.driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		browser.driver().findElement(By.id("import-submit")).click();
		browser.waiting(60).until(ExpectedConditions.textToBe(By.id("import-status"), "已完成"));
		var href = browser.driver().findElement(By.id("error-report")).getAttribute("href");
		var report = browser.fetch(href.substring(browser.url("").length()));
		assertThat(report.get("status")).isEqualTo(200L);
		assertThat((String) report.get("type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
		var base = file.getFileName().toString().replaceFirst("\\.csv$", "");
		assertThat((String) report.get("disposition")).contains("filename*=UTF-8''" + encoded(base + "-错误报告.xlsx"));
		assertThat((List<Number>) report.get("head")).extracting(Number::intValue).startsWith(0x50, 0x4B);
		browser.open("/imports?kind=persons");
		var template = browser.fetch(browser.driver().findElement(By.id("template-xlsx")).getAttribute("href")
				.substring(browser.url("").length()));
		assertThat(template.get("status")).isEqualTo(200L);
		assertThat((String) template.get("disposition")).contains(encoded("人员导入模板.xlsx"));
		var gbk = browser.fetch(browser.driver().findElement(By.id("template-csv-gbk")).getAttribute("href")
				.substring(browser.url("").length()));
		assertThat((String) gbk.get("type")).contains("GBK");
		assertThat((String) gbk.get("disposition")).contains(encoded("人员导入模板-GBK.csv"));
		browser.signOut();
	}

	private static String encoded(String fileName) {
		return URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
