package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.region.RegionDirectory;
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
	private final RegionDirectory regions;

	Returns(JdbcClient jdbc, TargetStore targets, AuditLog audit, Clock clock, RegionDirectory regions) {
		this.regions = regions;
		this.jdbc = jdbc;
		this.targets = targets;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public ReturnReport submit(Actor actor, Submission s) {
		TargetScope.requireOfficer(actor);
		// whose figure it is comes first: a return for another region is refused before its content is read
		if (s.region() != null && s.department() == null) {
			if (!actor.scope().regional() || !actor.scope().value().equals(s.region())) {
				deny(actor, "targets.return.submit", s.region());
			}
		}
		else if (s.department() != null && s.region() == null) {
			if (actor.role() != Role.DEPARTMENT_OFFICER || !actor.scope().value().equals(s.department())) {
				deny(actor, "targets.return.submit", s.department());
			}
		}
		else {
			throw new InvalidValueException("targets.return.owner");
		}
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
		String region = null, path = null;
		var byDepartment = s.region() == null;
		if (!byDepartment) {
			region = s.region();
			path = actor.scope().regionPath();
		}
		else {
			// the target the figure is for: its task line may have several departments (省人力社保厅、省经信厅), the
			// reporter one of them
			var owns = jdbc.sql("select exists (select 1 from targets.target t where t.indicator = :indicator and "
					+ TargetScope.OF_DEPARTMENT + """
					  and t.task_line_id is not distinct from cast(:line as integer)
					  and t.label is not distinct from cast(:label as text))
					""").param("indicator", s.indicator()).param("department", s.department())
					.param("line", s.taskLineId()).param("label", blank(s.label())).query(Boolean.class).single();
			if (!owns) {
				throw new InvalidValueException("targets.return.no-department-target", s.department());
			}
		}
		var existing = jdbc.sql("""
				select t.*, null as department from targets.return_report t where t.indicator = :indicator
				  and t.region_code is not distinct from cast(:region as text)
				  and t.task_line_id is not distinct from cast(:line as integer)
				  and t.label is not distinct from cast(:label as text) and t.as_of = :asOf for update
				""").param("indicator", s.indicator()).param("region", region)
				.param("line", byDepartment ? s.taskLineId() : null)
				.param("label", byDepartment ? blank(s.label()) : null)
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
					insert into targets.return_report (indicator, region_code, region_path, task_line_id, label,
					    as_of, value, evidence, status, submitted_by, submitted_at)
					values (:indicator, :region, :path, :line, :label, :asOf, :value, :evidence, 'SUBMITTED',
					    :user, now())
					returning id
					""").param("indicator", s.indicator()).param("region", region).param("path", path)
					.param("line", byDepartment ? s.taskLineId() : null)
					.param("label", byDepartment ? blank(s.label()) : null)
					.param("asOf", s.asOf()).param("value", s.value())
					.param("evidence", s.evidence().strip()).param("user", actor.username()).query(Long.class).single();
		}
		audit.record(actor, "targets.return.submit", String.valueOf(id), AuditOutcome.SUCCESS,
				s.indicator() + " " + s.value().toPlainString());
		return byId(id);
	}

	public ReturnReport approve(Actor actor, long id) {
		return approve(actor, id, null);
	}

	/** Approves the return as the officer saw it ({@code seen}: its version; null for the one stored now). */
	@Transactional
	public ReturnReport approve(Actor actor, long id, Integer seen) {
		var r = decidable(actor, id, "targets.return.approve", seen);
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
		decide(actor, r, "APPROVED", null);
		audit.record(actor, "targets.return.approve", String.valueOf(id), AuditOutcome.SUCCESS, null);
		return byId(id);
	}

	public ReturnReport sendBack(Actor actor, long id, String comment) {
		return sendBack(actor, id, comment, null);
	}

	/** Sends the return back as the officer saw it ({@code seen}: its version; null for the one stored now). */
	@Transactional
	public ReturnReport sendBack(Actor actor, long id, String comment, Integer seen) {
		var r = decidable(actor, id, "targets.return.send-back", seen);
		if (comment == null || comment.isBlank()) {
			throw new InvalidValueException("targets.return.comment-required");
		}
		decide(actor, r, "RETURNED", comment.strip());
		audit.record(actor, "targets.return.send-back", String.valueOf(id), AuditOutcome.SUCCESS, comment.strip());
		return byId(id);
	}

	/** Which returns a list shows; every field may be null. {@code region}: that region's and those below it. */
	public record Filter(String status, String indicator, String region, String department, Integer year) {
	}

	/** The columns a list of returns sorts by. */
	public static final Map<String, String> SORTS = Map.of("asOf", "t.as_of", "indicator", "i.sort", "status",
			"t.status", "submittedAt", "t.submitted_at", "value", "t.value");

	/** A page of the returns the viewer may see, filtered, with the total. */
	@Transactional(readOnly = true)
	public Page<ReturnReport> page(Actor actor, Filter filter, PageRequest request) {
		TargetScope.requireOfficer(actor);
		var path = filter.region() == null ? null
				: regions.pathOf(RegionCode.of(filter.region())).orElseThrow(
						() -> new NotFoundException("region.not-found", filter.region()));
		var where = " where " + TargetScope.VISIBLE + """
				and (cast(:status as text) is null or t.status = :status)
				and (cast(:indicator as text) is null or t.indicator = :indicator)
				and (cast(:path as text) is null or t.region_path like :path || '%')
				and (cast(:department as text) is null or """ + TargetScope.OF_DEPARTMENT + """
				)
				and (cast(:year as integer) is null or extract(year from t.as_of) = :year)
				""";
		var total = bindFilter(TargetScope.bind(jdbc.sql("select count(*) from targets.return_report t" + where), actor),
				filter, path).query(Long.class).single();
		var rows = bindFilter(TargetScope.bind(jdbc.sql("select t.*, " + TargetScope.DEPARTMENT + " from targets.return_report t "
				+ "join targets.indicator i on i.code = t.indicator" + where + " order by "
				+ request.orderBy(SORTS, "t.id") + " limit :size offset :offset"), actor), filter, path)
				.param("size", request.size()).param("offset", request.offset()).query(ReturnReport.class).list();
		return Page.of(rows, total, request);
	}

	private static JdbcClient.StatementSpec bindFilter(
			JdbcClient.StatementSpec spec, Filter filter, String path) {
		return spec.param("status", filter.status()).param("indicator", filter.indicator()).param("path", path)
				.param("department", filter.department()).param("year", filter.year());
	}

	/** Whether this reader decides this return now: it is submitted and the reader is the level directly above. */
	public static boolean mayDecide(Actor actor, ReturnReport r) {
		return "SUBMITTED".equals(r.status()) && approves(actor, r);
	}

	/** Returns submitted to this reader and waiting for their decision: a city's counties', the province's cities' and departments'. */
	@Transactional(readOnly = true)
	public long awaitingDecision(Actor actor) {
		if (!actor.regionalOfficer()) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from targets.return_report t where t.status = 'SUBMITTED'
				  and ((t.region_path is not null and t.region_path ~ ('^' || :path || '[0-9]+/$'))
				       or (:path = '/330000/' and t.region_code is null))
				""").param("path", actor.scope().regionPath()).query(Long.class).single();
	}

	/**
	 * What the reader still owes for the quarter of {@code today}: the figures it reports (its own targets' for a
	 * city, its city's for a county, its task lines' for a department) with no return in the quarter, or only one
	 * sent back. The province reports to nobody.
	 */
	@Transactional(readOnly = true)
	public long unreported(Actor actor, LocalDate today) {
		var quarterStart = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
		var quarterEnd = quarterStart.plusMonths(3).minusDays(1);
		if (actor.role() == Role.DEPARTMENT_OFFICER) {
			return jdbc.sql("""
					select count(*) from (select distinct t.indicator, t.task_line_id, t.label
					    from targets.target t join targets.indicator i on i.code = t.indicator
					    where i.fact is null and t.comparator <> 'UNKNOWN' and """ + TargetScope.OF_DEPARTMENT + """
					      and t.period_start <= :end and t.period_end >= :start
					      and not exists (select 1 from targets.return_report r where r.indicator = t.indicator
					          and r.region_code is null and r.task_line_id is not distinct from t.task_line_id
					          and r.label is not distinct from t.label and r.status <> 'RETURNED'
					          and r.as_of between :start and :end)) owed
					""").param("department", actor.scope().value()).param("start", quarterStart)
					.param("end", quarterEnd).query(Long.class).single();
		}
		if (!actor.regionalOfficer() || TargetScope.province(actor)) {
			return 0;
		}
		var path = RegionPath.of(actor.scope().regionPath());
		var county = path.depth() > RegionPath.CITY;
		var targetsOf = county ? path.codeAt(RegionPath.CITY).orElseThrow().value() : actor.scope().value();
		return jdbc.sql("""
				select count(distinct t.indicator) from targets.target t join targets.indicator i on i.code = t.indicator
				where i.fact is null and t.region_code = :targetsOf and t.comparator <> 'UNKNOWN'
				  and t.period_start <= :end and t.period_end >= :start
				  and not exists (select 1 from targets.return_report r where r.indicator = t.indicator
				      and r.region_code = :owner and r.status <> 'RETURNED' and r.as_of between :start and :end)
				""").param("targetsOf", targetsOf).param("owner", actor.scope().value()).param("start", quarterStart)
				.param("end", quarterEnd).query(Long.class).single();
	}

	/** Returns the viewer may see: of their region and below, or of their department; the province sees all. */
	@Transactional(readOnly = true)
	public List<ReturnReport> list(Actor actor, String status) {
		TargetScope.requireOfficer(actor);
		return TargetScope.bind(jdbc.sql("select t.*, " + TargetScope.DEPARTMENT + " from targets.return_report t where "
				+ TargetScope.VISIBLE + """
				and (cast(:status as text) is null or t.status = :status)
				order by t.as_of desc, t.indicator, t.region_path nulls last, department limit 500
				"""), actor).param("status", status).query(ReturnReport.class).list();
	}

	/**
	 * The return locked for a decision: a second officer deciding at once waits here and finds it decided; one acting
	 * from a page older than the return (resubmitted since) is refused, never deciding a figure they did not see.
	 */
	private ReturnReport decidable(Actor actor, long id, String action, Integer seen) {
		TargetScope.requireOfficer(actor);
		var r = jdbc.sql("select t.*, " + TargetScope.DEPARTMENT + " from targets.return_report t where t.id = :id for update of t").param("id", id)
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
		if (seen != null && seen != r.version()) {
			audit.record(actor, action, String.valueOf(id), AuditOutcome.FAILURE, "changed since version " + seen);
			throw new ConflictException("targets.return.changed");
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

	private void decide(Actor actor, ReturnReport r, String status, String comment) {
		int decided = jdbc.sql("""
				update targets.return_report set status = :status, comment = :comment, decided_by = :user,
				    decided_at = now(), version = version + 1
				where id = :id and version = :seen
				""").param("status", status).param("comment", comment).param("user", actor.username())
				.param("id", r.id()).param("seen", r.version()).update();
		if (decided == 0) {
			throw new ConflictException("targets.return.changed");
		}
	}

	private ReturnReport byId(long id) {
		return jdbc.sql("select t.*, " + TargetScope.DEPARTMENT + " from targets.return_report t where t.id = :id").param("id", id)
				.query(ReturnReport.class).single();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private void deny(Actor actor, String action, String target) {
		throw actor.refuse(action, target, null);
	}
}
