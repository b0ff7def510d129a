package cn.gongjiang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.gongjiang.shared.DemoMode;

/**
 * Debian's headless Chromium (never a downloaded browser) driving the real console: sign in as a demo account,
 * read the browser's console, take screenshots into target/screenshots (and, for the README, docs/images).
 */
public final class Chromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	public static final Path SCREENSHOTS = Path.of("target/screenshots");
	public static final Path README_IMAGES = Path.of("docs/images");

	private final WebDriver driver;
	private final int port;

	private Chromium(WebDriver driver, int port) {
		this.driver = driver;
		this.port = port;
	}

	public static Chromium start(int port, int width, int height) {
		assertThat(CHROMIUM).as("apt-get install chromium chromium-driver (see README)").exists();
		assertThat(CHROMEDRIVER).as("apt-get install chromium chromium-driver (see README)").exists();
		try {
			var options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--lang=zh-CN", "--hide-scrollbars",
					"--user-data-dir=" + Files.createTempDirectory("gongjiang-chromium").toAbsolutePath());
			var logging = new LoggingPreferences();
			logging.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logging);
			var service = new ChromeDriverService.Builder()
					.usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
			var driver = new ChromeDriver(service, options);
			driver.manage().window().setSize(new Dimension(width, height));
			Files.createDirectories(SCREENSHOTS);
			return new Chromium(driver, port);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public WebDriver driver() {
		return driver;
	}

	public String url(String path) {
		return "http://localhost:" + port + path;
	}

	public void open(String path) {
		driver.get(url(path));
	}

	public void signIn(String username) {
		driver.manage().deleteAllCookies();
		open("/login?lang=zh_CN");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(DemoMode.DEFAULT_PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url("/")));
	}

	public void signOut() {
		driver.manage().deleteAllCookies();
	}

	public WebDriverWait waiting(int seconds) {
		return new WebDriverWait(driver, Duration.ofSeconds(seconds));
	}

	@SuppressWarnings("unchecked")
	public <T> T script(String script, Object... arguments) {
		return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	/** The HTTP status the current page was served with (Chrome's navigation timing). */
	public long status() {
		Number status = script("var n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;");
		return status == null ? 0 : status.longValue();
	}

	/** Errors the page wrote to the browser's console (failed loads, script errors) since the last call. */
	public List<String> consoleErrors() {
		return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
				.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(e -> e.getMessage()).toList();
	}

	/**
	 * What a signed-in browser gets for {@code path}: the status, type, disposition and first bytes of the body,
	 * fetched with the page's own session cookie.
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> fetch(String path) {
		var result = ((JavascriptExecutor) driver).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' }).then(function (r) {
				  return r.arrayBuffer().then(function (b) {
				    done({ status: r.status, type: r.headers.get('Content-Type') || '',
				           disposition: r.headers.get('Content-Disposition') || '', size: b.byteLength,
				           head: Array.from(new Uint8Array(b.slice(0, 8))) });
				  });
				}, function (e) { done({ status: -1, error: String(e) }); });
				""", path);
		return (Map<String, Object>) result;
	}

	public Path screenshot(String name) {
		try {
			var png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
			var file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, png);
			return file;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A screenshot the README shows: always in target/screenshots, and into docs/images when the run is asked to
	 * refresh them ({@code ./mvnw verify -Dgongjiang.readme-images=true}), so an ordinary test run leaves the tree as
	 * it was.
	 */
	public void readmeImage(String name) {
		var file = screenshot(name);
		if (!Boolean.getBoolean("gongjiang.readme-images")) {
			return;
		}
		try {
			Files.createDirectories(README_IMAGES);
			Files.copy(file, README_IMAGES.resolve(name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}
}
