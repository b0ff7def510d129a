package cn.gongjiang.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gongjiang.Chromium;
import cn.gongjiang.IntegrationTest;

/**
 * The analysis pages (ANA-1..4) in Debian's headless Chromium, as the province and as 柯桥区: each view renders in
 * Chinese with its figures, its chart script runs under the CSP, its export downloads an xlsx with a Chinese name,
 * and no page scrolls sideways; the drill-down leads from the province to a city to a county; a worker reads their
 * own profile on a phone.
 */
@IntegrationTest
class AnalyticsBrowserTests {

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

	/** Each view: its path, the element that names it, and the canvas its chart draws (null for none). */
	static final List<String[]> VIEWS = List.of(new String[] { "/analytics/shares", "shares-title", "#shares-chart canvas" },
			new String[] { "/analytics/wages", "wages-title", "#wages-chart canvas" },
			new String[] { "/analytics/profiles", "profile-title", "#pyramid-chart canvas" },
			new String[] { "/analytics/circle", "circle-title", null },
			new String[] { "/analytics/circle/calibration", "calibration-title", null },
			new String[] { "/analytics/employment", "employment-form", null },
			new String[] { "/analytics/sites", "sites-title", null });

	@Test
	void theProvinceAndKeqiaoOpenEveryViewInChineseWithChartsAndNoSidewaysScroll() {
		for (var account : Map.of("province", "浙江省", "keqiao", "柯桥区").entrySet()) {
			browser.signIn(account.getKey());
			browser.consoleErrors();
			for (var view : VIEWS) {
				browser.open(view[0]);
				assertThat(browser.status()).as(account.getKey() + " " + view[0]).isEqualTo(200);
				var named = browser.driver().findElement(By.id(view[1])).getText();
				assertThat(named).as(view[0]).doesNotContain("??", "analytics.");
				if (!view[0].contains("employment") && !view[0].contains("sites")) {
					assertThat(named).as(view[0]).startsWith(account.getValue());
				}
				var chart = view[2];
				if (chart != null && !(account.getKey().equals("keqiao") && view[0].equals("/analytics/shares"))) {
					browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(chart)));
				}
				Number width = browser.script("return document.documentElement.scrollWidth;");
				assertThat(width.intValue()).as(view[0] + " scrolls sideways").isLessThanOrEqualTo(1366);
				var text = browser.driver().findElement(By.tagName("body")).getText();
				assertThat(text).as(view[0]).doesNotContain("??", "null", "analytics.", "{\"");
				assertThat(browser.consoleErrors()).as(account.getKey() + " " + view[0]).isEmpty();
			}
			browser.signOut();
		}
	}

	@Test
	void theProvinceDrillsFromTheCitiesToShaoxingToKeqiaoAndDownloadsTheFigures() {
		browser.signIn("province");
		browser.open("/analytics/shares");
		var wait = browser.waiting(20);
		assertThat(browser.driver().findElements(By.cssSelector("#shares-table tbody tr[data-code]"))).hasSize(11);
		click("#shares-table tr[data-code='330600'] a");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shares-title"), "绍兴市"));
		assertThat(browser.driver().findElement(By.id("shares-table")).getText()).contains("柯桥区", "越城区");
		// the employed figure's source stands beside every share
		assertThat(browser.driver().findElement(By.id("shares-table")).getText()).contains("示例数据");
		click("#shares-table tr[data-code='330603'] a");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shares-title"), "柯桥区"));
		var file = browser.fetch("/api/v1/analytics/skilled-shares.xlsx?region=330603");
		assertThat(file.get("status")).isEqualTo(200L);
		assertThat((String) file.get("disposition")).contains("UTF-8''");
		assertThat(((List<?>) file.get("head")).subList(0, 2)).asString().isEqualTo("[80, 75]");
		browser.open("/analytics/wages?region=330600&year=2025");
		assertThat(browser.driver().findElement(By.id("wages-table")).getText()).contains("初级工", "中位数");
		browser.open("/analytics/circle?region=330603");
		wait.until(d -> "plane".equals(d.findElement(By.id("circle-map")).getAttribute("data-map"))
				|| "geo".equals(d.findElement(By.id("circle-map")).getAttribute("data-map")));
		assertThat(browser.driver().findElement(By.id("coverage")).getText()).contains("柯桥区");
		browser.screenshot("analytics-circle-keqiao");
		browser.signOut();
	}

	/** Follows a link as a reader would, scrolled into view first (the chart above it is tall). */
	private void click(String selector) {
		var link = browser.driver().findElement(By.cssSelector(selector));
		browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", link);
	}

	@Test
	void aWorkerReadsTheirOwnProfileOnAPhone() {
		browser.signIn("worker-demo");
		browser.driver().manage().window().setSize(new Dimension(375, 800));
		try {
			browser.consoleErrors();
			browser.open("/analytics/me");
			assertThat(browser.driver().findElement(By.id("person-title")).getText()).startsWith("张明");
			browser.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grade-chart canvas")));
			assertThat(browser.driver().findElement(By.id("certificates")).getText()).contains("高级工");
			Number width = browser.script("return document.documentElement.scrollWidth;");
			assertThat(width.intValue()).isLessThanOrEqualTo(375);
			assertThat(browser.consoleErrors()).isEmpty();
			browser.open("/analytics/shares");
			assertThat(browser.status()).isEqualTo(403);
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1366, 900));
			browser.signOut();
		}
	}
}
