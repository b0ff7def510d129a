package cn.gongjiang.bench;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.writer.CsvWriter;

import cn.gongjiang.imports.BulkImport;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.training.Attendance;
import cn.gongjiang.training.ClassEnrolments;
import cn.gongjiang.training.TrainingClass;
import cn.gongjiang.training.TrainingClasses;

/**
 * Generated training (X-5, TRN): each provider opens its classes, enrols its trainees by real name with its enrolment
 * file and uploads who came to each session as its attendance file, both through the import pipeline (written as the
 * classes open, not held in memory), and completes the classes — so trainees who came often enough are completed and
 * counted, the others not, exactly as in production.
 */
@Component
class TrainingLoader {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** What was loaded, and the seconds each step took (opening the classes, the two kinds of file, completing). */
	record Loaded(int classes, int enrolled, int attendanceRows, int completed, int notCompleted, Seconds seconds) {
	}

	record Seconds(double opening, double enrolling, double attending, double completing) {
	}

	private final TrainingClasses classes;
	private final ClassEnrolments enrolments;
	private final Attendance attendance;
	private final BulkImport imports;
	private final Clock clock;

	TrainingLoader(TrainingClasses classes, ClassEnrolments enrolments, Attendance attendance, BulkImport imports,
			Clock clock) {
		this.classes = classes;
		this.enrolments = enrolments;
		this.attendance = attendance;
		this.imports = imports;
		this.clock = clock;
	}

	/**
	 * Opens the classes of {@code sizes} (or only the first {@code classLimit}, when smaller), enrols their trainees by
	 * each provider's enrolment file, uploads who came as each provider's attendance file, and completes the classes.
	 */
	Loaded load(Generator generator, Generator.Sizes sizes, int classLimit, Path work, boolean showProgress)
			throws Exception {
		Files.createDirectories(work);
		var today = LocalDate.now(clock);
		var classCount = Math.min(classLimit, sizes.classes());
		var opened = new TreeMap<Integer, List<Long>>();
		var bar = showProgress ? new ProgressBar("opening classes", classCount) : ProgressBar.silent();
		var started = System.nanoTime();
		// each provider's files are written as its classes open: 5 M trainees make 20 M attendance rows
		try (var trainees = new ProviderFiles(work, "class-trainees", "班级编号", "姓名", "身份证号");
				var present = new ProviderFiles(work, "attendance", "班级编号", "课次编号", "身份证号")) {
			for (int c = 0; c < classCount; c++) {
				var planned = generator.trainingClass(c, sizes, today);
				var provider = provider(generator.providerCode(planned.provider()));
				var sessions = new ArrayList<TrainingClass.SessionPlan>();
				for (int s = 0; s < Generator.SESSIONS_PER_CLASS; s++) {
					var start = planned.firstDay().plusDays(s).atTime(LocalTime.of(9, 0)).atZone(SHANGHAI).toInstant();
					sessions.add(new TrainingClass.SessionPlan(start, start.plusSeconds(7_200), "实训楼 " + (s + 1) + " 室"));
				}
				var opening = classes.open(provider, null, new TrainingClass.Plan(planned.occupation(), "intermediate",
						"ON_JOB", Generator.TRAINEES_PER_CLASS, List.of("生成教师"), new BigDecimal("0.75"), sessions));
				opened.computeIfAbsent(planned.provider(), p -> new ArrayList<>()).add(opening.id());
				var classId = String.valueOf(opening.id());
				for (var trainee : planned.trainees()) {
					trainees.write(planned.provider(), classId, trainee.name(), trainee.idNumber());
					for (int s = 0; s < trainee.attended().length; s++) {
						if (trainee.attended()[s]) {
							present.write(planned.provider(), classId, String.valueOf(opening.sessions().get(s).id()),
									trainee.idNumber());
						}
					}
				}
				bar.show(c + 1);
			}
			trainees.close();
			present.close();
			return uploadAndComplete(generator, classCount, opened, trainees.written(), present.written(), started,
					showProgress);
		}
	}

	/**
	 * The second part of a load whose classes a previous run opened and whose files it wrote in {@code work}, from the
	 * enrolment file of provider {@code fromProvider} on (those before it were imported): a province load in two parts
	 * when the first was stopped. The classes are read back from the enrolment files.
	 */
	Loaded resume(Generator generator, Path work, int fromProvider, boolean showProgress) throws Exception {
		var started = System.nanoTime();
		var traineeFiles = new TreeMap<Integer, Path>();
		var attendanceFiles = new TreeMap<Integer, Path>();
		var opened = new TreeMap<Integer, List<Long>>();
		for (int p = 0; p < Generator.TRAINING_PROVIDERS; p++) {
			var enrolment = work.resolve("class-trainees-" + p + ".csv");
			if (!Files.exists(enrolment)) {
				continue;
			}
			var ids = new LinkedHashSet<Long>();
			try (var csv = CsvReader.builder().ofCsvRecord(enrolment)) {
				csv.stream().skip(1).forEach(r -> ids.add(Long.valueOf(r.getField(0))));
			}
			opened.put(p, List.copyOf(ids));
			if (p >= fromProvider) {
				traineeFiles.put(p, enrolment);
			}
			attendanceFiles.put(p, work.resolve("attendance-" + p + ".csv"));
		}
		var classCount = opened.values().stream().mapToInt(List::size).sum();
		return uploadAndComplete(generator, classCount, opened, traineeFiles, attendanceFiles, started, showProgress);
	}

	private Loaded uploadAndComplete(Generator generator, int classCount, Map<Integer, List<Long>> opened,
			Map<Integer, Path> traineeFiles, Map<Integer, Path> attendanceFiles, long started, boolean showProgress)
			throws Exception {
		int enrolled = 0;
		var classesOpen = System.nanoTime();
		for (var e : traineeFiles.entrySet()) {
			enrolled += upload(provider(generator.providerCode(e.getKey())), "class-trainees", e.getValue());
		}
		var enrolledAt = System.nanoTime();
		int attendanceRows = 0;
		for (var e : attendanceFiles.entrySet()) {
			attendanceRows += upload(provider(generator.providerCode(e.getKey())), "attendance", e.getValue());
		}
		var attendedAt = System.nanoTime();
		var completing = showProgress ? new ProgressBar("completing classes", classCount) : ProgressBar.silent();
		int done = 0;
		for (var e : opened.entrySet()) {
			var provider = provider(generator.providerCode(e.getKey()));
			for (var id : e.getValue()) {
				attendance.complete(provider, id);
				completing.show(++done);
			}
		}
		var completedAt = System.nanoTime();
		int completed = 0, notCompleted = 0;
		for (var e : opened.entrySet()) {
			var counts = enrolments.statusCounts(provider(generator.providerCode(e.getKey())), e.getValue());
			completed += counts.getOrDefault("COMPLETED", 0);
			notCompleted += counts.getOrDefault("NOT_COMPLETED", 0);
		}
		return new Loaded(classCount, enrolled, attendanceRows, completed, notCompleted, new Seconds(
				(classesOpen - started) / 1e9, (enrolledAt - classesOpen) / 1e9, (attendedAt - enrolledAt) / 1e9,
				(completedAt - attendedAt) / 1e9));
	}

	/** One provider's file of a kind for all its classes, uploaded as the provider would; the rows it accepted. */
	private int upload(Actor provider, String kind, Path file) throws Exception {
		var job = RegisterLoader.runToEnd(imports, provider, kind, file, ProgressBar.silent());
		if (job.rejectedRows() > 0) {
			throw new IllegalStateException("generate: " + kind + " refused " + imports.errors(provider, job.id(), 5));
		}
		return job.acceptedRows();
	}

	/** Each training provider's file of one kind (there are {@link Generator#TRAINING_PROVIDERS}), written row by row. */
	private static final class ProviderFiles implements Closeable {

		private final Path folder;
		private final String kind;
		private final String[] header;
		private final Map<Integer, Path> paths = new TreeMap<>();
		private final Map<Integer, CsvWriter> open = new TreeMap<>();

		ProviderFiles(Path folder, String kind, String... header) {
			this.folder = folder;
			this.kind = kind;
			this.header = header;
		}

		void write(int provider, String... values) throws IOException {
			var csv = open.get(provider);
			if (csv == null) {
				var path = folder.resolve(kind + "-" + provider + ".csv");
				var out = Files.newOutputStream(path);
				out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
				csv = CsvWriter.builder().build(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
						1 << 16));
				csv.writeRecord(header);
				open.put(provider, csv);
				paths.put(provider, path);
			}
			csv.writeRecord(values);
		}

		/** The files written, by provider. */
		Map<Integer, Path> written() {
			return paths;
		}

		@Override
		public void close() throws IOException {
			for (var csv : open.values()) {
				csv.close();
			}
			open.clear();
		}
	}

	private static Actor provider(String code) {
		return new Actor(0, "generator-" + code, code, Role.TRAINING_PROVIDER, DataScope.organisation(code), false);
	}
}
