package cn.gongjiang.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gongjiang.Chromium;
import cn.gongjiang.IntegrationTest;

/**
 * The guard that keeps the console a finished product (X-4, X-1): as every demo account, open every menu item and
 * the first detail page under each list, and fail on what a user should never meet — a {@code ??key??}, JSON or a
 * map dump, an enum code or a hash where a name belongs, a year printed as 2,027, a menu link that answers 403, 404
 * or 5xx, an error in the browser's console, a page wider than 1366 × 768. Every problem found is listed at once.
 */
@IntegrationTest
class ConsoleCrawlBrowserTests {

	/** Acronyms people read as words; never codes. */
	private static final Set<String> WORDS = Set.of("PDF", "CSV", "XLSX", "GBK", "UTF", "API", "TOTP", "SM4", "SM3",
			"AES", "GCM", "URL", "QR", "HTTP", "JSON", "OpenAPI", "CNY", "ID", "HMAC", "ECharts");
	private static final Pattern UPPER_TOKEN = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");
	private static final Pattern HYPHEN_CODE = Pattern.compile("(?<![\\w/.-])[a-z]+(?:-[a-z]+)+(?![\\w/.-])");
	private static final Pattern MESSAGE_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
	private static final Pattern HASH = Pattern.compile("\\b[0-9a-f]{32,}\\b");
	private static final Pattern YEAR_WITH_SEPARATOR = Pattern.compile("\\b[12],\\d{3}\\s*年");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d\\}");

	/** The homes the README shows, one per kind of reader. */
	private static final Set<String> README_HOMES = Set.of("province", "enterprise-demo", "worker-demo");

	/** Menu pages the README shows, by account and path. */
	private static final Map<String, String> README_PAGES = Map.of("worker-demo /me", "worker-archive",
			"shaoxing /subsidies", "subsidy-decisions", "province /analytics/shares", "analytics-shares",
			"province /analytics/circle", "analytics-circle");

	static Chromium browser;
	static Set<String> codes;

	@LocalServerPort
	int port;

	@BeforeAll
	static void codesOfThePlatform() throws Exception {
		codes = enumAndStatusCodes();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "province", "shaoxing", "keqiao", "economy-dept", "enterprise-demo", "provider-demo",
			"school-demo", "worker-demo", "sysadmin", "secadmin", "auditor" })
	void everyMenuPageAndItsFirstDetailReadAsFinished(String account) {
		if (browser == null) {
			browser = Chromium.start(port, 1366, 768);
		}
		browser.signIn(account);
		browser.consoleErrors();
		var problems = new ArrayList<String>();
		check(account, "/", problems);
		if (README_HOMES.contains(account)) {
			browser.readmeImage("home-" + account);
		}
		else {
			browser.screenshot("home-" + account);
		}
		var menu = browser.driver().findElements(By.cssSelector("#menu a.nav-link")).stream()
				.map(a -> a.getAttribute("href")).toList();
		assertThat(menu).as("%s has a menu", account).isNotEmpty();
		for (var href : menu) {
			var path = href.substring(browser.url("").length());
			if (!check(account, path, problems)) {
				continue;
			}
			var readme = README_PAGES.get(account + " " + path);
			if (readme != null) {
				browser.readmeImage(readme);
			}
			var detail = firstDetail();
			if (detail != null) {
				check(account, detail, problems);
			}
		}
		assertThat(problems).as("what %s meets on the console", account).isEmpty();
	}

	/** Opens a page and records what is wrong with it; false when the page itself could not be opened. */
	private boolean check(String account, String path, List<String> problems) {
		browser.open(path);
		var status = browser.status();
		var where = account + " · " + path + ": ";
		if (status != 200) {
			problems.add(where + "answers " + status);
			return false;
		}
		var text = browser.driver().findElement(By.tagName("body")).getText();
		// identifiers people type (usernames, credit codes) are marked translate="no": the code checks skip them
		String names = browser.script("""
				var marked = Array.from(document.querySelectorAll('[translate="no"]'));
				var kept = marked.map(function (e) { var t = e.textContent; e.textContent = ''; return t; });
				var visible = document.body.innerText;
				marked.forEach(function (e, i) { e.textContent = kept[i]; });
				return visible;""");
		find(MESSAGE_KEY, text).forEach(k -> problems.add(where + "message key " + k));
		find(PLACEHOLDER, text).forEach(k -> problems.add(where + "unfilled placeholder " + k));
		if (text.contains("{\"") || text.contains("={")) {
			problems.add(where + "raw JSON or a map: " + around(text, text.contains("{\"") ? "{\"" : "={"));
		}
		find(UPPER_TOKEN, names).stream().filter(codes::contains).filter(t -> !WORDS.contains(t))
				.forEach(t -> problems.add(where + "code " + t + " where a name belongs: " + around(names, t)));
		find(HYPHEN_CODE, names).stream().filter(t -> !t.equals("swagger-ui"))
				.forEach(t -> problems.add(where + "code " + t + " where a name belongs: " + around(names, t)));
		find(HASH, text).forEach(h -> problems.add(where + "a hash shown: " + h));
		find(YEAR_WITH_SEPARATOR, text).forEach(y -> problems.add(where + "a year with a separator: " + y));
		Number overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		if (overflow.intValue() > 0) {
			problems.add(where + "scrolls sideways by " + overflow + " px at 1366 px");
		}
		browser.consoleErrors().forEach(e -> problems.add(where + "browser console: " + e));
		return true;
	}

	/** The first link into a record from a list on the page: a row of a table in the page's main part. */
	private String firstDetail() {
		var base = browser.url("");
		return browser.driver().findElements(By.cssSelector("main table tbody a[href]")).stream()
				.filter(a -> a.getAttribute("download") == null)
				.map(a -> a.getAttribute("href")).filter(h -> h.startsWith(base))
				.map(h -> h.substring(base.length()))
				.filter(p -> !p.startsWith("/api/") && !p.contains("#") && !p.endsWith(".xlsx") && !p.endsWith(".csv")
						&& !p.endsWith(".pdf"))
				.findFirst().orElse(null);
	}

	private static List<String> find(Pattern pattern, String text) {
		var found = new LinkedHashSet<String>();
		var matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return List.copyOf(found);
	}

	private static String around(String text, String token) {
		var at = text.indexOf(token);
		return "…" + text.substring(Math.max(0, at - 30), Math.min(text.length(), at + token.length() + 30))
				.replace('\n', ' ') + "…";
	}

	/**
	 * Every code a user could be shown by mistake: the constants of the platform's enums and the values its check
	 * constraints allow for status and kind columns.
	 */
	static Set<String> enumAndStatusCodes() throws IOException {
		var found = new HashSet<String>();
		var classes = Path.of("target/classes");
		try (Stream<Path> files = Files.walk(classes.resolve("cn/gongjiang"))) {
			files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
				var name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
				try {
					var type = Class.forName(name, false, ConsoleCrawlBrowserTests.class.getClassLoader());
					if (type.isEnum()) {
						for (var constant : type.getEnumConstants()) {
							found.add(((Enum<?>) constant).name());
						}
					}
				}
				catch (ReflectiveOperationException | LinkageError ignored) {
					// not a class of ours to read
				}
			});
		}
		var quoted = Pattern.compile("'([A-Z][A-Z0-9_]{2,})'");
		try (Stream<Path> migrations = Files.walk(classes.resolve("db/migration"))) {
			for (var file : migrations.filter(f -> f.toString().endsWith(".sql")).toList()) {
				var matcher = quoted.matcher(Files.readString(file));
				while (matcher.find()) {
					found.add(matcher.group(1));
				}
			}
		}
		found.removeIf(code -> code.length() < 3);
		return Set.copyOf(found);
	}
}
