package cn.gongjiang.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gongjiang.Chromium;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;

/** Registration refused in Chinese beside the field it concerns. In Debian's headless Chromium. */
@IntegrationTest
class EnrolmentBrowserTests {

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
	void aSchoolSeesARefusalInChineseNextToTheFieldItConcerns() throws Exception {
		browser.signIn("school-demo");
		browser.driver().findElement(By.linkText("招生与学籍")).click();
		var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registration-form")));
		browser.driver().findElement(By.id("idNumber")).sendKeys(IdNumber.withCheckDigit("33010620090909001"));
		browser.driver().findElement(By.id("name")).sendKeys("杭州生");
		new Select(browser.driver().findElement(By.id("specialtyCode"))).selectByVisibleText("数控加工");
		// the origin from the region cascade: the city, then the county it loads
		new Select(browser.driver().findElement(By.id("originRegionCode-level-0"))).selectByVisibleText("杭州市");
		var county = By.xpath("//select[@id='originRegionCode-level-1']/option[text()='西湖区']");
		wait.until(ExpectedConditions.presenceOfElementLocated(county));
		new Select(browser.driver().findElement(By.id("originRegionCode-level-1"))).selectByVisibleText("西湖区");
		assertThat(browser.driver().findElement(By.id("originRegionCode")).getAttribute("value")).isEqualTo("330106");
		click(By.id("register-submit"));
		var error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#origin .field-error")));
		assertThat(error.getText()).contains("不在省内跨市招生", "杭州市", "绍兴市");
		assertThat(browser.driver().findElement(By.id("name")).getAttribute("value")).isEqualTo("杭州生");
		// the form keeps the origin chosen, in the cascade
		assertThat(new Select(browser.driver().findElement(By.id("originRegionCode-level-1"))).getFirstSelectedOption().getText())
				.isEqualTo("西湖区");
		browser.readmeImage("enrolment-refusal");
		browser.signOut();
	}

	@Test
	void aSchoolAddsPlanLinesWithTheLineEditor() {
		browser.signIn("school-demo");
		browser.open("/enrolment/schools/12330600MB12345675");
		click(By.cssSelector("#plan-draft summary"));
		var rows = By.cssSelector("#plan-form [data-plan-line]");
		int before = browser.driver().findElements(rows).size();
		click(By.cssSelector("#plan-form [data-add-line]"));
		assertThat(browser.driver().findElements(rows)).hasSize(before + 1);
		click(By.cssSelector("#plan-form [data-plan-line]:last-child [data-remove-line]"));
		assertThat(browser.driver().findElements(rows)).hasSize(before);
		assertThat(browser.consoleErrors()).isEmpty();
		browser.signOut();
	}

	/** Clicks an element once it is scrolled to the middle of the window, clear of the sticky bars. */
	private static void click(By by) {
		var element = browser.driver().findElement(by);
		browser.script("arguments[0].scrollIntoView({ block: 'center', behavior: 'instant' });", element);
		element.click();
	}
}
