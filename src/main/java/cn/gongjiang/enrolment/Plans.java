package cn.gongjiang.enrolment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enrolment plans (ENR-1): the school drafts, its city issues (the province for 省属 schools), the province files.
 * Once issued, a plan changes only by a revision the issuer approves; every revision is kept with the lines before
 * and after.
 */
@Service
public class Plans {

	/** What a school drafts or asks to change to. */
	public record Draft(String schoolCode, int year, String intake, List<Plan.Line> lines) {
	}

	private static final TypeReference<List<Plan.Line>> LINES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final Schools schools;
	private final Specialties specialties;
	private final AuditLog audit;
	private final JsonMapper json;

	Plans(JdbcClient jdbc, Schools schools, Specialties specialties, AuditLog audit, JsonMapper json) {
		this.jdbc = jdbc;
		this.schools = schools;
		this.specialties = specialties;
		this.audit = audit;
		this.json = json;
	}

	@Transactional
	public Plan draft(Actor actor, Draft draft) {
		var school = schools.require(draft.schoolCode());
		if (!Schools.mayActFor(actor, school)) {
			deny(actor, "enrolment.plan.draft", draft.schoolCode());
		}
		var intake = intake(draft.intake());
		if (draft.year() < 2023 || draft.year() > 2100) {
			throw new InvalidValueException("enrolment.plan.year", draft.year());
		}
		var lines = checked(school.creditCode(), draft.lines());
		var existing = jdbc.sql("select id, status from enrolment.plan where school_code = :school and year = :year "
				+ "and intake = :intake for update").param("school", school.creditCode()).param("year", draft.year())
				.param("intake", intake.name()).query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) })
				.optional();
		long id;
		if (existing.isPresent()) {
			if (!"DRAFT".equals(existing.get()[1])) {
				throw new ConflictException("enrolment.plan-filed");
			}
			id = (long) existing.get()[0];
			jdbc.sql("delete from enrolment.plan_line where plan_id = :id").param("id", id).update();
			jdbc.sql("update enrolment.plan set version = version + 1 where id = :id").param("id", id).update();
		}
		else {
			id = jdbc.sql("""
					insert into enrolment.plan (school_code, year, intake, status) values (:school, :year, :intake, 'DRAFT')
					returning id
					""").param("school", school.creditCode()).param("year", draft.year()).param("intake", intake.name())
					.query(Long.class).single();
		}
		insertLines(id, lines);
		audit.record(actor, "enrolment.plan.draft", "plan:" + id, AuditOutcome.SUCCESS, null);
		return find(id);
	}

	@Transactional
	public Plan issue(Actor actor, long id) {
		var plan = find(id);
		if (!Schools.issues(actor, schools.require(plan.schoolCode()))) {
			deny(actor, "enrolment.plan.issue", "plan:" + id);
		}
		move(plan, "DRAFT", "ISSUED", "issued", actor);
		return find(id);
	}

	/** The province records the issued plan (备案); from now on it is the ceiling for registrations. */
	@Transactional
	public Plan file(Actor actor, long id) {
		var plan = find(id);
		if (!actor.is(Role.PROVINCE_OFFICER)) {
			deny(actor, "enrolment.plan.file", "plan:" + id);
		}
		move(plan, "ISSUED", "FILED", "filed", actor);
		return find(id);
	}

	@Transactional
	public Plan requestRevision(Actor actor, long id, List<Plan.Line> lines, String reason) {
		var plan = find(id);
		var school = schools.require(plan.schoolCode());
		if (!Schools.mayActFor(actor, school)) {
			deny(actor, "enrolment.plan.revise", "plan:" + id);
		}
		if ("DRAFT".equals(plan.status())) {
			throw new ConflictException("enrolment.plan.still-draft");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidValueException("enrolment.plan.reason-required");
		}
		var after = checked(school.creditCode(), lines);
		if (plan.revisions().stream().anyMatch(r -> r.status().equals("PENDING"))) {
			throw new ConflictException("enrolment.plan.revision-pending");
		}
		jdbc.sql("""
				insert into enrolment.plan_revision (plan_id, reason, lines_before, lines_after, status, requested_by)
				values (:plan, :reason, cast(:before as jsonb), cast(:after as jsonb), 'PENDING', :user)
				""").param("plan", id).param("reason", reason.strip())
				.param("before", json.writeValueAsString(plan.lines())).param("after", json.writeValueAsString(after))
				.param("user", actor.username()).update();
		audit.record(actor, "enrolment.plan.revise", "plan:" + id, AuditOutcome.SUCCESS, reason.strip());
		return find(id);
	}

	@Transactional
	public Plan decideRevision(Actor actor, long id, long revisionId, boolean approve, String comment) {
		var plan = find(id);
		if (!Schools.issues(actor, schools.require(plan.schoolCode()))) {
			deny(actor, "enrolment.plan.revision.decide", "plan:" + id);
		}
		var revision = plan.revisions().stream().filter(r -> r.id() == revisionId).findFirst()
				.orElseThrow(() -> new NotFoundException("enrolment.plan.revision.not-found"));
		if (!revision.status().equals("PENDING")) {
			// decided already, by another officer a moment ago or from a page left open
			throw new ConflictException("enrolment.plan.revision.decided");
		}
		if (!approve && (comment == null || comment.isBlank())) {
			throw new InvalidValueException("enrolment.plan.comment-required");
		}
		var action = approve ? "enrolment.plan.revision.approve" : "enrolment.plan.revision.reject";
		// the revision first: of two officers deciding at once the second waits here, finds it decided and is refused
		int decided = jdbc.sql("""
				update enrolment.plan_revision set status = :status, decided_by = :user, decided_at = now(),
				    comment = :comment where id = :id and plan_id = :plan and status = 'PENDING'
				""").param("status", approve ? "APPROVED" : "REJECTED").param("user", actor.username())
				.param("comment", comment == null ? null : comment.strip()).param("id", revisionId).param("plan", id)
				.update();
		if (decided == 0) {
			audit.record(actor, action, "plan:" + id, AuditOutcome.FAILURE, "revision " + revisionId + " decided meanwhile");
			throw new ConflictException("enrolment.plan.revision.decided");
		}
		if (approve) {
			jdbc.sql("delete from enrolment.plan_line where plan_id = :id").param("id", id).update();
			insertLines(id, revision.after());
			jdbc.sql("update enrolment.plan set version = version + 1 where id = :id").param("id", id).update();
		}
		audit.record(actor, action, "plan:" + id, AuditOutcome.SUCCESS, comment);
		return find(id);
	}

	/** Plans of one school (the school itself or officers covering it), or of every school the actor sees. */
	@Transactional(readOnly = true)
	public List<Plan> list(Actor actor, String schoolCode, Integer year) {
		List<String> codes;
		if (schoolCode != null) {
			var school = schools.require(schoolCode);
			if (!Schools.mayActFor(actor, school) && !Schools.issues(actor, school)) {
				throw new NotFoundException("enrolment.school.not-found", schoolCode);
			}
			codes = List.of(school.creditCode());
		}
		else {
			codes = schools.list(actor).stream().map(School::creditCode).toList();
		}
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id from enrolment.plan where school_code = any(:codes)
				  and (cast(:year as integer) is null or year = :year)
				order by year desc, school_code, intake
				""").param("codes", codes.toArray(String[]::new)).param("year", year).query(Long.class).list()
				.stream().map(this::find).toList();
	}

	/** What waits for this officer on the plans they see: drafts they issue, issued plans to file (the province), revisions they decide. */
	public record Waiting(long toIssue, long toFile, long revisions) {
	}

	@Transactional(readOnly = true)
	public Waiting waiting(Actor actor) {
		if (!actor.regionalOfficer()) {
			return new Waiting(0, 0, 0);
		}
		long toIssue = 0;
		long toFile = 0;
		long revisions = 0;
		for (var school : schools.list(actor)) {
			if (!Schools.issues(actor, school) && !actor.is(Role.PROVINCE_OFFICER)) {
				continue;
			}
			var counts = jdbc.sql("""
					select count(*) filter (where p.status = 'DRAFT') as drafts,
					       count(*) filter (where p.status = 'ISSUED') as issued,
					       (select count(*) from enrolment.plan_revision v join enrolment.plan q on q.id = v.plan_id
					        where q.school_code = :school and v.status = 'PENDING') as revisions
					from enrolment.plan p where p.school_code = :school
					""").param("school", school.creditCode())
					.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
			if (Schools.issues(actor, school)) {
				toIssue += counts[0];
				revisions += counts[2];
			}
			if (actor.is(Role.PROVINCE_OFFICER)) {
				toFile += counts[1];
			}
		}
		return new Waiting(toIssue, toFile, revisions);
	}

	Plan find(long id) {
		var lines = jdbc.sql("""
				select specialty_code, class_level, headcount from enrolment.plan_line where plan_id = :id
				order by specialty_code, class_level
				""").param("id", id).query(Plan.Line.class).list();
		var revisions = jdbc.sql("select * from enrolment.plan_revision where plan_id = :id order by id")
				.param("id", id).query((rs, i) -> revision(rs)).list();
		return jdbc.sql("select * from enrolment.plan where id = :id").param("id", id)
				.query((rs, i) -> new Plan(rs.getLong("id"), rs.getString("school_code"), rs.getInt("year"),
						rs.getString("intake"), rs.getString("status"), rs.getString("issued_by"),
						instant(rs.getTimestamp("issued_at")), rs.getString("filed_by"), instant(rs.getTimestamp("filed_at")),
						rs.getInt("version"), lines, revisions))
				.optional().orElseThrow(() -> new NotFoundException("enrolment.plan.not-found"));
	}

	/** The filed headcount for one line, its row locked so that concurrent registrations count one at a time. */
	Optional<Integer> filedHeadcount(String schoolCode, int year, IntakeSeason intake, String specialty,
			ClassLevel level) {
		return jdbc.sql("""
				select l.headcount from enrolment.plan p
				join enrolment.plan_line l on l.plan_id = p.id
				where p.school_code = :school and p.year = :year and p.intake = :intake and p.status = 'FILED'
				  and l.specialty_code = :specialty and l.class_level = :level
				for update of l
				""").param("school", schoolCode).param("year", year).param("intake", intake.name())
				.param("specialty", specialty).param("level", level.name()).query(Integer.class).optional();
	}

	private List<Plan.Line> checked(String schoolCode, List<Plan.Line> lines) {
		if (lines == null || lines.isEmpty()) {
			throw new InvalidValueException("enrolment.plan.lines-required");
		}
		var seen = new HashSet<String>();
		var result = new ArrayList<Plan.Line>();
		for (var line : lines) {
			var level = ClassLevel.parse(line.classLevel());
			if (level == null) {
				throw new InvalidValueException("enrolment.class-level.unknown", line.classLevel());
			}
			var specialty = specialties.find(schoolCode, line.specialtyCode());
			if (specialty.isEmpty() || !specialty.get().offers(level)) {
				throw new BusinessException("enrolment.specialty-not-filed", line.specialtyCode(),
						level.nameZh());
			}
			if (line.headcount() <= 0) {
				throw new InvalidValueException("enrolment.plan.headcount", line.headcount());
			}
			if (!seen.add(line.specialtyCode() + "/" + level)) {
				throw new InvalidValueException("enrolment.plan.duplicate-line", line.specialtyCode());
			}
			result.add(new Plan.Line(line.specialtyCode(), level.name(), line.headcount()));
		}
		return result;
	}

	private void insertLines(long id, List<Plan.Line> lines) {
		for (var line : lines) {
			jdbc.sql("""
					insert into enrolment.plan_line (plan_id, specialty_code, class_level, headcount)
					values (:id, :specialty, :level, :headcount)
					""").param("id", id).param("specialty", line.specialtyCode()).param("level", line.classLevel())
					.param("headcount", line.headcount()).update();
		}
	}

	private void move(Plan plan, String from, String to, String column, Actor actor) {
		int moved = jdbc.sql("update enrolment.plan set status = :to, " + column + "_by = :user, " + column
				+ "_at = now(), version = version + 1 where id = :id and status = :from").param("to", to)
				.param("user", actor.username()).param("id", plan.id()).param("from", from).update();
		if (moved == 0) {
			throw new ConflictException("enrolment.plan.status", plan.status());
		}
		audit.record(actor, "enrolment.plan." + column, "plan:" + plan.id(), AuditOutcome.SUCCESS, null);
	}

	private Plan.Revision revision(ResultSet rs) throws SQLException {
		return new Plan.Revision(rs.getLong("id"), rs.getString("reason"), rs.getString("status"),
				json.readValue(rs.getString("lines_before"), LINES), json.readValue(rs.getString("lines_after"), LINES),
				rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")), rs.getString("decided_by"),
				instant(rs.getTimestamp("decided_at")), rs.getString("comment"));
	}

	static IntakeSeason intake(String value) {
		try {
			return IntakeSeason.valueOf(value);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new InvalidValueException("enrolment.intake.unknown", value);
		}
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private void deny(Actor actor, String action, String target) {
		throw actor.refuse(action, target, null);
	}
}
