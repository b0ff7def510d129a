package cn.gongjiang.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.BulkImport;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;

/**
 * {@code java -jar gongjiang.jar generate --scale small|medium|province --seed N [--into-database | --files DIR]}:
 * synthetic registers ({@link Generator}) either as import files — each kind as CSV in UTF-8, CSV in GBK and xlsx
 * (xlsx up to 1 M rows) — or loaded into the configured database through the real import pipeline, as a province
 * officer would, so every row passes the same checks.
 */
@Component
@Order(90)
class GenerateCommand implements ApplicationRunner {

	static final List<String> KINDS = RegisterLoader.ORDER;
	private static final int XLSX_LIMIT = 1_000_000;

	private final ApplicationContext context;
	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;
	private final BulkImport imports;
	private final RegisterLoader loader;
	private final TargetReturnsLoader returns;
	private final TrainingLoader training;
	private final RecruitmentLoader recruitment;
	private final Clock clock;

	GenerateCommand(ApplicationContext context, RegionDirectory regions, OccupationCatalogue occupations,
			BulkImport imports, RegisterLoader loader, TargetReturnsLoader returns, TrainingLoader training,
			RecruitmentLoader recruitment, Clock clock) {
		this.context = context;
		this.regions = regions;
		this.occupations = occupations;
		this.imports = imports;
		this.loader = loader;
		this.returns = returns;
		this.training = training;
		this.recruitment = recruitment;
		this.clock = clock;
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
		// registrations are for the next spring intake, the earliest one still open whatever today is
		var intakeYear = LocalDate.now(clock).getYear() + 1;
		var generator = new Generator(seed, intakeYear, List.copyOf(regions.all().values()), codes);
		for (var kind : KINDS) {
			// the files must say what the importer reads: a header it does not know would be ignored
			var known = imports.handler(kind).columns().stream().map(c -> c.header()).toList();
			try {
				generator.rows(kind, new Generator.Sizes(1, 1, 1, 1, 1, 1, 1), header -> {
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
		System.out.printf("generate %s, seed %d: %,d persons, %,d enterprises, %,d providers, %,d certificates, "
				+ "%,d roster entries, %,d technical-school registrations (spring %d)%n", scale.label(), seed,
				sizes.persons(), sizes.enterprises(), sizes.providers(), sizes.certificates(), sizes.rosterEntries(),
				sizes.registrations(), intakeYear);
		if (files == null) {
			System.out.printf("  and %,d trainees in %,d classes with their attendance%n", sizes.enrolments(),
					sizes.classes());
		}
		if (files != null) {
			writeFiles(generator, sizes, Path.of(files));
		}
		else if (args.containsOption("into-database")) {
			var work = Path.of(BenchCommand.option(args, "work", "target/generate"));
			// --registers-loaded: a run on this folder imported the registers already (a province load in two parts);
			// --registers-from=KIND: it imported those before KIND
			if (!args.containsOption("registers-loaded")) {
				load(generator, sizes, intakeYear, work, BenchCommand.option(args, "registers-from",
						RegisterLoader.ORDER.get(0)));
			}
			// --trainees=N: only the first classes, N trainees, when the whole scale's training does not fit the time
			var trainees = Integer.parseInt(BenchCommand.option(args, "trainees", String.valueOf(sizes.enrolments())));
			// --enrolment-files-from=P: a run on this folder opened the classes, wrote the files in --work and
			// imported the enrolment files of the providers before P (a load stopped during its enrolment files)
			var from = BenchCommand.option(args, "enrolment-files-from", null);
			var trained = from != null ? training.resume(generator, work, Integer.parseInt(from), true)
					: training.load(generator, sizes,
							(trainees + Generator.TRAINEES_PER_CLASS - 1) / Generator.TRAINEES_PER_CLASS, work, true);
			System.out.printf("training: %,d classes, %,d enrolled by real name, %,d attendance rows uploaded, %,d "
					+ "completed, %,d not; seconds: opening %.0f, enrolment files %.0f, attendance files %.0f, "
					+ "completing %.0f%n", trained.classes(), trained.enrolled(), trained.attendanceRows(),
					trained.completed(), trained.notCompleted(), trained.seconds().opening(), trained.seconds().enrolling(),
					trained.seconds().attending(), trained.seconds().completing());
			var recruited = recruitment.load();
			System.out.printf("recruitment: %,d online fairs held with %,d applications and %,d hires (%,d refused as "
					+ "at a real fair), %,d on-site events planned%n", recruited.held(), recruited.applications(),
					recruited.hires(), recruited.refused(), recruited.planned());
			var loaded = returns.load(seed, LocalDate.now(clock));
			System.out.printf("target returns: %,d submitted and approved at quarter ends, %,d already approved%n",
					loaded.submitted(), loaded.locked());
		}
		else {
			System.out.println("say where: --files DIR or --into-database");
		}
		System.exit(SpringApplication.exit(context, () -> 0));
	}

	private static void writeFiles(Generator generator, Generator.Sizes sizes, Path dir) throws Exception {
		Files.createDirectories(dir);
		for (var kind : KINDS) {
			for (var format : List.of("csv", "csv-gbk", "xlsx")) {
				var total = sizes.rows(kind);
				if (format.equals("xlsx") && total > XLSX_LIMIT) {
					continue;
				}
				var file = dir.resolve(kind + (format.equals("csv-gbk") ? "-gbk.csv" : "." + (format.equals("xlsx") ? "xlsx" : "csv")));
				var bar = new ProgressBar(file.getFileName().toString(), total);
				Generator.write(file, format, sink -> generator.rows(kind, sizes, sink, done -> bar.show(done)));
			}
		}
		// the answer key: what the import and the duplicate batch should catch in these files
		Generator.write(dir.resolve("planted-duplicates.csv"), "csv", sink -> {
			sink.accept(List.of("文件", "行号", "身份证号", "姓名", "应由谁发现"));
			generator.planted(sizes).forEach(p -> sink.accept(List.of("registrations.csv", String.valueOf(p.row()),
					p.idNumber(), p.name(), p.kind() == Generator.Planted.Kind.ON_ROSTER ? "学籍比对（导入花名册后）"
							: "导入（同一文件重复）")));
		});
		System.out.println("files in " + dir.toAbsolutePath());
	}

	private void load(Generator generator, Generator.Sizes sizes, int intakeYear, Path work, String from)
			throws Exception {
		var report = loader.load(generator, sizes, intakeYear, work, true, from);
		report.jobs().forEach((kind, job) -> {
			System.out.printf("%s: %,d accepted, %,d unchanged, %,d refused%n", kind, job.acceptedRows(),
					job.unchangedRows(), job.rejectedRows());
			imports.errors(RegisterLoader.province(), job.id(), 3).forEach(e -> System.out.printf("  row %d, %s: %s %s%n",
					e.row(), e.violation().field(), e.violation().code(), e.violation().arguments()));
		});
		var planted = generator.planted(sizes);
		System.out.printf("planted duplicates: %,d registered students also enrolled on a roster, %,d repeated in the"
				+ " file; %s%n", planted.stream().filter(p -> p.kind() == Generator.Planted.Kind.ON_ROSTER).count(),
				planted.stream().filter(p -> p.kind() == Generator.Planted.Kind.TWICE_IN_FILE).count(),
				report.exact() ? "every one caught, nothing else" : "MISSED " + report.missed() + ", UNPLANNED "
						+ report.unplanned());
	}

	/** Stops a generator after its header row. */
	private static final class HeaderChecked extends RuntimeException {
		HeaderChecked() {
			super(null, null, false, false);
		}
	}
}
