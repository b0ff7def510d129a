package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
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

/**
 * Returns (TGT-2): a county, city or department reports a figure the platform does not hold; the level directly above
 * approves it or sends it back with a comment, as in DHIS2 — and approves only when every return below has been
 * approved. An approved return is locked. A computed indicator takes no returns: its figure is the platform's.
 */
@Service
public class Returns {

	/**
	 * What an owner reports: a region's own figure, or a department's for one task line (and the figure's label where
	 * the line sets several, 网店业主 …). Exactly one of region and department.
	 */
	public record Submission(String indicator, String region, String department, Integer taskLineId, String label,
			LocalDate asOf, BigDecimal value, String evidence) {

		public Submission(String indicator, String region, String department, LocalDate asOf, BigDecimal value,
				String evidence) {
			this(indicator, region, department, null, null, asOf, value, evidence);
		}
	}

	private final JdbcClient jdbc;
	private final TargetStore targets;
	private final AuditLog audit;
	private final Clock clock;

	Returns(JdbcClient jdbc, TargetStore targets, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public ReturnReport submit(Actor actor, Submission s) {
		TargetScope.requireOfficer(actor);
		var indicator = targets.indicators().stream().filter(i -> i.code().equals(s.indicator())).findFirst()
				.orElseThrow(() -> new InvalidValueException("targets.indicator.unknown", s.indicator()));
		if (indicator.computed()) {
			throw new BusinessException("targets.computed-indicator", indicator.nameZh());
		}
		if (s.value() == null || s.value().signum() < 0) {
			throw new InvalidValueException("targets.return.value");
		}
		if (s.evidence() == null || s.evidence().isBlank()) {
			throw new InvalidValueException("targets.return.evidence-required");
		}
		if (s.asOf() == null || s.asOf().isAfter(LocalDate.now(clock))) {
			throw new InvalidValueException("targets.return.as-of");
		}
		String region = null, path = null, department = null;
		if (s.region() != null && s.department() == null) {
			if (!actor.scope().regional() || !actor.scope().value().equals(s.region())) {
				deny(actor, "targets.return.submit", s.region());
			}
			region = s.region();
			path = actor.scope().regionPath();
		}
		else if (s.department() != null && s.region() == null) {
			if (actor.role() != Role.DEPARTMENT_OFFICER || !actor.scope().value().equals(s.department())) {
				deny(actor, "targets.return.submit", s.department());
			}
			// the target the figure is for: its department may be several (省人力社保厅、省经信厅), the reporter one of them
			department = jdbc.sql("""
					select distinct department from targets.target
					where indicator = :indicator and :department = any(string_to_array(department, '、'))
					  and task_line_id is not distinct from cast(:line as integer)
					  and label is not distinct from cast(:label as text)
					""").param("indicator", s.indicator()).param("department", s.department())
					.param("line", s.taskLineId()).param("label", blank(s.label())).query(String.class).optional()
					.orElseThrow(() -> new InvalidValueException("targets.return.no-department-target", s.department()));
		}
		else {
			throw new InvalidValueException("targets.return.owner");
		}
		var existing = jdbc.sql("""
				select * from targets.return_report where indicator = :indicator
				  and region_code is not distinct from cast(:region as text)
				  and department is not distinct from cast(:department as text)
				  and task_line_id is not distinct from cast(:line as integer)
				  and label is not distinct from cast(:label as text) and as_of = :asOf for update
				""").param("indicator", s.indicator()).param("region", region).param("department", department)
				.param("line", department == null ? null : s.taskLineId())
				.param("label", department == null ? null : blank(s.label()))
				.param("asOf", s.asOf()).query(ReturnReport.class).optional();
		long id;
		if (existing.isPresent()) {
			if (existing.get().status().equals("APPROVED")) {
				throw new ConflictException("targets.return.locked");
			}
			id = existing.get().id();
			jdbc.sql("""
					update targets.return_report set value = :value, evidence = :evidence, status = 'SUBMITTED',
					    submitted_by = :user, submitted_at = now(), version = version + 1
					where id = :id
					""").param("value", s.value()).param("evidence", s.evidence().strip())
					.param("user", actor.username()).param("id", id).update();
		}
		else {
			id = jdbc.sql("""
					insert into targets.return_report (indicator, region_code, region_path, department, task_line_id, label,
					    as_of, value, evidence, status, submitted_by, submitted_at)
					values (:indicator, :region, :path, :department, :line, :label, :asOf, :value, :evidence, 'SUBMITTED',
					    :user, now())
					returning id
					""").param("indicator", s.indicator()).param("region", region).param("path", path)
					.param("department", department).param("line", department == null ? null : s.taskLineId())
					.param("label", department == null ? null : blank(s.label()))
					.param("asOf", s.asOf()).param("value", s.value())
					.param("evidence", s.evidence().strip()).param("user", actor.username()).query(Long.class).single();
		}
		audit.record(actor, "targets.return.submit", String.valueOf(id), AuditOutcome.SUCCESS,
				s.indicator() + " " + s.value().toPlainString());
		return byId(id);
	}

	@Transactional
	public ReturnReport approve(Actor actor, long id) {
		var r = decidable(actor, id, "targets.return.approve");
		if (r.regionPath() != null) {
			var pendingBelow = jdbc.sql("""
					select count(*) from targets.return_report
					where indicator = :indicator and as_of = :asOf and region_path like :path || '%'
					  and region_path <> :path and status <> 'APPROVED'
					""").param("indicator", r.indicator()).param("asOf", r.asOf()).param("path", r.regionPath())
					.query(Integer.class).single();
			if (pendingBelow > 0) {
				throw new ConflictException("targets.return.children-not-approved", pendingBelow);
			}
		}
		decide(actor, id, "APPROVED", null);
		audit.record(actor, "targets.return.approve", String.valueOf(id), AuditOutcome.SUCCESS, null);
		return byId(id);
	}

	@Transactional
	public ReturnReport sendBack(Actor actor, long id, String comment) {
		if (comment == null || comment.isBlank()) {
			throw new InvalidValueException("targets.return.comment-required");
		}
		decidable(actor, id, "targets.return.send-back");
		decide(actor, id, "RETURNED", comment.strip());
		audit.record(actor, "targets.return.send-back", String.valueOf(id), AuditOutcome.SUCCESS, comment.strip());
		return byId(id);
	}

	/** Returns the viewer may see: of their region and below, or of their department; the province sees all. */
	@Transactional(readOnly = true)
	public List<ReturnReport> list(Actor actor, String status) {
		TargetScope.requireOfficer(actor);
		return TargetScope.bind(jdbc.sql("select t.* from targets.return_report t where " + TargetScope.VISIBLE + """
				and (cast(:status as text) is null or t.status = :status)
				order by t.as_of desc, t.indicator, t.region_path nulls last, t.department limit 500
				"""), actor).param("status", status).query(ReturnReport.class).list();
	}

	private ReturnReport decidable(Actor actor, long id, String action) {
		TargetScope.requireOfficer(actor);
		var r = jdbc.sql("select * from targets.return_report where id = :id for update").param("id", id)
				.query(ReturnReport.class).optional().orElseThrow(() -> new NotFoundException("targets.return.not-found"));
		if (!approves(actor, r)) {
			deny(actor, action, String.valueOf(id));
		}
		if (r.status().equals("APPROVED")) {
			throw new ConflictException("targets.return.locked");
		}
		if (!r.status().equals("SUBMITTED")) {
			throw new ConflictException("targets.return.not-submitted");
		}
		return r;
	}

	/** The level directly above the owner decides: the city for a county, the province for a city or department. */
	static boolean approves(Actor actor, ReturnReport r) {
		if (!actor.scope().regional()) {
			return false;
		}
		if (r.department() != null) {
			return actor.scope().regionPath().equals(TargetScope.PROVINCE_PATH);
		}
		var parentPath = r.regionPath().substring(0, r.regionPath().lastIndexOf('/', r.regionPath().length() - 2) + 1);
		return !parentPath.isEmpty() && actor.scope().regionPath().equals(parentPath);
	}

	private void decide(Actor actor, long id, String status, String comment) {
		jdbc.sql("""
				update targets.return_report set status = :status, comment = :comment, decided_by = :user,
				    decided_at = now(), version = version + 1
				where id = :id
				""").param("status", status).param("comment", comment).param("user", actor.username()).param("id", id)
				.update();
	}

	private ReturnReport byId(long id) {
		return jdbc.sql("select * from targets.return_report where id = :id").param("id", id)
				.query(ReturnReport.class).single();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private void deny(Actor actor, String action, String target) {
		audit.record(actor, action, target, AuditOutcome.DENIED, null);
		throw new AccessDeniedException(action);
	}
}
