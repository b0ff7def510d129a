package cn.gongjiang.bench;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.dhatim.fastexcel.Workbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.sun.management.OperatingSystemMXBean;

import cn.gongjiang.database.CsvCopy;
import cn.gongjiang.imports.BulkImport;
import cn.gongjiang.imports.ImportStatus;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -Xmx512m -jar gongjiang.jar bench [--scale=small|medium|province] [--out=DIR]
 * [--scenarios=import,console,reads,verify,targets,enrolment,recruitment,subsidy,analytics,certificates,training] [--rows=N]
 * [--xlsx-rows=N] [--certificate-rows=N] [--trainees=N] [--requests=N] [--target-records=N] [--registrations=N] [--roster=N] [--certificates=N] [--on-data=DIR]}: on a throwaway embedded
 * database,
 * <ol>
 * <li>import N generated persons through the whole pipeline (parse, check, seal, COPY to staging, set-based checks,
 * merge) next to a raw {@code COPY} of the same final rows into an identical, identically indexed table;</li>
 * <li>open a province officer's persons list in the console, page after page, next to the bare endpoint
 * ({@link ConsolePagesBench});</li>
 * <li>verify certificates over HTTP next to the cheapest request the same server answers (a small static file through
 * the same filters), so the ratio is what verification itself costs; the SQL look-up it rests on is reported too;</li>
 * <li>read a city officer's targets dashboard from the rollup next to a {@code GROUP BY} over the counted records
 * ({@link TargetsBench});</li>
 * <li>run the dual-registration batch and single registrations next to plain indexed joins and look-ups
 * ({@link EnrolmentBench});</li>
 * <li>rank candidates for postings and postings for persons next to the plain indexed filter
 * ({@link RecruitmentBench});</li>
 * <li>decide a million certificates in bulk next to an {@code INSERT … SELECT} of the same decision rows
 * ({@link SubsidyBench});</li>
 * <li>rebuild the analytics tables, read a city's skilled shares and wage quartiles from them, and the 30-minute
 * circle of every township ({@link AnalyticsBench});</li>
 * <li>import a file of certificates until every one is decided and counted, next to raw {@code COPY} of the same
 * final rows ({@link CertificateBench});</li>
 * <li>enrol trainees by their providers' files, upload the attendance sheets and complete the classes, next to raw
 * {@code COPY} of the same final rows and one {@code UPDATE} completing every class ({@link TrainingBench}).</li>
 * </ol>
 * Prints a table and writes {@code results.json}. Peak heap is reported too: the import must stay within 512 MB.
 * <p>
 * {@code bench --on-data=DIR --scenarios=console,reads} measures the console instead on a database already loaded
 * ({@code generate --into-database}, e.g. the 40 M-person province): a province officer's persons list, a person's
 * archive and a city's dashboard ({@link ConsolePagesBench}), nothing written. The other scenarios load their own data
 * and belong on a throwaway database.
 */
@Component
@Order(100)
class BenchCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);

	record Result(String name, String unit, double value, String baselineName, double baselineValue, double ratio,
			String goal, boolean met) {
	}

	private final ApplicationContext context;
	private final BulkImport imports;
	private final PersonalDataCipher cipher;
	private final RegionDirectory regions;
	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final JsonMapper json;
	private final TargetsBench targets;
	private final EnrolmentBench enrolment;
	private final SubsidyBench subsidy;
	private final ConsolePagesBench consolePages;
	private final RecruitmentBench recruitment;
	private final AnalyticsBench analytics;
	private final TrainingBench training;
	private final CertificateBench certificates;

	BenchCommand(ApplicationContext context, BulkImport imports, PersonalDataCipher cipher, RegionDirectory regions,
			JdbcClient jdbc, DataSource dataSource, JsonMapper json, TargetsBench targets, EnrolmentBench enrolment,
			SubsidyBench subsidy, ConsolePagesBench consolePages, RecruitmentBench recruitment, AnalyticsBench analytics,
			TrainingBench training, CertificateBench certificates) {
		this.training = training;
		this.certificates = certificates;
		this.recruitment = recruitment;
		this.analytics = analytics;
		this.subsidy = subsidy;
		this.consolePages = consolePages;
		this.targets = targets;
		this.enrolment = enrolment;
		this.context = context;
		this.imports = imports;
		this.cipher = cipher;
		this.regions = regions;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!args.getNonOptionArgs().contains("bench")) {
			return;
		}
		var scale = Scale.of(option(args, "scale", "medium"));
		var rows = Integer.parseInt(option(args, "rows", String.valueOf(scale.importRows)));
		var xlsxRows = Math.min(rows, Integer.parseInt(option(args, "xlsx-rows", String.valueOf(scale.xlsxRows))));
		var out = Path.of(option(args, "out", "target/bench"));
		Files.createDirectories(out);
		var startedAt = Instant.now();
		var scenarios = List.of(option(args, "scenarios", "import,console,reads,verify,targets,enrolment,recruitment,subsidy,analytics,certificates,training").split(","));
		var results = new ArrayList<Result>();
		if (scenarios.contains("import")) {
			results.addAll(importVersusCopy(rows, out));
			results.add(peakHeap("import.persons.csv.heap", rows, 512));
			// the xlsx twice, at half and at full size: its shared strings go to a temporary file, so the heap must not
			// grow with the file (one sheet holds at most 1,048,576 rows)
			xlsxVersusCsv(xlsxRows / 2, out, results.get(0).value());
			var half = peakHeap("import.persons.xlsx.heap.half", xlsxRows / 2, 512);
			results.add(xlsxVersusCsv(xlsxRows, out, results.get(0).value()));
			var full = peakHeap("import.persons.xlsx.heap", xlsxRows, 512);
			results.add(half);
			results.add(full);
			var growth = full.value() / Math.max(1, half.value());
			results.add(new Result("import.persons.xlsx.heap.growth", "ratio", growth, "half the rows", 1, growth,
					"<= 1.25 (constant: twice the rows, about the same heap)", growth <= 1.25));
		}
		if (scenarios.contains("console")) {
			var port = ((WebServerApplicationContext) context).getWebServer().getPort();
			results.addAll(consolePages.pageVersusBare(port, 200));
		}
		if (scenarios.contains("reads")) {
			var port = ((WebServerApplicationContext) context).getWebServer().getPort();
			results.addAll(consolePages.archiveAndDashboard(port, 200));
		}
		if (scenarios.contains("verify")) {
			results.addAll(verifyVersusBaselines(Math.min(rows, 200_000) / 10,
					Integer.parseInt(option(args, "requests", String.valueOf(scale.verifyRequests)))));
		}
		if (scenarios.contains("targets")) {
			results.addAll(targets.dashboardVersusGroupBy(Integer.parseInt(option(args, "target-records",
					String.valueOf(scale.targetRecords))), 500));
		}
		if (scenarios.contains("enrolment")) {
			results.addAll(enrolment.duplicatesAndRegistration(Integer.parseInt(option(args, "registrations",
					String.valueOf(scale.registrations))), Integer.parseInt(option(args, "roster",
							String.valueOf(scale.rosterEntries))), 1_000));
		}
		if (scenarios.contains("recruitment")) {
			results.addAll(recruitment.matchingVersusFilter(Integer.parseInt(option(args, "seekers",
					String.valueOf(scale.seekers))), Integer.parseInt(option(args, "open-jobs",
							String.valueOf(scale.openJobs))), 200));
		}
		if (scenarios.contains("subsidy")) {
			results.addAll(subsidy.decideVersusInsertSelect(Integer.parseInt(option(args, "certificates",
					String.valueOf(scale.certificates)))));
		}
		if (scenarios.contains("analytics")) {
			results.addAll(analytics.run(scale, 200));
		}
		if (scenarios.contains("certificates")) {
			results.addAll(certificates.importVersusCopy(Integer.parseInt(option(args, "certificate-rows",
					String.valueOf(scale.certificates))), out));
		}
		if (scenarios.contains("training")) {
			results.addAll(training.filesVersusCopy(Integer.parseInt(option(args, "trainees",
					String.valueOf(scale.trainees))), out));
		}
		var report = new LinkedHashMap<String, Object>();
		report.put("scale", scale.label());
		report.put("startedAt", startedAt.toString());
		var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		var machine = new LinkedHashMap<String, Object>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("memoryGiB", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
		machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
		machine.put("java", Runtime.version().toString());
		machine.put("postgres", jdbc.sql("show server_version").query(String.class).single());
		report.put("machine", machine);
		report.put("results", results);
		Files.writeString(out.resolve("results.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
		System.out.println();
		System.out.printf("%-34s %14s %-26s %14s %8s  %s%n", "scenario", "value", "baseline", "baseline", "ratio", "goal");
		for (var r : results) {
			System.out.printf("%-34s %10.0f %-3s %-26s %14.0f %8.2f  %s %s%n", r.name(), r.value(), r.unit(),
					r.baselineName(), r.baselineValue(), r.ratio(), r.goal(), r.met() ? "met" : "NOT MET");
		}
		System.out.println("results: " + out.resolve("results.json").toAbsolutePath());
		System.exit(SpringApplication.exit(context, () -> 0));
	}

	/** The full import pipeline against a raw COPY of the same final rows into the same kind of indexed table. */
	private List<Result> importVersusCopy(int rows, Path out) throws Exception {
		// the generator's persons (unique numbers by construction), as a clerk's file and as the rows the import ends with
		var generator = new Generator(42, LocalDate.now().getYear() + 1, List.copyOf(regions.all().values()), List.of());
		var csv = out.resolve("persons.csv");
		var copy = out.resolve("persons-final.csv");
		var hex = HexFormat.of();
		var bar = new ProgressBar("generating persons", rows);
		try (BufferedWriter file = Files.newBufferedWriter(csv); BufferedWriter finals = Files.newBufferedWriter(copy)) {
			file.write("姓名,身份证号,户籍地区划代码,常住地区划代码,手机号,人员类别,学历\n");
			finals.write("id_number_index,id_number_sealed,id_number_masked,name,sex,birth_date,hukou_region,residence_region,mobile_sealed,mobile_index,mobile_masked,groups\n");
			for (int i = 0; i < rows; i++) {
				var person = generator.person(i);
				var id = person.idNumber();
				var county = person.county().code();
				var birth = LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
				var mobile = "13" + String.format("%09d", person.random().nextInt(1_000_000_000));
				var name = person.name();
				file.write(name + "," + id + "," + county + "," + county + "," + mobile + ",产业工人,高中\n");
				finals.write("\\x" + hex.formatHex(cipher.index(id)) + ",\\x" + hex.formatHex(cipher.seal(id)) + ","
						+ id.substring(0, 6) + "********" + id.substring(14) + "," + name + ","
						+ ((id.charAt(16) - '0') % 2 == 1 ? "M" : "F") + "," + birth + "," + county + "," + county
						+ ",\\x" + hex.formatHex(cipher.seal(mobile)) + ",\\x" + hex.formatHex(cipher.index(mobile))
						+ "," + mobile.substring(0, 3) + "****" + mobile.substring(7) + ",{industrial-worker}\n");
				bar.show(i + 1);
			}
		}
		// baseline: the same final rows, raw COPY into an empty table shaped and indexed like registry.person
		jdbc.sql("drop table if exists public.bench_person").update();
		jdbc.sql("create table public.bench_person (like registry.person including all)").update();
		var cpu = ProcessCpu.of(jdbc);
		var cpuCopyStart = cpu.now();
		var copyStart = System.nanoTime();
		try (var connection = dataSource.getConnection(); var in = Files.newInputStream(copy)) {
			CsvCopy.copy(connection, in, "public.bench_person (id_number_index, id_number_sealed, id_number_masked, "
					+ "name, sex, birth_date, hukou_region, residence_region, mobile_sealed, mobile_index, mobile_masked, groups)");
		}
		var copySeconds = (System.nanoTime() - copyStart) / 1e9;
		var cpuCopied = cpu.now();
		var rawBytes = jdbc.sql("select pg_total_relation_size('public.bench_person')").query(Long.class).single();
		jdbc.sql("drop table public.bench_person").update();

		resetPeakHeap();
		var province = new Actor(0, "bench", "bench", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		var cpuImportStart = cpu.now();
		var start = System.nanoTime();
		UUID job;
		try (var in = Files.newInputStream(csv)) {
			job = imports.submit(province, "persons", "bench.csv", in);
		}
		var last = Instant.now();
		while (true) {
			var status = imports.job(province, job);
			if (status.status() == ImportStatus.DONE || status.status() == ImportStatus.FAILED) {
				if (status.status() == ImportStatus.FAILED || status.acceptedRows() != rows) {
					throw new IllegalStateException("bench import did not accept every row: " + status);
				}
				break;
			}
			sampleHeap();
			if (Duration.between(last, Instant.now()).toSeconds() >= 10) {
				log.info("bench import {}% at {} rows/s", status.percent(), status.rowsPerSecond());
				last = Instant.now();
			}
			Thread.sleep(200);
		}
		var importSeconds = (System.nanoTime() - start) / 1e9;
		var cpuImported = cpu.now();
		var importRate = rows / importSeconds;
		// CPU milliseconds per thousand rows, the JVM's and the database's: the figure a faster or busier disk moves
		// least (the import is bound by CPU on two cores, raw COPY mostly by the disk)
		var importJvm = (cpuImported[0] - cpuImportStart[0]) * 1e6 / rows;
		var importDatabase = (cpuImported[1] - cpuImportStart[1]) * 1e6 / rows;
		var copyCpu = (cpuCopied[0] - cpuCopyStart[0] + cpuCopied[1] - cpuCopyStart[1]) * 1e6 / rows;
		var copyRate = rows / copySeconds;
		// what a person costs on disk (what one machine holds): the register with its indexes and the archive entry
		// the import wrote (a partitioned table's size is its partitions'), against the raw-copied table
		var bytes = jdbc.sql("""
				select pg_total_relation_size('registry.person')
				       + (select sum(pg_total_relation_size(relid)) from pg_partition_tree('registry.person_event'))
				""").query(Long.class).single();
		var perPerson = bytes / (double) rows;
		return List.of(new Result("import.persons.csv", "rows/s", importRate,
				"raw COPY of the final rows, same indexed table", copyRate, importRate / copyRate, "ratio >= 0.5",
				importRate / copyRate >= 0.5), new Result("registry.person.bytes", "B/person", perPerson,
				"the raw-copied table with the same indexes", rawBytes / (double) rows, perPerson / (rawBytes / (double) rows),
				"(for information: disk per person, register and archive)", true),
				new Result("import.persons.csv.cpu", "CPU ms/1000 rows", importJvm + importDatabase,
						"raw COPY, CPU ms/1000 rows", copyCpu, (importJvm + importDatabase) / copyCpu,
						String.format("(for information: JVM %.0f + database %.0f)", importJvm, importDatabase), true));
	}

	/**
	 * The same persons as xlsx (the format clerks actually send): shared strings and zipped XML make it heavier to
	 * read, and its shared-string table is spilled to a temporary file, so the heap is measured again.
	 */
	private Result xlsxVersusCsv(int rows, Path out, double csvRate) throws Exception {
		var xlsx = out.resolve("persons.xlsx");
		try (var reader = Files.newBufferedReader(out.resolve("persons.csv"));
				var file = Files.newOutputStream(xlsx)) {
			var workbook = new Workbook(file, "bench", "1.0");
			var sheet = workbook.newWorksheet("persons");
			String line;
			var r = 0;
			while ((line = reader.readLine()) != null && r <= rows) {
				var cells = line.split(",", -1);
				for (int c = 0; c < cells.length; c++) {
					sheet.value(r, c, cells[c]);
				}
				if (++r % 10_000 == 0) {
					sheet.flush();
				}
			}
			workbook.finish();
		}
		// the CSV run left the persons in place: change one column so that every row is merged again
		jdbc.sql("update registry.person set education = null").update();
		resetPeakHeap();
		var province = new Actor(0, "bench", "bench", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		var start = System.nanoTime();
		var polls = 0;
		UUID job;
		try (var in = Files.newInputStream(xlsx)) {
			job = imports.submit(province, "persons", "bench.xlsx", in);
		}
		while (true) {
			var status = imports.job(province, job);
			if (status.status() == ImportStatus.DONE || status.status() == ImportStatus.FAILED) {
				if (status.status() == ImportStatus.FAILED || status.acceptedRows() != rows) {
					throw new IllegalStateException("bench xlsx import did not accept every row: " + status);
				}
				break;
			}
			// G1 leaves garbage in the old generation long after the spill's B-tree pages die: only a full
			// collection shows what the read holds, so every 2 s one is forced (the xlsx rate is for information)
			if (++polls % 10 == 0) {
				sampleLiveHeap();
			}
			Thread.sleep(200);
		}
		var rate = rows / ((System.nanoTime() - start) / 1e9);
		return new Result("import.persons.xlsx", "rows/s", rate, "the CSV import", csvRate, rate / csvRate,
				"(for information)", true);
	}

	/**
	 * The most the heap held after a collection while the import ran (what has to fit: garbage does not), sampled
	 * with every progress poll; summing each pool's own peak would overstate it.
	 */
	private Result peakHeap(String name, int rows, int limitMiB) {
		var peak = livePeak >> 20;
		var max = Runtime.getRuntime().maxMemory() >> 20;
		return new Result(name, "MiB", peak, "max heap (-Xmx)", max, (double) peak / max,
				String.format("<= %d MiB for %,d rows", limitMiB, rows), peak <= limitMiB && peak < max);
	}

	private long livePeak;

	private void resetPeakHeap() {
		System.gc();
		livePeak = 0;
	}

	/** The heap in use right after a full collection: what the work holds, nothing else. */
	private void sampleLiveHeap() {
		System.gc();
		livePeak = Math.max(livePeak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
	}

	private void sampleHeap() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			var afterGc = pool.getCollectionUsage();
			if (pool.getType() == MemoryType.HEAP && afterGc != null && pool.getName().contains("Old")) {
				livePeak = Math.max(livePeak, afterGc.getUsed());
			}
		}
	}

	/** Public verification over HTTP (filters, rate limiter, JSON) against a trivial request and the SQL look-up. */
	private List<Result> verifyVersusBaselines(int certificates, int requests) throws Exception {
		var numbers = jdbc.sql("select number from certification.certificate limit 1").query(String.class).list();
		if (numbers.isEmpty()) {
			var csv = new StringBuilder("证书编号,姓名,身份证号,证书类型,发证机构,发证日期\n");
			var people = jdbc.sql("select name, id_number_sealed from registry.person limit :n").param("n", certificates)
					.query((rs, i) -> rs.getString(1) + "," + cipher.open(rs.getBytes(2))).list();
			for (int i = 0; i < people.size(); i++) {
				csv.append("BENCH").append(String.format("%08d", i)).append(',').append(people.get(i))
						.append(",培训合格证书,浙江省职业技能鉴定指导中心,2026-01-01\n");
			}
			var province = new Actor(0, "bench", "bench", Role.PROVINCE_OFFICER,
					DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
			var job = imports.submit(province, "certificates", "bench-certs.csv",
					new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
			while (imports.job(province, job).status() != ImportStatus.DONE) {
				Thread.sleep(200);
			}
		}
		var sample = jdbc.sql("select number, holder_name from certification.certificate order by number limit 1000")
				.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		if (sample.isEmpty()) {
			throw new IllegalStateException("verify certifies the imported persons: run it with the import scenario");
		}
		var port = ((WebServerApplicationContext) context).getWebServer().getPort();
		var http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
		var ok = new AtomicLong();
		// warm up both paths
		timed(2_000, i -> lookup(sample.get(i % sample.size())[0]));
		timed(2_000, i -> verify(http, port, sample.get(i % sample.size()), ok));
		timed(2_000, i -> get(http, port, bare(sample.get(i % sample.size())[0])));
		// three rounds, each path in turn, so that a checkpoint or autovacuum after the import hits both alike
		var bareRuns = new ArrayList<Double>();
		var productRuns = new ArrayList<Double>();
		for (int round = 0; round < 3; round++) {
			bareRuns.add(timed(requests, i -> get(http, port, bare(sample.get(i % sample.size())[0]))));
			ok.set(0);
			productRuns.add(timed(requests, i -> verify(http, port, sample.get(i % sample.size()), ok)));
			if (ok.get() != requests) {
				throw new IllegalStateException("only " + ok.get() + " of " + requests + " verifications succeeded");
			}
		}
		var bare = median(bareRuns);
		var product = median(productRuns);
		var lookups = timed(requests, i -> lookup(sample.get(i % sample.size())[0]));
		return List.of(
				new Result("certificates.verify", "req/s", product,
						"bare endpoint, one look-up by number, same server", bare, product / bare, "ratio >= 0.5",
						product / bare >= 0.5),
				new Result("certificates.verify.sql", "req/s", product, "the SQL look-up in-process", lookups,
						product / lookups, "(for information)", true));
	}

	private static void get(HttpClient http, int port, String path) {
		try {
			http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static double median(List<Double> values) {
		var sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static String bare(String number) {
		return "/bench/certificate?number=" + number;
	}

	private void lookup(String number) {
		jdbc.sql("select * from certification.certificate where number = :n").param("n", number).query().listOfRows();
	}

	private static void verify(HttpClient http, int port, String[] certificate, AtomicLong ok) {
		try {
			var uri = URI.create("http://localhost:" + port + "/api/v1/certificates/verify?number=" + certificate[0]
					+ "&name=" + URLEncoder.encode(certificate[1], StandardCharsets.UTF_8));
			var response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() == 200) {
				ok.incrementAndGet();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Runs {@code n} calls on two threads (the machine has two cores) and returns calls per second. */
	private static double timed(int n, IntConsumer call) throws Exception {
		var pool = Executors.newFixedThreadPool(2);
		var next = new AtomicLong();
		var start = System.nanoTime();
		var futures = new ArrayList<Future<?>>();
		for (int t = 0; t < 2; t++) {
			futures.add(pool.submit(() -> {
				for (long i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
					call.accept((int) i);
				}
			}));
		}
		for (var f : futures) {
			f.get();
		}
		pool.shutdown();
		return n / ((System.nanoTime() - start) / 1e9);
	}

	/** An option's value as given ({@code --name=value}), else the fallback. */
	static String option(ApplicationArguments args, String name, String fallback) {
		var values = args.getOptionValues(name);
		return values == null || values.isEmpty() ? fallback : values.get(0);
	}

	static String idNumber(String county, LocalDate birth, int sequence) {
		return IdNumber.withCheckDigit(county + birth.toString().replace("-", "")
				+ String.format("%03d", sequence));
	}
}
