package cn.gongjiang.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.BulkImport;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;

/**
 * SUB-3, X-5 (issue 18): a file of certificates imported as the province imports its 3 M a year, measured until every
 * one is decided by the subsidy rules and counted by the targets (the events after the import are part of the work),
 * against raw {@code COPY} of the same final certificate rows into an identically indexed table.
 */
@Component
class CertificateBench {

	private static final Logger log = LoggerFactory.getLogger(CertificateBench.class);

	private final RegisterLoader registers;
	private final BulkImport imports;
	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;
	private final JdbcClient jdbc;
	private final DataSource dataSource;

	CertificateBench(RegisterLoader registers, BulkImport imports, RegionDirectory regions,
			OccupationCatalogue occupations, JdbcClient jdbc, DataSource dataSource) {
		this.registers = registers;
		this.imports = imports;
		this.regions = regions;
		this.occupations = occupations;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	List<BenchCommand.Result> importVersusCopy(int certificates, Path out) throws Exception {
		var codes = occupations.allCodes().stream().filter(c -> c.split("-").length == 4).sorted().toList();
		// seed 42 as the import scenario's: its persons are the holders here
		var generator = new Generator(42, LocalDate.now().getYear() + 1, List.copyOf(regions.all().values()), codes);
		var sizes = new Generator.Sizes(certificates, Math.max(100, certificates / 50), 1, certificates, 0, 0, 0);
		var work = out.resolve("certificates");
		registers.loadOnly(generator, sizes, work, List.of("enterprises", "persons"));
		var file = work.resolve("certificates.csv");
		Generator.write(file, "csv", sink -> generator.rows("certificates", sizes, sink, done -> {
		}));

		var start = System.nanoTime();
		var job = RegisterLoader.runToEnd(imports, RegisterLoader.province(), "certificates", file, ProgressBar.silent());
		var imported = System.nanoTime();
		if (job.acceptedRows() != certificates) {
			throw new IllegalStateException("bench imported " + job.acceptedRows() + " of " + certificates);
		}
		// decided and counted: no publication to the subsidy or target listeners left open
		while (jdbc.sql("""
				select count(*) from event_publication where completion_date is null
				  and (listener_id like 'cn.gongjiang.subsidy.%' or listener_id like 'cn.gongjiang.targets.%')
				""").query(Long.class).single() > 0) {
			Thread.sleep(200);
		}
		var settled = System.nanoTime();
		var decided = jdbc.sql("select count(*) from subsidy.decision where certificate_number like 'GEN42-%'")
				.query(Long.class).single();
		if (decided != certificates) {
			throw new IllegalStateException("bench decided " + decided + " of " + certificates);
		}
		log.info("certificates: imported in {} s, decided and counted {} s later", (imported - start) / 1e9,
				(settled - imported) / 1e9);

		var rows = work.resolve("certificates-final.csv");
		try (var connection = dataSource.getConnection(); OutputStream to = Files.newOutputStream(rows)) {
			connection.unwrap(PGConnection.class).getCopyAPI().copyOut("""
					copy (select * from certification.certificate where number like 'GEN42-%') to stdout with (format csv)
					""", to);
		}
		jdbc.sql("drop table if exists public.bench_certificate").update();
		jdbc.sql("create table public.bench_certificate (like certification.certificate including all)").update();
		var copyStart = System.nanoTime();
		try (var connection = dataSource.getConnection(); InputStream from = Files.newInputStream(rows)) {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
					"copy public.bench_certificate from stdin with (format csv)", from);
		}
		var copySeconds = (System.nanoTime() - copyStart) / 1e9;
		jdbc.sql("drop table public.bench_certificate").update();

		var rate = certificates / ((settled - start) / 1e9);
		var copyRate = certificates / copySeconds;
		return List.of(new BenchCommand.Result("import.certificates", "cert/s", rate,
				"raw COPY of the final certificate rows, same indexed table", copyRate, rate / copyRate,
				String.format("(for information: %,d certificates imported in %.1f s, then decided and counted in "
						+ "%.1f s)", certificates, (imported - start) / 1e9, (settled - imported) / 1e9), true));
	}
}
