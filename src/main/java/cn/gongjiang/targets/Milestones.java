package cn.gongjiang.targets;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Milestones of the department task list (TGT-5): the province and each responsible department see theirs and mark
 * them done with the evidence (a document number, a link); reopening is the province's, with a reason.
 */
@Service
public class Milestones {

	/** The departments of the task line aliased {@code l}, in the order 附件1 lists them. */
	private static final String DEPARTMENTS = """
			array(select o.department from targets.task_line_department o where o.task_line_id = l.id
			      order by o.position) as departments
			""";

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
		return jdbc.sql("select m.*, l.key_work, coalesce(l.activity, l.measure) as measure, " + DEPARTMENTS + """
				from targets.milestone m join targets.task_line l on l.id = m.task_line_id
				where (:department = '' or """ + keptBy("department") + """
				)
				  and (cast(:year as integer) is null or extract(year from m.due_on) = :year)
				order by m.due_on, m.task_line_id, m.id
				""").param("department", actor.role() == Role.DEPARTMENT_OFFICER ? actor.scope().value() : "")
				.param("year", dueYear).query((rs, i) -> milestone(rs)).list();
	}

	/** Which milestones a list shows: due in a year, in a state (OPEN, DONE, OVERDUE), of a department; all optional. */
	public record Filter(Integer dueYear, String state, String department) {
	}

	public static final Map<String, String> SORTS = Map.of("dueOn", "m.due_on", "taskLine", "m.task_line_id",
			"status", "m.status");

	/** A page of the milestones the reader keeps (a department its own, the province all), with the total. */
	@Transactional(readOnly = true)
	public Page<Milestone> page(Actor actor, Filter filter, PageRequest request) {
		requireViewer(actor);
		var where = """
				from targets.milestone m join targets.task_line l on l.id = m.task_line_id
				where (:own = '' or """ + keptBy("own") + """
				)
				  and (cast(:department as text) is null or """ + keptBy("department") + """
				)
				  and (cast(:year as integer) is null or extract(year from m.due_on) = :year)
				  and (cast(:state as text) is null
				       or (:state = 'DONE' and m.status = 'DONE')
				       or (:state = 'OPEN' and m.status = 'OPEN')
				       or (:state = 'OVERDUE' and m.status = 'OPEN' and m.due_on < :today))
				""";
		var own = actor.role() == Role.DEPARTMENT_OFFICER ? actor.scope().value() : "";
		var today = LocalDate.now(clock);
		long total = jdbc.sql("select count(*) " + where).param("own", own).param("department", filter.department())
				.param("year", filter.dueYear()).param("state", filter.state()).param("today", today)
				.query(Long.class).single();
		var rows = jdbc.sql("select m.*, l.key_work, coalesce(l.activity, l.measure) as measure, "
				+ DEPARTMENTS + " "
				+ where + " order by " + request.orderBy(SORTS, "m.id") + " limit :size offset :offset")
				.param("own", own).param("department", filter.department()).param("year", filter.dueYear())
				.param("state", filter.state()).param("today", today).param("size", request.size())
				.param("offset", request.offset()).query((rs, i) -> milestone(rs)).list();
		return Page.of(rows, total, request);
	}

	/** Open milestones past their date that the reader keeps (the province: all). */
	@Transactional(readOnly = true)
	public long overdue(Actor actor) {
		if (!(TargetScope.province(actor) || actor.role() == Role.DEPARTMENT_OFFICER)) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from targets.milestone m join targets.task_line l on l.id = m.task_line_id
				where m.status = 'OPEN' and m.due_on < :today and (:own = '' or """ + keptBy("own") + """
				)
				""").param("own", actor.role() == Role.DEPARTMENT_OFFICER ? actor.scope().value() : "")
				.param("today", LocalDate.now(clock)).query(Long.class).single();
	}

	/** The departments of the task list, for a filter. */
	@Transactional(readOnly = true)
	public List<String> departments() {
		return jdbc.sql("select distinct department from targets.task_line_department order by 1")
				.query(String.class).list();
	}

	@Transactional
	public Milestone complete(Actor actor, long id, String evidence, LocalDate completedOn) {
		var m = find(actor, id);
		if (!(TargetScope.province(actor) || m.departments().contains(actor.scope().value()))) {
			throw actor.refuse("targets.milestone.complete", String.valueOf(id), null);
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
			throw actor.refuse("targets.milestone.reopen", String.valueOf(id), null);
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

	/** SQL predicate: the department bound to {@code :param} is one of those responsible for the line aliased {@code l}. */
	private static String keptBy(String param) {
		return " exists (select 1 from targets.task_line_department o where o.task_line_id = l.id and o.department = :"
				+ param + ")";
	}

	private static Milestone milestone(ResultSet rs) throws SQLException {
		Array departments = rs.getArray("departments");
		return new Milestone(rs.getLong("id"), rs.getInt("task_line_id"), rs.getString("key_work"),
				rs.getString("measure"), Arrays.asList((String[]) departments.getArray()),
				rs.getObject("due_on", LocalDate.class), rs.getString("description"), rs.getString("status"),
				rs.getString("evidence"), rs.getObject("completed_on", LocalDate.class), rs.getString("updated_by"));
	}
}
