package cn.gongjiang.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gongjiang.Chromium;
import cn.gongjiang.IntegrationTest;

/**
 * REC-2 in the console, in Debian's headless Chromium: the worker reads why each job fits and applies; the enterprise
 * finds the application beside its ranked candidates, each with the reasons, and sends an offer the worker sees.
 */
@IntegrationTest
class RecruitmentBrowserTests {

	static Chromium browser;

	@LocalServerPort
	int port;

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@Test
	void aWorkerAppliesToAJobThatFitsAndTheEnterpriseSendsAnOffer() {
		if (browser == null) {
			browser = Chromium.start(port, 1366, 900);
		}
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
		browser.signIn("worker-demo");
		browser.open("/recruitment");
		var cards = browser.driver().findElements(By.cssSelector("#suggestions .suggestion"));
		assertThat(cards).isNotEmpty();
		// every suggestion says why, component by component, in Chinese
		for (var card : cards) {
			assertThat(card.findElements(By.cssSelector(".match-reasons li"))).hasSizeGreaterThanOrEqualTo(3);
			assertThat(card.findElement(By.cssSelector(".match-score")).getText()).endsWith("%");
		}
		var mine = cards.stream().filter(c -> c.getText().contains("绍兴示范机械有限公司")).findFirst().orElseThrow();
		var job = mine.getAttribute("data-job");
		var title = mine.findElement(By.cssSelector("a.fw-bold")).getText();
		assertThat(mine.getText()).contains("持有");
		browser.readmeImage("recruitment-worker");
		var apply = mine.findElement(By.cssSelector("button.apply"));
		apply.click();
		wait.until(ExpectedConditions.stalenessOf(apply));
		var application = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#my-applications .list-group-item")));
		assertThat(application.getText()).contains(title, "已投递");
		browser.signOut();

		browser.signIn("enterprise-demo");
		browser.open("/recruitment/jobs/" + job);
		var candidates = browser.driver().findElements(By.cssSelector("#candidates .candidate"));
		assertThat(candidates).isNotEmpty();
		assertThat(candidates.get(0).getAttribute("data-rank")).isEqualTo("1");
		assertThat(candidates.get(0).findElements(By.cssSelector(".match-reasons li"))).hasSizeGreaterThanOrEqualTo(3);
		// the applicant among the ranked candidates is marked, not offered an invitation again
		var applicant = candidates.stream().filter(c -> c.getText().contains("张明")).findFirst().orElseThrow();
		assertThat(applicant.getText()).contains("已在应聘");
		assertThat(applicant.findElements(By.cssSelector("button.invite"))).isEmpty();
		var row = applicationOf("张明");
		assertThat(row.getText()).contains("已投递");
		browser.readmeImage("recruitment-enterprise");
		var offer = row.findElement(By.cssSelector("button[value='OFFERED']"));
		browser.script("arguments[0].scrollIntoView({block: 'center'})", offer);
		offer.click();
		wait.until(ExpectedConditions.stalenessOf(offer));
		assertThat(applicationOf("张明").getText()).contains("已发录用通知");
		browser.signOut();

		browser.signIn("worker-demo");
		browser.open("/recruitment");
		assertThat(browser.driver().findElement(By.id("my-applications")).getText()).contains(title, "已发录用通知");
		browser.signOut();
	}

	/** The school sees the event it takes part in and the graduates it put forward there, seeking or placed. */
	@Test
	void aSchoolSeesTheEventsItTakesPartInAndTheGraduatesItPutForward() {
		if (browser == null) {
			browser = Chromium.start(port, 1366, 900);
		}
		browser.signIn("school-demo");
		browser.open("/recruitment");
		assertThat(browser.driver().findElement(By.cssSelector("table.events")).getText()).contains("绍兴市订单式现场招聘会", "筹备中");
		var graduates = browser.driver().findElements(By.cssSelector("#graduates tbody tr"));
		assertThat(graduates).hasSizeGreaterThanOrEqualTo(2);
		assertThat(graduates.get(0).getText()).containsAnyOf("正在求职", "已就业");
		// on the event's page the school may put forward more, by real name
		browser.driver().findElement(By.linkText("绍兴市订单式现场招聘会")).click();
		assertThat(browser.driver().findElement(By.id("add-seeker")).getText()).contains("登记应届毕业生");
		browser.signOut();
	}

	private WebElement applicationOf(String name) {
		return browser.driver().findElements(By.cssSelector("#application-table tbody tr")).stream()
				.filter(r -> r.getText().contains(name)).findFirst().orElseThrow();
	}
}
