package cn.gongjiang.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * a province officer's persons list in the console (the HTML page: keyset query, total, names, rendering) over
 * every person the import scenario loaded, against the bare endpoint of the same server. Each call is timed alone;
 * p95 of the calls: the first page, the next pages by following the page's own "next" link, a county, and a name.
 */
@Component
class PersonsPageBench {

	private static final Logger log = LoggerFactory.getLogger(PersonsPageBench.class);
	private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");

	private final JdbcClient jdbc;

	PersonsPageBench(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<BenchCommand.Result> pageVersusBare(int port, int calls) throws Exception {
		var persons = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
		if (persons == 0) {
			throw new IllegalStateException("the persons page reads the imported persons: run it with the import scenario");
		}
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/bench/session"))
				.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
		if (signIn.statusCode() != 200) {
			throw new IllegalStateException("bench session refused: " + signIn.statusCode());
		}
		var counties = jdbc.sql("select distinct residence_region from registry.person limit 20").query(String.class).list();
		var names = jdbc.sql("select name from registry.person tablesample system (1) limit 50").query(String.class).list();
		var number = jdbc.sql("select number from certification.certificate limit 1").query(String.class).optional()
				.orElse("NONE");
		// the walk: first page, then five "next" pages, then a county and a name, repeated
		var paths = new ArrayList<String>();
		var next = "/persons";
		for (int i = 0; paths.size() < calls; i++) {
			paths.add(next);
			if (i % 8 == 6) {
				paths.add("/persons?region=" + counties.get(i % counties.size()));
			}
			if (i % 8 == 7) {
				paths.add("/persons?name=" + URLEncoder.encode(names.get(i % names.size()),
						StandardCharsets.UTF_8));
				next = "/persons";
				continue;
			}
			var page = get(http, port, next);
			if (!page.body().contains("共 ")) {
				throw new IllegalStateException("the persons page did not answer with its list: " + page.statusCode());
			}
			var link = NEXT.matcher(page.body());
			next = link.find() ? link.group(1).replace("&amp;", "&") : "/persons";
		}
		// warm both, then time them in turns so a checkpoint hits both alike
		for (int i = 0; i < 20; i++) {
			get(http, port, paths.get(i % paths.size()));
			get(http, port, "/bench/certificate?number=" + number);
		}
		var product = new double[calls];
		var bare = new double[calls];
		for (int i = 0; i < calls; i++) {
			var start = System.nanoTime();
			var response = get(http, port, paths.get(i));
			product[i] = (System.nanoTime() - start) / 1e6;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(paths.get(i) + " answered " + response.statusCode());
			}
			start = System.nanoTime();
			get(http, port, "/bench/certificate?number=" + number);
			bare[i] = (System.nanoTime() - start) / 1e6;
		}
		var p95 = p95(product);
		var bareP95 = p95(bare);
		log.info("persons page over {} persons: p95 {} ms (bare endpoint {} ms)", persons, p95, bareP95);
		return List.of(new BenchCommand.Result("console.persons.page.p95", "ms", p95,
				"bare endpoint, same server, p95", bareP95, p95 / bareP95,
				String.format("p95 < 200 ms over %,d persons (province officer)", persons), p95 < 200));
	}

	private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static double p95(double[] values) {
		var sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
	}
}
