package cn.gongjiang.training;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedImport;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Attendance by file (kind {@code attendance}, TRN-3), for a provider whose classes keep a sign-in sheet: one row per
 * trainee present at a session of its own open class that has begun; the same sheet again changes nothing.
 */
@Component
class AttendanceImport extends StagedImport {

	static final String CLASS = "班级编号", SESSION = "课次编号", ID_NUMBER = "身份证号";

	private final ClassEnrolments enrolments;
	private final PersonalDataCipher cipher;
	private final Clock clock;

	AttendanceImport(ClassEnrolments enrolments, PersonalDataCipher cipher, JdbcClient jdbc, Clock clock) {
		super("attendance", List.of(ImportColumn.required(CLASS, "本机构的班级编号"),
				ImportColumn.required(SESSION, "该班的课次编号"), ImportColumn.required(ID_NUMBER, "出勤学员的身份证号")),
				"training.attendance_staging", List.of("session_id", "enrolment_id"), jdbc);
		this.enrolments = enrolments;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL;
	}

	@Override
	public RowChecker checker(Actor actor) {
		var classes = new HashMap<Long, TrainingClass>();
		// a sheet lists a class's trainees session after session: its enrolments are read once, not once a row
		var enrolled = new LinkedHashMap<Long, Map<IdNumberIndex, Long>>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, Map<IdNumberIndex, Long>> eldest) {
				return size() > CLASSES_HELD;
			}
		};
		var now = Instant.now(clock);
		var rows = rowCheck().scopeIn(CLASS);
		return row -> rows.check(row, () -> {
			long classId = row.read(CLASS, Long::valueOf);
			long sessionId = row.read(SESSION, Long::valueOf);
			var c = classes.computeIfAbsent(classId,
					id -> BusinessException.about(CLASS, () -> enrolments.ownOpenClass(actor, id)));
			if (!c.status().equals("OPEN")) {
				return CheckedRow.rejected(row, CLASS, "training.class.finished");
			}
			var session = c.sessions().stream().filter(s -> s.id() == sessionId).findFirst();
			if (session.isEmpty()) {
				return CheckedRow.rejected(row, SESSION, "training.session.not-found");
			}
			if (now.isBefore(session.get().startsAt())) {
				return CheckedRow.rejected(row, SESSION, "training.attendance.before-session");
			}
			var index = cipher.index(row.read(ID_NUMBER, IdNumber::parse));
			var enrolment = enrolled.computeIfAbsent(classId, this::enrolled).get(index);
			if (enrolment == null) {
				return CheckedRow.rejected(row, ID_NUMBER, "training.attendance.not-enrolled");
			}
			return CheckedRow.staged(List.of(String.valueOf(sessionId), String.valueOf(enrolment)));
		});
	}

	/** The trainees still enrolled in a class, by keyed ID number. */
	private Map<IdNumberIndex, Long> enrolled(long classId) {
		var trainees = new HashMap<IdNumberIndex, Long>();
		jdbc.sql("select person_index, id from training.enrolment where class_id = :class and status = 'ENROLLED'")
				.param("class", classId).query((rs, i) -> trainees.put(IdNumberIndex.of(rs.getBytes(1)), rs.getLong(2)))
				.list();
		return trainees;
	}

	/** Classes whose trainees a check holds at once (a sheet's classes come one after another). */
	private static final int CLASSES_HELD = 1_000;

	@Override
	public List<RowError> checkStaged(UUID job) {
		return duplicatesInFile(job, "session_id, enrolment_id", ID_NUMBER);
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = staged(job, fromRow, toRow);
		var changed = overRows("""
				insert into training.attendance (session_id, enrolment_id, method, recorded_by)
				select session_id, enrolment_id, 'IMPORT', :user from training.attendance_staging
				where job_id = :job and row_number between :from and :to
				on conflict do nothing
				""", job, fromRow, toRow).param("user", actor.username()).update();
		return new MergeCounts(changed, staged - changed);
	}
}
