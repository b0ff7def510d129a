package cn.gongjiang.subsidy;

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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.gongjiang.Api;
import cn.gongjiang.Chromium;
import cn.gongjiang.IntegrationTest;

/** An enterprise claim from submission through review, approval, a payment batch and the bank's statement. In Debian's headless Chromium. */
@IntegrationTest
class SubsidyBrowserTests {

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
	@SuppressWarnings("unchecked")
	void anEnterpriseClaimIsReviewedApprovedPaidInABatchAndConfirmedFromTheBanksStatement() throws Exception {
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
		wait.ignoring(StaleElementReferenceException.class);
		browser.signIn("enterprise-demo");
		browser.driver().findElement(By.linkText("补贴申请")).click();
		browser.driver().findElement(By.cssSelector("#schemes a[data-scheme='TRAINING_BASE']")).click();
		browser.driver().findElement(By.id("evidence-baseName")).sendKeys("越派工匠公共实训基地");
		browser.driver().findElement(By.id("evidence-designation")).sendKeys("绍人社〔2026〕12号");
		browser.driver().findElement(By.id("bankAccount")).sendKeys("6222021234567890123");
		var submit = browser.driver().findElement(By.id("claim-submit"));
		browser.script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
		submit.click();
		// the form posts and the page reloads: wait for the new page before reading its rows
		wait.until(ExpectedConditions.stalenessOf(submit));
		var row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#claims tbody tr")));
		var claim = row.getAttribute("data-id");
		assertThat(row.getText()).contains("市级公共实训基地经费", "500,000", "待审核");
		browser.screenshot("subsidy-claim");
		browser.signOut();

		browser.signIn("keqiao");
		browser.open(("/subsidies/claims"));
		claimRow(claim).findElement(By.cssSelector("button.pass")).click();
		confirm(wait);
		wait.until(d -> claimRow(claim).getText().contains("待审批"));
		browser.signOut();
		browser.signIn("shaoxing");
		browser.open(("/subsidies/claims"));
		claimRow(claim).findElement(By.cssSelector("button.pass")).click();
		confirm(wait);
		wait.until(d -> claimRow(claim).getText().contains("已批准"));
		browser.signOut();

		browser.signIn("keqiao");
		browser.open(("/subsidies/payments"));
		var open = browser.driver().findElement(By.cssSelector("#queue tr[data-region='330603'][data-source='CITY_TALENT_FUND'] button.open-batch"));
		open.click();
		wait.until(ExpectedConditions.stalenessOf(open));
		var batch = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#batches tbody tr"))).getAttribute("data-id");
		assertThat(batchRow(batch).getText()).contains("待审批");
		browser.signOut();
		browser.signIn("shaoxing");
		browser.open(("/subsidies/payments"));
		batchRow(batch).findElement(By.cssSelector("button.approve-batch")).click();
		confirm(wait);
		wait.until(d -> batchRow(batch).getText().contains("已审批"));

		// the bank file as the signed-in officer's browser gets it from the link: the first download sends the batch
		var xlsx = browser.fetch("/api/v1/subsidies/payments/batches/" + batch + "/bank-file?format=xlsx");
		assertThat(xlsx.get("status")).isEqualTo(200L);
		assertThat((String) xlsx.get("type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat((String) xlsx.get("disposition")).contains("attachment", "filename*=UTF-8''"
				+ URLEncoder.encode("支付批次" + batch + "-银行文件.xlsx", StandardCharsets.UTF_8));
		assertThat((List<Object>) xlsx.get("head")).as("a zip: xlsx").startsWith(0x50L, 0x4BL);
		browser.open(("/subsidies/payments"));
		var gbkLink = batchRow(batch).findElement(By.cssSelector("a.bank-file[data-format='csv-gbk']")).getAttribute("href");
		var gbk = browser.fetch(gbkLink.substring(browser.url("").length()));
		assertThat(gbk.get("status")).isEqualTo(200L);
		assertThat((String) gbk.get("type")).contains("text/csv", "GB18030");
		assertThat((String) gbk.get("disposition")).contains("filename*=UTF-8''");
		assertThat((List<Object>) gbk.get("head")).as("明细编号 in GBK").startsWith(0xC3L, 0xF7L);
		var utf8 = browser.fetch("/api/v1/subsidies/payments/batches/" + batch + "/bank-file?format=csv");
		assertThat((List<Object>) utf8.get("head")).as("UTF-8 with a byte order mark").startsWith(0xEFL, 0xBBL, 0xBFL);

		// the bank pays from the file and answers with its statement, every line paid
		var file = mvc.perform(MockMvcRequestBuilders
				.get("/api/v1/subsidies/payments/batches/{id}/bank-file", batch).param("format", "csv")
				.header("Authorization", api.bearer("shaoxing"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(file).contains("绍兴示范机械有限公司", "6222021234567890123", "市级公共实训基地经费");
		var statement = new StringBuilder("明细编号,金额（元）,结果,失败原因,银行流水号\n");
		file.lines().skip(1).map(l -> l.split(",")).forEach(l -> statement.append(l[0]).append(',').append(l[5]).append(",成功,,B").append(l[0]).append('\n'));
		var csv = Files.createTempFile("statement", ".csv");
		Files.writeString(csv, statement);
		browser.open(("/subsidies/payments"));
		browser.driver().findElement(By.id("statement-import")).click();
		browser.driver().findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
		browser.driver().findElement(By.id("import-submit")).click();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("import-status"), "已完成"));
		browser.open(("/subsidies/payments"));
		assertThat(batchRow(batch).getText()).contains("已结清");
		browser.readmeImage("subsidy-payments");
		browser.signOut();
	}

	/** 004 第8条 claimed from a hire recorded in matching (REC-3): the platform fills in who, when and the certificate. */
	@Test
	void anEnterpriseClaimsTheProjectHireSubsidyFromAHireRecordedOnThePlatform() {
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
		browser.signIn("enterprise-demo");
		browser.open("/subsidies/claims?scheme=PROJECT_HIRE");
		var hire = browser.driver().findElement(By.cssSelector("#recorded-hires tr[data-certified='true']"));
		var person = hire.findElement(By.cssSelector("td")).getText().lines().findFirst().orElseThrow();
		hire.findElement(By.cssSelector("a")).click();
		var chosen = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chosen-hire")));
		assertThat(chosen.getText()).contains(person, "招用日期");
		// who, the ID number, the day and the certificate are not asked for again
		assertThat(browser.driver().findElements(By.id("evidence-idNumber"))).isEmpty();
		assertThat(browser.driver().findElements(By.id("evidence-hiredOn"))).isEmpty();
		browser.driver().findElement(By.id("evidence-projectName")).sendKeys("绍兴滨海新区集成电路产业园一期");
		browser.driver().findElement(By.id("bankAccount")).sendKeys("6222021234567890123");
		var submit = browser.driver().findElement(By.id("claim-submit"));
		browser.script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
		submit.click();
		wait.until(ExpectedConditions.stalenessOf(submit));
		assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claim-submitted"))).isDisplayed()).isTrue();
		var row = browser.driver().findElement(By.cssSelector("#claims tbody tr"));
		assertThat(row.getText()).contains("重大项目技能人才招引补贴", "500", "待审核");
		// the hire claimed for is no longer offered
		browser.open("/subsidies/claims?scheme=PROJECT_HIRE");
		assertThat(browser.driver().findElement(By.id("recorded-hires")).getText()).doesNotContain(person);
		browser.signOut();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDecisionsExportDownloadsFromASignedInBrowserWithItsChineseName() {
		browser.signIn("shaoxing");
		browser.open("/subsidies?outcome=GRANTED");
		var link = browser.driver().findElement(By.cssSelector("main a[download][href*='export.xlsx']")).getAttribute("href");
		assertThat(link).contains("outcome=GRANTED");
		var file = browser.fetch(link.substring(browser.url("").length()));
		assertThat(file.get("status")).isEqualTo(200L);
		assertThat((String) file.get("type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat((String) file.get("disposition")).contains("attachment", "filename*=UTF-8''"
				+ URLEncoder.encode("补贴决定", StandardCharsets.UTF_8));
		assertThat((List<Object>) file.get("head")).as("a zip: xlsx").startsWith(0x50L, 0x4BL);
		browser.signOut();
	}

	/**
	 * Confirms the step as the clerk does: in the console's dialog, or in the browser's own when the page's script
	 * falls back to it. Either way the step waited for the confirmation.
	 */
	private void confirm(WebDriverWait wait) {
		wait.until(d -> {
			try {
				d.switchTo().alert().accept();
				return true;
			}
			catch (NoAlertPresentException none) {
				var ok = d.findElements(By.id("confirm-ok"));
				if (!ok.isEmpty() && ok.get(0).isDisplayed()) {
					ok.get(0).click();
					return true;
				}
				return false;
			}
		});
	}

	private WebElement claimRow(String id) {
		return browser.driver().findElement(By.cssSelector("#claims tr[data-id='" + id + "']"));
	}

	private WebElement batchRow(String id) {
		return browser.driver().findElement(By.cssSelector("#batches tr[data-id='" + id + "']"));
	}
}
