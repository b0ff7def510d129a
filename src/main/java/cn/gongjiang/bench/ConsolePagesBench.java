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
 * Console pages as a province officer opens them, each call timed alone against the bare endpoint of the same server
 * (p95 of each): X-4, the persons list (the HTML page: keyset query, total, names, rendering) over every person
 * loaded, walked as an officer does (the first page, the next pages by the page's own "next" link, a county, a
 * name); X-5, a person's archive and a city's targets dashboard.
 */
@Component
class ConsolePagesBench {

	private static final Logger log = LoggerFactory.getLogger(ConsolePagesBench.class);
	private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");

	private final JdbcClient jdbc;

	ConsolePagesBench(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<BenchCommand.Result> pageVersusBare(int port, int calls) throws Exception {
		var persons = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
		if (persons == 0) {
			throw new IllegalStateException("the persons page reads the imported persons: run it with the import scenario");
		}
		var http = signedIn(port);
		var counties = jdbc.sql("select distinct residence_region from registry.person limit 20").query(String.class).list();
		var names = jdbc.sql("select name from registry.person tablesample system (1) limit 50").query(String.class).list();
		var number = someCertificate();
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
		var walk = paths.subList(0, calls);
		var timings = timed(http, port, walk, number);
		var results = new ArrayList<BenchCommand.Result>();
		results.add(result(timings, "console.persons.page.p95",
				String.format("p95 < 200 ms over %,d persons (province officer)", persons)));
		// the same calls by kind, for information: which of them makes the tail
		for (var kind : List.of("paging", "county", "name")) {
			var chosen = new ArrayList<Integer>();
			for (int i = 0; i < walk.size(); i++) {
				var path = walk.get(i);
				var of = path.contains("region=") ? "county" : path.contains("name=") ? "name" : "paging";
				if (of.equals(kind)) {
					chosen.add(i);
				}
			}
			var product = chosen.stream().mapToDouble(i -> timings[0][i]).toArray();
			var bare = chosen.stream().mapToDouble(i -> timings[1][i]).toArray();
			results.add(result(new double[][] { product, bare }, "console.persons.page." + kind + ".p95",
					String.format("(for information: %d of the calls above)", chosen.size())));
		}
		return results;
	}

	/**
	 * X-5 (issue 18): the pages an officer opens most on a loaded province, each against the bare endpoint: a
	 * person's archive (the registry's history and the archive's lines of persons picked at random) and a city's
	 * targets dashboard (each city in turn, from the rollup).
	 */
	List<BenchCommand.Result> archiveAndDashboard(int port, int calls) throws Exception {
		var http = signedIn(port);
		var number = someCertificate();
		// persons at random by id (index look-ups, where a sample of pages may find none in a small table)
		var ids = jdbc.sql("""
				select p.id from (
				    select m.low + floor(random() * (m.high - m.low + 1))::bigint as id
				    from (select min(id) as low, max(id) as high from registry.person) m, generate_series(1, :n * 4)
				) r join registry.person p on p.id = r.id
				limit :n""").param("n", calls).query(Long.class).list();
		if (ids.isEmpty()) {
			throw new IllegalStateException("the archive page reads persons: load or import some first");
		}
		var archives = new ArrayList<String>();
		for (int i = 0; i < calls; i++) {
			archives.add("/persons/" + ids.get(i % ids.size()));
		}
		var cities = jdbc.sql("select code from region.region where level = 2 order by code").query(String.class).list();
		var dashboards = new ArrayList<String>();
		for (int i = 0; i < calls; i++) {
			dashboards.add("/targets?region=" + cities.get(i % cities.size()));
		}
		var persons = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
		return List.of(
				versusBare(http, port, archives, number, "console.archive.p95",
						String.format("p95 < 200 ms over %,d persons (province officer)", persons)),
				versusBare(http, port, dashboards, number, "console.dashboard.city.p95",
						"p95 < 200 ms (province officer, a city's dashboard)"));
	}

	/** A console session of a province officer (the bench's own sign-in, no second factor). */
	private static HttpClient signedIn(int port) throws Exception {
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/bench/session"))
				.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
		if (signIn.statusCode() != 200) {
			throw new IllegalStateException("bench session refused: " + signIn.statusCode());
		}
		return http;
	}

	private String someCertificate() {
		return jdbc.sql("select number from certification.certificate limit 1").query(String.class).optional()
				.orElse("NONE");
	}

	/** Each path timed alone and the bare endpoint after it, in turns so that a checkpoint hits both alike. */
	private static BenchCommand.Result versusBare(HttpClient http, int port, List<String> paths, String number,
			String name, String goal) throws Exception {
		return result(timed(http, port, paths, number), name, goal);
	}

	/** Milliseconds of each path and of the bare endpoint called after it: {product, bare}. */
	private static double[][] timed(HttpClient http, int port, List<String> paths, String number) throws Exception {
		for (int i = 0; i < 20; i++) {
			get(http, port, paths.get(i % paths.size()));
			get(http, port, "/bench/certificate?number=" + number);
		}
		var product = new double[paths.size()];
		var bare = new double[paths.size()];
		for (int i = 0; i < paths.size(); i++) {
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
		return new double[][] { product, bare };
	}

	private static BenchCommand.Result result(double[][] timings, String name, String goal) {
		var p95 = p95(timings[0]);
		var bareP95 = p95(timings[1]);
		log.info("{}: p95 {} ms (bare endpoint {} ms)", name, p95, bareP95);
		return new BenchCommand.Result(name, "ms", p95, "bare endpoint, same server, p95", bareP95, p95 / bareP95,
				goal, goal.startsWith("(for information") || p95 < 200);
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
