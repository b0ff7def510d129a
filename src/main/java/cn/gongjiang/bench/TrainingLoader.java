package cn.gongjiang.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import cn.gongjiang.imports.BulkImport;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.training.Attendance;
import cn.gongjiang.training.ClassEnrolment;
import cn.gongjiang.training.ClassEnrolments;
import cn.gongjiang.training.TrainingClass;
import cn.gongjiang.training.TrainingClasses;

/**
 * Generated training (X-5, TRN): each provider opens its classes, enrols its trainees by real name, uploads who came
 * to each session as an attendance file through the import pipeline, and completes the classes — so trainees who came
 * often enough are completed and counted, the others not, exactly as in production.
 */
@Component
class TrainingLoader {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** What was loaded. */
	record Loaded(int classes, int enrolled, int attendanceRows, int completed, int notCompleted) {
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

	Loaded load(Generator generator, Generator.Sizes sizes, Path work, boolean showProgress) throws Exception {
		Files.createDirectories(work);
		var today = LocalDate.now(clock);
		var opened = new TreeMap<Integer, List<Long>>();
		var rows = new TreeMap<Integer, List<List<String>>>();
		var bar = showProgress ? new ProgressBar("enrolling trainees", sizes.enrolments()) : ProgressBar.silent();
		int enrolled = 0;
		for (int c = 0; c < sizes.classes(); c++) {
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
			var file = rows.computeIfAbsent(planned.provider(), p -> new ArrayList<>());
			for (var trainee : planned.trainees()) {
				enrolments.enrol(provider, opening.id(), new ClassEnrolment.Request(trainee.idNumber(), trainee.name(), null));
				bar.show(++enrolled);
				for (int s = 0; s < trainee.attended().length; s++) {
					if (trainee.attended()[s]) {
						file.add(List.of(String.valueOf(opening.id()), String.valueOf(opening.sessions().get(s).id()),
								trainee.idNumber()));
					}
				}
			}
		}
		int attendanceRows = 0;
		for (Map.Entry<Integer, List<List<String>>> e : rows.entrySet()) {
			attendanceRows += upload(provider(generator.providerCode(e.getKey())), e.getValue(),
					work.resolve("attendance-" + e.getKey() + ".csv"));
		}
		int completed = 0, notCompleted = 0;
		for (var e : opened.entrySet()) {
			var provider = provider(generator.providerCode(e.getKey()));
			for (var id : e.getValue()) {
				attendance.complete(provider, id);
				for (var trainee : enrolments.ofClass(provider, id)) {
					if (trainee.status().equals("COMPLETED")) {
						completed++;
					}
					else {
						notCompleted++;
					}
				}
			}
		}
		return new Loaded(sizes.classes(), enrolled, attendanceRows, completed, notCompleted);
	}

	/** One provider's attendance for all its classes, as the file it would upload. */
	private int upload(Actor provider, List<List<String>> rows, Path file) throws Exception {
		Generator.write(file, "csv", sink -> {
			sink.accept(List.of("班级编号", "课次编号", "身份证号"));
			rows.forEach(sink);
		});
		var job = RegisterLoader.runToEnd(imports, provider, "attendance", file, ProgressBar.silent());
		if (job.rejectedRows() > 0) {
			throw new IllegalStateException("generate: attendance refused " + imports.errors(provider, job.id(), 5));
		}
		return job.acceptedRows();
	}

	private static Actor provider(String code) {
		return new Actor(0, "generator-" + code, code, Role.TRAINING_PROVIDER, DataScope.organisation(code), false);
	}
}
