package cn.gongjiang.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.BulkImport;
import cn.gongjiang.imports.ImportStatus;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * {@code java -jar gongjiang.jar generate --scale small|medium|province --seed N [--into-database | --files DIR]}:
 * synthetic registers ({@link Generator}) either as import files — each kind as CSV in UTF-8, CSV in GBK and xlsx
 * (xlsx up to 1 M rows) — or loaded into the configured database through the real import pipeline, as a province
 * officer would, so every row passes the same checks.
 */
@Component
@Order(90)
class GenerateCommand implements ApplicationRunner {

	static final List<String> KINDS = List.of("enterprises", "providers", "persons", "certificates");
	private static final int XLSX_LIMIT = 1_000_000;

	private final ApplicationContext context;
	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;
	private final BulkImport imports;

	GenerateCommand(ApplicationContext context, RegionDirectory regions, OccupationCatalogue occupations,
			BulkImport imports) {
		this.context = context;
		this.regions = regions;
		this.occupations = occupations;
		this.imports = imports;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!args.getNonOptionArgs().contains("generate")) {
			return;
		}
		var scale = Scale.of(BenchCommand.option(args, "scale", "small"));
		var seed = Long.parseLong(BenchCommand.option(args, "seed", "42"));
		var files = BenchCommand.option(args, "files", null);
		var sizes = Generator.Sizes.of(scale);
		// detailed occupations (细类, four levels), in code order so a seed always picks the same ones
		var codes = occupations.allCodes().stream().filter(c -> c.split("-").length == 4).sorted().toList();
		var generator = new Generator(seed, List.copyOf(regions.all().values()), codes);
		for (var kind : KINDS) {
			// the files must say what the importer reads: a header it does not know would be ignored
			var known = imports.handler(kind).columns().stream().map(c -> c.header()).toList();
			try {
				generator.rows(kind, new Generator.Sizes(1, 1, 1, 1), header -> {
					if (!known.containsAll(header)) {
						throw new IllegalStateException(kind + ": headers " + header + " not all among " + known);
					}
					throw new HeaderChecked();
				}, done -> {
				});
			}
			catch (HeaderChecked checked) {
				// the header is one the importer reads
			}
		}
		System.out.printf("generate %s, seed %d: %,d persons, %,d enterprises, %,d providers, %,d certificates%n",
				scale.label(), seed, sizes.persons(), sizes.enterprises(), sizes.providers(), sizes.certificates());
		if (files != null) {
			writeFiles(generator, sizes, Path.of(files));
		}
		else if (args.containsOption("into-database")) {
			load(generator, sizes, Path.of(BenchCommand.option(args, "work", "target/generate")));
		}
		else {
			System.out.println("say where: --files DIR or --into-database");
		}
		System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 0));
	}

	private static void writeFiles(Generator generator, Generator.Sizes sizes, Path dir) throws Exception {
		Files.createDirectories(dir);
		for (var kind : KINDS) {
			for (var format : List.of("csv", "csv-gbk", "xlsx")) {
				var total = count(kind, sizes);
				if (format.equals("xlsx") && total > XLSX_LIMIT) {
					continue;
				}
				var file = dir.resolve(kind + (format.equals("csv-gbk") ? "-gbk.csv" : "." + (format.equals("xlsx") ? "xlsx" : "csv")));
				var bar = new ProgressBar(file.getFileName().toString(), total);
				Generator.write(file, format, sink -> generator.rows(kind, sizes, sink, done -> bar.show(done)));
			}
		}
		System.out.println("files in " + dir.toAbsolutePath());
	}

	/** Each kind through the import pipeline in order (employers before their staff, persons before certificates). */
	private void load(Generator generator, Generator.Sizes sizes, Path work) throws Exception {
		Files.createDirectories(work);
		var province = new Actor(0, "generator", "generator", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		for (var kind : KINDS) {
			var total = count(kind, sizes);
			var file = work.resolve(kind + ".csv");
			var writing = new ProgressBar("writing " + kind, total);
			Generator.write(file, "csv", sink -> generator.rows(kind, sizes, sink, done -> writing.show(done)));
			var importing = new ProgressBar("importing " + kind, 100);
			java.util.UUID job;
			try (var in = Files.newInputStream(file)) {
				job = imports.submit(province, kind, file.getFileName().toString(), in);
			}
			while (true) {
				var status = imports.job(province, job);
				importing.show(status.percent());
				if (status.status() == ImportStatus.DONE || status.status() == ImportStatus.FAILED) {
					importing.show(100);
					System.out.printf("%s: %,d accepted, %,d unchanged, %,d refused%s%n", kind, status.acceptedRows(),
							status.unchangedRows(), status.rejectedRows(),
							status.status() == ImportStatus.FAILED ? " — FAILED: " + status.failureCode() : "");
					imports.errors(province, job, 5).forEach(e -> System.out.printf("  row %d, %s: %s %s%n", e.row(),
							e.column(), e.code(), e.arguments()));
					if (status.status() == ImportStatus.FAILED) {
						throw new IllegalStateException("generate: the " + kind + " import failed");
					}
					break;
				}
				Thread.sleep(200);
			}
		}
	}

	/** Stops a generator after its header row. */
	private static final class HeaderChecked extends RuntimeException {
		HeaderChecked() {
			super(null, null, false, false);
		}
	}

	private static int count(String kind, Generator.Sizes sizes) {
		return switch (kind) {
			case "persons" -> sizes.persons();
			case "enterprises" -> sizes.enterprises();
			case "providers" -> sizes.providers();
			default -> sizes.certificates();
		};
	}
}
