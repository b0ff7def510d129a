package cn.gongjiang.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gongjiang.IntegrationTest;

/**
 * The real console in Debian's headless Chromium (never a downloaded browser): a Shaoxing officer signs in, opens
 * the region browser at their own city, drills into 柯桥区 and sees its townships. Screenshots go to
 * target/screenshots.
 */
@IntegrationTest
class ConsoleBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	static WebDriver browser;

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@org.springframework.beans.factory.annotation.Autowired
	cn.gongjiang.Api api;

	@BeforeAll
	static void startBrowser() throws Exception {
		assertThat(CHROMIUM).as("apt-get install chromium chromium-driver (see README)").exists();
		assertThat(CHROMEDRIVER).as("apt-get install chromium chromium-driver (see README)").exists();
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--lang=zh-CN", "--user-data-dir="
						+ Files.createTempDirectory("gongjiang-chromium").toAbsolutePath());
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
				.build();
		browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(new Dimension(1366, 900));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aShaoxingOfficerDrillsFromTheirCityIntoKeqiao() throws Exception {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get(url("/login?lang=zh_CN"));
		screenshot("login");
		browser.findElement(By.id("username")).sendKeys("shaoxing");
		browser.findElement(By.id("password")).sendKeys("Gongjiang@2026");
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlToBe(url("/")));
		screenshot("home");

		browser.findElement(By.linkText("行政区划")).click();
		wait.until(ExpectedConditions.textToBe(By.id("region-name"), "绍兴市"));
		assertThat(browser.findElements(By.cssSelector("#children tbody tr"))).hasSize(6);

		browser.findElement(By.linkText("柯桥区")).click();
		wait.until(ExpectedConditions.textToBe(By.id("region-name"), "柯桥区"));
		var townships = browser.findElements(By.cssSelector("#children tbody tr"));
		assertThat(townships).hasSize(16);
		assertThat(browser.findElement(By.cssSelector(".breadcrumb")).getText()).contains("浙江省", "绍兴市", "柯桥区");
		assertThat(browser.findElement(By.cssSelector("#region-tree a.current")).getText()).isEqualTo("柯桥区");
		assertThat(browser.findElement(By.id("region-tree")).getText()).contains("越城区", "嵊州市").doesNotContain("杭州市");
		screenshot("region-browser-keqiao");

		browser.get(url("/regions/330100"));
		assertThat(browser.getPageSource()).doesNotContain("上城区").contains("404");
		signOut();
	}

	@Test
	void occupationsAreSearchedAsYouType() throws Exception {
		signIn("worker-demo");
		browser.get(url("/occupations"));
		browser.findElement(By.id("occupation-q")).sendKeys("车工");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions
				.textToBePresentInElementLocated(By.id("occupation-results"), "6-18-01-01"));
		screenshot("occupations");
		signOut();
	}

	@Test
	void theAuditorVerifiesTheHashChainWithoutLeavingThePage() throws Exception {
		signIn("auditor");
		browser.findElement(By.linkText("审计日志")).click();
		browser.findElement(By.id("verify-chain")).click();
		var result = new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-result")));
		assertThat(result.getText()).startsWith("哈希链完整");
		assertThat(browser.getCurrentUrl()).endsWith("/audit");
		screenshot("audit-log");
		signOut();
	}

	@Test
	void theSecurityAdministratorSeesEveryAccount() throws Exception {
		signIn("secadmin");
		browser.findElement(By.linkText("账户与角色")).click();
		assertThat(browser.findElement(By.id("accounts")).getText()).contains("shaoxing", "keqiao", "auditor");
		screenshot("accounts");
		signOut();
	}

	@Test
	void anOfficerImportsAFileAndWatchesItFinish() throws Exception {
		var file = Files.createTempFile("persons", ".csv");
		Files.writeString(file, "姓名,身份证号,常住地区划代码\n袁野,%s,330624\n袁林,330624199101010000,330624\n"
				.formatted(cn.gongjiang.shared.IdNumber.withCheckDigit("33062419910101001")));
		signIn("shaoxing");
		browser.get(url("/imports?kind=persons"));
		browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.id("import-submit")).click();
		var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
		wait.until(ExpectedConditions.textToBe(By.id("import-status"), "已完成"));
		assertThat(browser.findElement(By.id("import-accepted")).getText()).isEqualTo("1");
		assertThat(browser.findElement(By.id("import-rejected")).getText()).isEqualTo("1");
		assertThat(browser.findElement(By.id("progress")).getText()).contains("身份证号");
		screenshot("import-done");
		signOut();
	}

	@Test
	void theProvinceSeesTheCitiesOnTheTileMapWithTheChartAndDrillsIntoShaoxing() throws Exception {
		signIn("province");
		browser.get(url("/targets?year=2025&indicator=TECH_SCHOOL_ENROLMENT&asOf=2025-09-30"));
		var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		assertThat(browser.findElements(By.cssSelector("#tile-map .tile"))).hasSize(11);
		// ECharts draws into a canvas: the script loaded under the CSP and read the page's data
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress-chart canvas")));
		assertThat(browser.findElement(By.id("ranking")).getText()).contains("绍兴市", "丽水市");
		assertThat(browser.findElement(By.cssSelector(".dashboard h2")).getText()).isEqualTo("技工院校招生 · 2025");
		browser.get(url("/targets?year=2025&indicator=SKILL_BASED_VILLAGES_NEW&asOf=2025-09-30"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress-chart canvas")));
		// the demo cities' approved returns: Hangzhou reported 105 % of its target, Wenzhou 60 % at 75 % of the year
		assertThat(browser.findElement(By.cssSelector(".tile[data-code='330100']")).getAttribute("class")).contains("status-DONE");
		assertThat(browser.findElement(By.cssSelector(".tile[data-code='330300']")).getAttribute("class")).contains("status-BEHIND");
		Thread.sleep(1500); // let the chart's opening animation finish before the picture
		screenshot("targets-dashboard");
		browser.get(url("/targets?year=2025&indicator=TECH_SCHOOL_ENROLMENT&asOf=2025-09-30"));
		browser.findElement(By.cssSelector("#tile-map .tile[data-code='330600']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("targets-title"), "绍兴市"));
		assertThat(browser.findElement(By.id("tile-map")).getText()).contains("柯桥区", "越城区");
		assertThat(browser.findElement(By.id("targets")).getText()).contains("技工院校招生", "8,760");
		signOut();
	}

	@Test
	void aSchoolSeesARefusalInChineseNextToTheFieldItConcerns() throws Exception {
		signIn("school-demo");
		browser.findElement(By.linkText("技工院校招生")).click();
		var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registration-form")));
		browser.findElement(By.id("idNumber")).sendKeys(cn.gongjiang.shared.IdNumber.withCheckDigit("33010620090909001"));
		browser.findElement(By.id("name")).sendKeys("杭州生");
		browser.findElement(By.id("originRegionCode")).sendKeys("330106");
		browser.findElement(By.id("register-submit")).click();
		var error = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//input[@id='originRegionCode']/following-sibling::span[@class='field-error']")));
		assertThat(error.getText()).contains("不在省内跨市招生", "杭州市", "绍兴市");
		assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("杭州生");
		screenshot("enrolment-refusal");
		signOut();
	}

	@Test
	void aProviderTakesAttendanceWithTheRotatingCodeOnScreen() throws Exception {
		var token = api.bearer("provider-demo");
		var start = java.time.Instant.now().minus(java.time.Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		var created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/training/classes")
				.header("Authorization", token).contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
						{"occupationCode": "6-18-01-01", "grade": "intermediate", "kind": "ON_JOB", "capacity": 10,
						 "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "越城区实训中心 2 楼"}]}"""
						.formatted(start, start.plus(java.time.Duration.ofHours(2)))))
				.andReturn().getResponse().getContentAsString();
		var classId = created.replaceAll("^\\{\"id\":(\\d+).*", "$1");
		for (var trainee : new String[][] { { "33060219920202781", "金考勤" }, { "33060219930303782", "叶考勤" } }) {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.post("/api/v1/training/classes/{id}/enrolments", classId).header("Authorization", token)
					.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
					.content("{\"idNumber\": \"%s\", \"name\": \"%s\"}".formatted(
							cn.gongjiang.shared.IdNumber.withCheckDigit(trainee[0]), trainee[1])));
		}
		signIn("provider-demo");
		browser.findElement(By.linkText("订单式培训")).click();
		var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("classes")));
		browser.findElement(By.linkText(classId)).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("class-title"), "班级 " + classId));
		// htmx fetches the code that changes every minute
		wait.until(d -> d.findElement(By.cssSelector(".session .code")).getText().matches("\\d{6}"));
		for (var box : browser.findElements(By.cssSelector(".attendance-form input[type=checkbox]"))) {
			box.click();
		}
		screenshot("training-attendance");
		browser.findElement(By.cssSelector(".attendance-form button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trainees"), "1 / 1"));
		assertThat(browser.findElement(By.id("trainees")).getText()).contains("金考勤", "叶考勤");
		assertThat(browser.findElements(By.cssSelector(".attendance-form input[type=checkbox]:checked"))).hasSize(2);
		signOut();
	}

	@Test
	void theConsoleSwitchesToEnglish() throws Exception {
		browser.get(url("/login?lang=en"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
		browser.get(url("/login?lang=zh_CN"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
	}

	@Test
	void anEnterpriseClaimIsReviewedApprovedPaidInABatchAndConfirmedFromTheBanksStatement() throws Exception {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		signIn("enterprise-demo");
		browser.findElement(By.linkText("补贴申请")).click();
		browser.findElement(By.cssSelector("#schemes a[data-scheme='TRAINING_BASE']")).click();
		browser.findElement(By.id("evidence-baseName")).sendKeys("越派工匠公共实训基地");
		browser.findElement(By.id("evidence-designation")).sendKeys("绍人社〔2026〕12号");
		browser.findElement(By.id("bankAccount")).sendKeys("6222021234567890123");
		var submit = browser.findElement(By.id("claim-submit"));
		submit.click();
		// the form posts and the page reloads: wait for the new page before reading its rows
		wait.until(ExpectedConditions.stalenessOf(submit));
		var row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#claims tbody tr")));
		var claim = row.getAttribute("data-id");
		assertThat(row.getText()).contains("市级公共实训基地经费", "500000", "待审核");
		screenshot("subsidy-claim");
		signOut();

		signIn("keqiao");
		browser.get(url("/subsidies/claims"));
		claimRow(claim).findElement(By.cssSelector("button.pass")).click();
		wait.until(d -> claimRow(claim).getText().contains("待审批"));
		signOut();
		signIn("shaoxing");
		browser.get(url("/subsidies/claims"));
		claimRow(claim).findElement(By.cssSelector("button.pass")).click();
		wait.until(d -> claimRow(claim).getText().contains("已批准"));
		signOut();

		signIn("keqiao");
		browser.get(url("/subsidies/payments"));
		var open = browser.findElement(By.cssSelector("#queue tr[data-region='330603'][data-source='CITY_TALENT_FUND'] button.open-batch"));
		open.click();
		wait.until(ExpectedConditions.stalenessOf(open));
		var batch = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#batches tbody tr"))).getAttribute("data-id");
		assertThat(batchRow(batch).getText()).contains("待审批");
		signOut();
		signIn("shaoxing");
		browser.get(url("/subsidies/payments"));
		batchRow(batch).findElement(By.cssSelector("button.approve-batch")).click();
		wait.until(d -> batchRow(batch).getText().contains("已审批"));

		// the bank pays from the file and answers with its statement, every line paid
		var file = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/subsidies/payments/batches/{id}/bank-file", batch).param("format", "csv")
				.header("Authorization", api.bearer("shaoxing"))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(file).contains("绍兴示范机械有限公司", "6222021234567890123", "市级公共实训基地经费");
		var statement = new StringBuilder("明细编号,金额（元）,结果,失败原因,银行流水号\n");
		file.lines().skip(1).map(l -> l.split(",")).forEach(l -> statement.append(l[0]).append(',').append(l[5]).append(",成功,,B").append(l[0]).append('\n'));
		var csv = Files.createTempFile("statement", ".csv");
		Files.writeString(csv, statement);
		browser.get(url("/subsidies/payments"));
		browser.findElement(By.id("statement-import")).click();
		browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
		browser.findElement(By.id("import-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("import-status"), "已完成"));
		browser.get(url("/subsidies/payments"));
		assertThat(batchRow(batch).getText()).contains("已结清");
		screenshot("subsidy-payments");
		signOut();
	}

	private org.openqa.selenium.WebElement claimRow(String id) {
		return browser.findElement(By.cssSelector("#claims tr[data-id='" + id + "']"));
	}

	private org.openqa.selenium.WebElement batchRow(String id) {
		return browser.findElement(By.cssSelector("#batches tr[data-id='" + id + "']"));
	}

	private void signIn(String username) {
		browser.get(url("/login?lang=zh_CN"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Gongjiang@2026");
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url("/")));
	}

	private void signOut() {
		browser.manage().deleteAllCookies();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void screenshot(String name) throws Exception {
		var png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}
}
