package cn.gongjiang.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;

/**
 * TRN-3, X-5 (issue 18): a province's training by file, as {@code generate} loads it — the providers' enrolment files
 * and attendance sheets through the import pipeline, then every class completed — each step against the database
 * doing the same rows' work with nothing else: raw {@code COPY} of the final enrolment and attendance rows into
 * identically indexed tables, and one {@code UPDATE} completing all the classes at once.
 */
@Component
class TrainingBench {

	private static final Logger log = LoggerFactory.getLogger(TrainingBench.class);

	private final RegisterLoader registers;
	private final TrainingLoader training;
	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;
	private final JdbcClient jdbc;
	private final DataSource dataSource;

	TrainingBench(RegisterLoader registers, TrainingLoader training, RegionDirectory regions,
			OccupationCatalogue occupations, JdbcClient jdbc, DataSource dataSource) {
		this.registers = registers;
		this.training = training;
		this.regions = regions;
		this.occupations = occupations;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	List<BenchCommand.Result> filesVersusCopy(int trainees, Path out) throws Exception {
		var codes = occupations.allCodes().stream().filter(c -> c.split("-").length == 4).sorted().toList();
		// seed 42 as the import scenario's: a person it imported is the same person here, by number and by name
		var generator = new Generator(42, LocalDate.now().getYear() + 1, List.copyOf(regions.all().values()), codes);
		// the trainees are persons on record (实名), their providers registered: the generator's own registers
		var sizes = new Generator.Sizes(trainees, Math.max(100, trainees / 50), Generator.TRAINING_PROVIDERS, 0, 0, 0,
				trainees);
		var work = out.resolve("training");
		registers.loadOnly(generator, sizes, work, List.of("enterprises", "providers", "persons"));
		var loaded = training.load(generator, sizes, sizes.classes(), work, true);
		if (loaded.enrolled() != trainees) {
			throw new IllegalStateException("bench enrolled " + loaded.enrolled() + " of " + trainees);
		}
		log.info("training: {}", loaded);
		var providers = IntStream.range(0, Generator.TRAINING_PROVIDERS).mapToObj(generator::providerCode)
				.toArray(String[]::new);
		var ofBench = "c.provider_code = any(:providers)";

		// baselines: the rows the files ended with, copied raw into empty tables shaped and indexed like the real ones
		var enrolments = work.resolve("enrolments-final.csv");
		var attendance = work.resolve("attendance-final.csv");
		copyOut("copy (select e.id, e.class_id, e.person_index, e.person_id, e.id_number_sealed, e.id_number_masked, e.name "
				+ "from training.enrolment e join training.training_class c on c.id = e.class_id where "
				+ ofBench.replace(":providers", array(providers)) + ") to stdout with (format csv)", enrolments);
		copyOut("copy (select a.session_id, a.enrolment_id, a.method, a.recorded_by from training.attendance a "
				+ "join training.enrolment e on e.id = a.enrolment_id join training.training_class c on c.id = e.class_id "
				+ "where " + ofBench.replace(":providers", array(providers)) + ") to stdout with (format csv)", attendance);
		jdbc.sql("drop table if exists public.bench_enrolment").update();
		jdbc.sql("drop table if exists public.bench_attendance").update();
		jdbc.sql("create table public.bench_enrolment (like training.enrolment including all)").update();
		jdbc.sql("create table public.bench_attendance (like training.attendance including all)").update();
		// the real tables' references too, so the copies check what the real rows check
		jdbc.sql("alter table public.bench_enrolment add foreign key (class_id) references training.training_class (id)")
				.update();
		jdbc.sql("alter table public.bench_attendance add foreign key (session_id) references training.class_session (id)")
				.update();
		jdbc.sql("alter table public.bench_attendance add foreign key (enrolment_id) references public.bench_enrolment (id)")
				.update();
		// the enrolments keep their ids (COPY writes an identity column as given), so the attendance rows fit them
		var enrolCopy = timed(() -> copyIn(enrolments, "public.bench_enrolment (id, class_id, person_index, person_id, "
				+ "id_number_sealed, id_number_masked, name)"));
		var attendCopy = timed(() -> copyIn(attendance, "public.bench_attendance (session_id, enrolment_id, method, "
				+ "recorded_by)"));
		var completeAll = timed(() -> jdbc.sql("""
				update public.bench_enrolment e
				set status = case when a.attended >= 3 then 'COMPLETED' else 'NOT_COMPLETED' end
				from (select n.id, count(t.session_id) as attended from public.bench_enrolment n
				      left join public.bench_attendance t on t.enrolment_id = n.id group by n.id) a
				where e.id = a.id
				""").update());
		jdbc.sql("drop table public.bench_attendance").update();
		jdbc.sql("drop table public.bench_enrolment").update();

		var s = loaded.seconds();
		var enrolRate = trainees / s.enrolling();
		var attendRate = loaded.attendanceRows() / s.attending();
		var completeRate = trainees / s.completing();
		return List.of(
				new BenchCommand.Result("training.enrol.file", "rows/s", enrolRate,
						"raw COPY of the final enrolment rows, same indexed table", trainees / enrolCopy,
						enrolRate / (trainees / enrolCopy), String.format("(for information: %,d trainees in %,d "
								+ "classes, %.1f s; opening the classes by form %.1f s)", trainees, loaded.classes(),
								s.enrolling(), s.opening()), true),
				new BenchCommand.Result("training.attendance.file", "rows/s", attendRate,
						"raw COPY of the final attendance rows, same indexed table",
						loaded.attendanceRows() / attendCopy, attendRate / (loaded.attendanceRows() / attendCopy),
						String.format("(for information: %,d rows, %.1f s)", loaded.attendanceRows(), s.attending()),
						true),
				new BenchCommand.Result("training.complete", "trainees/s", completeRate,
						"one UPDATE completing every class at once", trainees / completeAll,
						completeRate / (trainees / completeAll), String.format("(for information: %,d classes one by "
								+ "one, each with its archive and targets events, %.1f s)", loaded.classes(),
								s.completing()), true));
	}

	private static String array(String[] values) {
		return "array['" + String.join("','", values) + "']";
	}

	private void copyOut(String sql, Path file) throws Exception {
		try (var connection = dataSource.getConnection(); OutputStream to = Files.newOutputStream(file)) {
			connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, to);
		}
	}

	private long copyIn(Path file, String tableWithColumns) throws Exception {
		try (var connection = dataSource.getConnection(); InputStream from = Files.newInputStream(file)) {
			return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + tableWithColumns
					+ " from stdin with (format csv)", from);
		}
	}

	private interface Step {
		Object run() throws Exception;
	}

	private static double timed(Step step) throws Exception {
		var start = System.nanoTime();
		step.run();
		return (System.nanoTime() - start) / 1e9;
	}
}
