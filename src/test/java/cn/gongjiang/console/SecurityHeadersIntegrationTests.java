package cn.gongjiang.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.DemoMode;

/**
 * Over real HTTP: security headers on every response, the session cookie's flags, the public endpoints. A context of
 * its own: MockMvc's {@code csrf()} swaps the CSRF filter's token store for a session-backed one in the context it
 * runs in, and the real server shares that filter, so only a context no MockMvc test has used shows what production
 * does.
 */
@IntegrationTest
@TestPropertySource(properties = "gongjiang.test.context=real-http-only")
class SecurityHeadersIntegrationTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyResponseCarriesTheSecurityHeaders() throws Exception {
		for (var path : new String[] { "/login", "/api/v1/regions/330000", "/actuator/health", "/no-such-page" }) {
			var response = get(path);
			var headers = response.headers();
			assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
					.contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'"));
			assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(headers.firstValue("Cache-Control")).as(path).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		}
	}

	@Test
	void nobodyGetsASessionBeforeSigningInAndTheSessionCookieIsHttpOnlyAndSameSite() throws Exception {
		// the public pages and the sign-in page create no session
		for (var path : new String[] { "/login", "/verify", "/verify?number=ZJ3306022026001&name=%E5%BC%A0%E6%98%8E", "/" }) {
			assertThat(get(path).headers().allValues("Set-Cookie")).as(path)
					.noneMatch(c -> c.startsWith("GONGJIANG_SESSION="));
		}
		// the sign-in form still works over real HTTP: its CSRF token travels in a cookie of its own
		var login = get("/login");
		var csrfCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
				.findFirst().orElseThrow();
		assertThat(csrfCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
		var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
		assertThat(token.find()).as("the form carries the token").isTrue();
		var form = "username=worker-demo&password=" + URLEncoder.encode(DemoMode.DEFAULT_PASSWORD,
				StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1),
						StandardCharsets.UTF_8);
		var signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		var cookie = signedIn.headers().allValues("Set-Cookie").stream()
				.filter(c -> c.startsWith("GONGJIANG_SESSION=")).findFirst().orElseThrow();
		assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
	}

	@Test
	void hstsIsSentWhenTheRequestCameOverHttpsThroughTheProxy() throws Exception {
		assertThat(get("/login").headers().firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();
		var proxied = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
				.hasValueSatisfying(h -> assertThat(h).contains("max-age="));
	}

	@Test
	void thirtyIdleMinutesEndASession(@Autowired
			Environment environment) {
		assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class))
				.isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void healthIsPublicButShowsOnlyTheStatusAndMetricsNeedAnAccount() throws Exception {
		var health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("db", "diskSpace");
		assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() throws Exception {
		var docs = get("/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/regions/{code}/children", "/api/v1/auth/token",
				"/api/v1/occupations/{code}", "/api/v1/imports", "/api/v1/certificates/verify", "Gongjiang 工匠 API",
				"bearer");
		assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
	}

	@Test
	void consolePagesNeedASignIn() throws Exception {
		var response = get("/regions/330600");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
