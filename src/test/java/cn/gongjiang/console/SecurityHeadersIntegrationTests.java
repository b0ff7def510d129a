package cn.gongjiang.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gongjiang.IntegrationTest;

/** Over real HTTP: security headers on every response, the session cookie's flags, the public endpoints. */
@IntegrationTest
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
	void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
		var cookie = get("/login").headers().allValues("Set-Cookie").stream()
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
	void thirtyIdleMinutesEndASession(@org.springframework.beans.factory.annotation.Autowired
			org.springframework.core.env.Environment environment) {
		assertThat(environment.getProperty("server.servlet.session.timeout", java.time.Duration.class))
				.isEqualTo(java.time.Duration.ofMinutes(30));
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
