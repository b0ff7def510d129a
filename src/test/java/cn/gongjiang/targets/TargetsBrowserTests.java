package cn.gongjiang.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gongjiang.Chromium;
import cn.gongjiang.IntegrationTest;

/**
 * The targets dashboard: the real map with the cities coloured by status, the chart, the drill-down into a city's
 * counties by clicking the map; the reports downloading from a signed-in browser. In Debian's headless Chromium.
 */
@IntegrationTest
class TargetsBrowserTests {

	static final List<String> CITIES = List.of("杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市",
			"舟山市", "台州市", "丽水市");

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

	/** What the map drew, as the chart's own option says: polygon name → status. */
	private Map<String, String> drawn(WebDriverWait wait) {
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#region-map canvas")));
		wait.until(d -> browser.script("return document.getElementById('region-map').dataset.drawn != null;"));
		List<Map<String, Object>> data = browser.script("""
				var chart = echarts.getInstanceByDom(document.getElementById('region-map'));
				return chart.getOption().series[0].data.map(function (d) { return { name: d.name, status: d.status }; });
				""");
		var drawn = new LinkedHashMap<String, String>();
		data.forEach(d -> drawn.put((String) d.get("name"), (String) d.get("status")));
		return drawn;
	}

	@Test
	void theProvinceSeesTheCitiesOnTheMapWithTheChartAndDrillsIntoShaoxing() throws Exception {
		browser.signIn("province");
		browser.open("/targets?year=2025&indicator=TECH_SCHOOL_ENROLMENT&asOf=2025-09-30");
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
		assertThat(drawn(wait).keySet()).containsExactlyInAnyOrderElementsOf(CITIES);
		// ECharts draws the chart into a canvas: the script loaded under the CSP and read the page's data
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress-chart canvas")));
		assertThat(browser.driver().findElement(By.id("ranking")).getText()).contains("绍兴市", "丽水市");
		assertThat(browser.driver().findElement(By.id("map-title")).getText()).isEqualTo("技工院校招生 · 2025");
		browser.open("/targets?year=2025&indicator=SKILL_BASED_VILLAGES_NEW&asOf=2025-09-30");
		// the demo cities' approved returns: Hangzhou reported 105 % of its target, Wenzhou 60 % at 75 % of the year
		var villages = drawn(wait);
		assertThat(villages).hasSize(11).containsEntry("杭州市", "DONE").containsEntry("温州市", "BEHIND");
		assertThat(villages.values()).doesNotContain("none");
		assertThat(browser.driver().findElement(By.cssSelector("#ranking tr[data-code='330100']")).getAttribute("data-status"))
				.isEqualTo("DONE");
		Thread.sleep(1500); // let the chart's opening animation finish before the picture
		browser.readmeImage("targets-dashboard");
		assertThat(browser.consoleErrors()).isEmpty();

		browser.open("/targets?year=2025&indicator=TECH_SCHOOL_ENROLMENT&asOf=2025-09-30");
		drawn(wait);
		// a click on Shaoxing where the map draws it, in the viewport's coordinates
		List<Number> at = browser.script("""
				var holder = document.getElementById('region-map');
				holder.scrollIntoView({ block: 'center', behavior: 'instant' });
				var box = holder.getBoundingClientRect();
				var pixel = echarts.getInstanceByDom(holder).convertToPixel({ seriesIndex: 0 }, [120.55, 29.85]);
				return [box.left + pixel[0], box.top + pixel[1]];
				""");
		new Actions(browser.driver()).moveToLocation(at.get(0).intValue(), at.get(1).intValue()).click().perform();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("targets-title"), "绍兴市"));
		assertThat(drawn(wait).keySet()).contains("柯桥区", "越城区", "上虞区", "诸暨市", "嵊州市", "新昌县");
		assertThat(browser.driver().findElement(By.id("ranking")).getText()).contains("柯桥区", "越城区");
		assertThat(browser.driver().findElement(By.id("targets")).getText()).contains("技工院校招生", "8,760");

		// Hangzhou's base map predates 2021: its two new districts are named under the map
		browser.open("/targets?region=330100&year=2025&indicator=TECH_SCHOOL_ENROLMENT");
		assertThat(drawn(wait)).containsKeys("下城区", "江干区");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("map-note")));
		assertThat(browser.driver().findElement(By.id("map-note")).getText()).contains("临平区", "钱塘区");
		browser.signOut();
	}

	@Test
	void aSignedInOfficerDownloadsTheReportAsExcelAndPdfWithItsChineseName() {
		browser.signIn("shaoxing");
		browser.open("/targets/reports/330600/2025/3");
		assertThat(browser.driver().findElement(By.id("download-xlsx")).getAttribute("href"))
				.endsWith("/api/v1/targets/reports/330600/2025/3.xlsx");
		var name = URLEncoder.encode("绍兴市-2025年第3季度工作报告", StandardCharsets.UTF_8).replace("+", "%20");
		var xlsx = browser.fetch("/api/v1/targets/reports/330600/2025/3.xlsx");
		assertThat(((Number) xlsx.get("status")).intValue()).isEqualTo(200);
		assertThat((String) xlsx.get("type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat((String) xlsx.get("disposition")).startsWith("attachment").contains("filename*=UTF-8''" + name + ".xlsx");
		assertThat(head(xlsx, 2)).isEqualTo("PK");
		var pdf = browser.fetch("/api/v1/targets/reports/330600/2025/3.pdf");
		assertThat(((Number) pdf.get("status")).intValue()).isEqualTo(200);
		assertThat((String) pdf.get("type")).startsWith("application/pdf");
		assertThat((String) pdf.get("disposition")).contains("filename*=UTF-8''" + name + ".pdf");
		assertThat(head(pdf, 4)).isEqualTo("%PDF");
		browser.signOut();
	}

	@SuppressWarnings("unchecked")
	private static String head(Map<String, Object> fetched, int bytes) {
		var head = (List<Number>) fetched.get("head");
		var text = new StringBuilder();
		for (int i = 0; i < bytes; i++) {
			text.append((char) head.get(i).intValue());
		}
		return text.toString();
	}
}
