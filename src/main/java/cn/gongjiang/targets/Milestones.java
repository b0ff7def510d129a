package cn.gongjiang.targets;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Milestones of the department task list (TGT-5): the province and each responsible department see theirs and mark
 * them done with the evidence (a document number, a link); reopening is the province's, with a reason.
 */
@Service
public class Milestones {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	Milestones(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Milestone> list(Actor actor, Integer dueYear) {
		requireViewer(actor);
		return jdbc.sql("""
				select m.*, l.key_work, coalesce(l.activity, l.measure) as measure, l.departments
				from targets.milestone m join targets.task_line l on l.id = m.task_line_id
				where (:department = '' or :department = any(l.departments))
				  and (cast(:year as integer) is null or extract(year from m.due_on) = :year)
				order by m.due_on, m.task_line_id, m.id
				""").param("department", actor.role() == Role.DEPARTMENT_OFFICER ? actor.scope().value() : "")
				.param("year", dueYear).query((rs, i) -> milestone(rs)).list();
	}

	@Transactional
	public Milestone complete(Actor actor, long id, String evidence, LocalDate completedOn) {
		var m = find(actor, id);
		if (!(TargetScope.province(actor) || m.departments().contains(actor.scope().value()))) {
			audit.record(actor, "targets.milestone.complete", String.valueOf(id), AuditOutcome.DENIED, null);
			throw new AccessDeniedException("not responsible");
		}
		if (evidence == null || evidence.isBlank()) {
			throw new InvalidValueException("targets.milestone.evidence-required");
		}
		var day = completedOn == null ? LocalDate.now(clock) : completedOn;
		if (day.isAfter(LocalDate.now(clock))) {
			throw new InvalidValueException("targets.milestone.completed-on");
		}
		if (m.status().equals("DONE")) {
			throw new ConflictException("targets.milestone.already-done");
		}
		jdbc.sql("""
				update targets.milestone set status = 'DONE', evidence = :evidence, completed_on = :day,
				    updated_by = :user, updated_at = now() where id = :id
				""").param("evidence", evidence.strip()).param("day", day).param("user", actor.username())
				.param("id", id).update();
		audit.record(actor, "targets.milestone.complete", String.valueOf(id), AuditOutcome.SUCCESS, evidence.strip());
		return find(actor, id);
	}

	@Transactional
	public Milestone reopen(Actor actor, long id, String reason) {
		find(actor, id);
		if (!TargetScope.province(actor)) {
			audit.record(actor, "targets.milestone.reopen", String.valueOf(id), AuditOutcome.DENIED, null);
			throw new AccessDeniedException("the province reopens milestones");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidValueException("targets.milestone.reason-required");
		}
		jdbc.sql("""
				update targets.milestone set status = 'OPEN', evidence = null, completed_on = null,
				    updated_by = :user, updated_at = now() where id = :id
				""").param("user", actor.username()).param("id", id).update();
		audit.record(actor, "targets.milestone.reopen", String.valueOf(id), AuditOutcome.SUCCESS, reason.strip());
		return find(actor, id);
	}

	private Milestone find(Actor actor, long id) {
		return list(actor, null).stream().filter(m -> m.id() == id).findFirst()
				.orElseThrow(() -> new NotFoundException("targets.milestone.not-found"));
	}

	private static void requireViewer(Actor actor) {
		if (!(TargetScope.province(actor) || actor.role() == Role.DEPARTMENT_OFFICER)) {
			throw new AccessDeniedException("milestones are the province's and the departments'");
		}
	}

	private static Milestone milestone(java.sql.ResultSet rs) throws SQLException {
		Array departments = rs.getArray("departments");
		return new Milestone(rs.getLong("id"), rs.getInt("task_line_id"), rs.getString("key_work"),
				rs.getString("measure"), Arrays.asList((String[]) departments.getArray()),
				rs.getObject("due_on", LocalDate.class), rs.getString("description"), rs.getString("status"),
				rs.getString("evidence"), rs.getObject("completed_on", LocalDate.class), rs.getString("updated_by"));
	}
}
