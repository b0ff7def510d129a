package cn.gongjiang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.DemoMode;

/** X-2 (issue 19): an upload over the size limit is refused with a reason, on the API and on the console page. */
@IntegrationTest
class UploadLimitIntegrationTests {

	static final String HEADER = PersonImportIntegrationTests.HEADER;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Console console;

	@LocalServerPort
	int port;

	@Test
	void anApiUploadOverTheLimitIsAnsweredWith413AndAProblemDetail() throws Exception {
		var response = oversizeUpload("/api/v1/imports?kind=persons", "Authorization: " + api.bearer("shaoxing"));
		assertThat(response).startsWith("HTTP/1.1 413");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json")
				.contains("\"code\":\"request.upload.too-large\"", "512 MB");
	}

	@Test
	void aConsoleUploadOverTheLimitReturnsToTheImportPageWhichSaysSo() throws Exception {
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var login = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
		http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=shaoxing&password="
						+ URLEncoder.encode(DemoMode.DEFAULT_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
						+ csrf(login.body())))
				.build(), HttpResponse.BodyHandlers.ofString());
		var page = http.send(HttpRequest.newBuilder(uri("/imports")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		var form = Pattern.compile("<form action=\"([^\"]*)\"[^>]*id=\"import-form\"").matcher(page.body());
		assertThat(form.find()).as("the upload form").isTrue();
		var cookie = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
				.filter(c -> c.getName().equals("GONGJIANG_SESSION")).findFirst().orElseThrow();
		var response = oversizeUpload(form.group(1).replace("&amp;", "&"),
				"Cookie: GONGJIANG_SESSION=" + cookie.getValue());
		assertThat(response).startsWith("HTTP/1.1 302");
		var location = Pattern.compile("(?im)^Location: (\\S+)").matcher(response);
		assertThat(location.find()).isTrue();
		assertThat(location.group(1)).endsWith("/imports?refused=too-large");
		var refused = mvc.perform(get("/imports").param("refused", "too-large").session(console.session("shaoxing")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("id=\"import-refused\"", "512 MB");
	}

	/**
	 * Announces a 600 MB multipart body but sends only its start: the limit is checked against the announced length,
	 * so the answer comes at once (MockMvc does not enforce multipart limits, so this goes over a real socket).
	 */
	private String oversizeUpload(String path, String credentials) throws IOException {
		try (var socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			var boundary = "gongjiang-boundary";
			var start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
					+ "Content-Type: text/csv\r\n\r\n" + HEADER).getBytes(StandardCharsets.UTF_8);
			var request = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + credentials + "\r\n"
					+ "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + (600L << 20)
					+ "\r\nAccept-Language: zh-CN\r\nConnection: close\r\n\r\n";
			var out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.write(start);
			out.flush();
			// Tomcat answers at once, then keeps the connection to swallow what the client still sends: read the
			// answer alone, not up to the end of the stream
			var response = new ByteArrayOutputStream();
			var in = socket.getInputStream();
			for (int b; (b = in.read()) >= 0;) {
				response.write(b);
				var text = response.toString(StandardCharsets.ISO_8859_1);
				var end = text.indexOf("\r\n\r\n");
				if (end >= 0) {
					var length = Pattern.compile("(?im)^Content-Length: (\\d+)").matcher(text.substring(0, end));
					if (length.find() ? text.length() >= end + 4 + Integer.parseInt(length.group(1))
							: text.endsWith("\r\n0\r\n\r\n")) {
						break;
					}
				}
			}
			return response.toString(StandardCharsets.UTF_8);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String csrf(String html) {
		var m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(html);
		if (!m.find()) {
			throw new AssertionError("no CSRF token in the page");
		}
		return m.group(1) != null ? m.group(1) : m.group(2);
	}

}
