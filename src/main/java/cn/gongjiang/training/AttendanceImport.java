package cn.gongjiang.training;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.ImportHandler;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Attendance by file (kind {@code attendance}, TRN-3), for a provider whose classes keep a sign-in sheet: one row per
 * trainee present at a session of its own open class that has begun; the same sheet again changes nothing.
 */
@Component
class AttendanceImport implements ImportHandler {

	static final String CLASS = "班级编号", SESSION = "课次编号", ID_NUMBER = "身份证号";

	private final ClassEnrolments enrolments;
	private final PersonalDataCipher cipher;
	private final JdbcClient jdbc;
	private final Clock clock;

	AttendanceImport(ClassEnrolments enrolments, PersonalDataCipher cipher, JdbcClient jdbc, Clock clock) {
		this.enrolments = enrolments;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "attendance";
	}

	@Override
	public List<ImportColumn> columns() {
		return List.of(ImportColumn.required(CLASS, "本机构的班级编号"), ImportColumn.required(SESSION, "该班的课次编号"),
				ImportColumn.required(ID_NUMBER, "出勤学员的身份证号"));
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL;
	}

	@Override
	public String stagingTable() {
		return "training.attendance_staging";
	}

	@Override
	public List<String> stagingColumns() {
		return List.of("session_id", "enrolment_id");
	}

	@Override
	public RowChecker checker(Actor actor) {
		var classes = new HashMap<Long, TrainingClass>();
		var now = Instant.now(clock);
		return row -> {
			try {
				var classId = Long.valueOf(required(row.get(CLASS), CLASS));
				var sessionId = Long.valueOf(required(row.get(SESSION), SESSION));
				var c = classes.computeIfAbsent(classId, id -> enrolments.ownOpenClass(actor, id));
				if (!c.status().equals("OPEN")) {
					return CheckedRow.rejected(List.of(RowError.of(row.number(), CLASS, "training.class.finished")));
				}
				var session = c.sessions().stream().filter(s -> s.id() == sessionId).findFirst();
				if (session.isEmpty()) {
					return CheckedRow.rejected(List.of(RowError.of(row.number(), SESSION, "training.session.not-found")));
				}
				if (now.isBefore(session.get().startsAt())) {
					return CheckedRow.rejected(List.of(RowError.of(row.number(), SESSION, "training.attendance.before-session")));
				}
				var index = cipher.index(IdNumber.parse(required(row.get(ID_NUMBER), ID_NUMBER)).value());
				var enrolment = jdbc.sql("""
						select id from training.enrolment where class_id = :class and person_index = :index and status = 'ENROLLED'
						""").param("class", classId).param("index", index).query(Long.class).optional();
				if (enrolment.isEmpty()) {
					return CheckedRow.rejected(List.of(RowError.of(row.number(), ID_NUMBER, "training.attendance.not-enrolled")));
				}
				return CheckedRow.staged(List.of(String.valueOf(sessionId), String.valueOf(enrolment.get())));
			}
			catch (NumberFormatException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), null, "value.format")));
			}
			catch (InvalidValueException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(),
						e.code().startsWith("id-number") ? ID_NUMBER : null, e.code(),
						e.arguments())));
			}
			catch (BusinessException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), CLASS, e.code(), e.arguments())));
			}
			catch (AccessDeniedException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), CLASS, "scope.outside")));
			}
		};
	}

	private static String required(String value, String column) {
		if (value == null) {
			throw new InvalidValueException("required");
		}
		return value.strip();
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return jdbc.sql("""
				select row_number, first_row from (
				    select row_number, min(row_number) over (partition by session_id, enrolment_id) as first_row
				    from training.attendance_staging where job_id = :job
				) s where row_number <> first_row
				""").param("job", job)
				.query((rs, i) -> RowError.of(rs.getInt(1), ID_NUMBER, "duplicate-in-file", rs.getInt(2))).list();
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = jdbc.sql("select count(*) from training.attendance_staging where job_id = :job and row_number between :from and :to")
				.param("job", job).param("from", fromRow).param("to", toRow).query(Integer.class).single();
		var changed = jdbc.sql("""
				insert into training.attendance (session_id, enrolment_id, method, recorded_by)
				select session_id, enrolment_id, 'IMPORT', :user from training.attendance_staging
				where job_id = :job and row_number between :from and :to
				on conflict do nothing
				""").param("job", job).param("from", fromRow).param("to", toRow).param("user", actor.username()).update();
		return new MergeCounts(changed, staged - changed);
	}
}
