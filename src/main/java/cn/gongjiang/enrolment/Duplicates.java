package cn.gongjiang.enrolment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.imports.ImportCompleted;
import cn.gongjiang.privacy.Masking;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;

/**
 * Existing dual registrations (ENR-3): after every roster import and on demand, one set-based pass finds each student
 * registered at two technical schools at once or at one and on an education-department roster. Each case is resolved
 * by withdrawing one registration, or dismissed with a reason; finding again never reopens or repeats a case.
 */
@Service
public class Duplicates {

	/** How an officer resolves a case: withdraw this registration, or dismiss with the reason. */
	public record Resolution(Long withdrawRegistrationId, String reason) {
	}

	private final JdbcClient jdbc;
	private final Registrations registrations;
	private final Schools schools;
	private final AuditLog audit;

	Duplicates(JdbcClient jdbc, Registrations registrations, Schools schools, AuditLog audit) {
		this.jdbc = jdbc;
		this.registrations = registrations;
		this.schools = schools;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void afterRosterImport(ImportCompleted completed) {
		if (RosterImport.KIND.equals(completed.kind()) || RegistrationImport.KIND.equals(completed.kind())) {
			findAll();
		}
	}

	/** Officers start the batch on demand; returns the cases it newly found. */
	@Transactional
	public int find(Actor actor) {
		actor.requireRegionalOfficer();
		var found = findAll();
		audit.record(actor, "enrolment.duplicates.find", null, AuditOutcome.SUCCESS, found + " new");
		return found;
	}

	@Transactional
	public int findAll() {
		int twoSchools = jdbc.sql("""
				insert into enrolment.duplicate_case (person_index, registration_id, other_kind, other_key)
				select a.person_index, a.id, 'REGISTRATION', cast(b.id as text)
				from enrolment.registration a
				join enrolment.registration b on b.person_index = a.person_index and b.id > a.id
				     and b.school_code <> a.school_code and b.status = 'REGISTERED'
				where a.status = 'REGISTERED'
				on conflict do nothing
				""").update();
		int rosters = jdbc.sql("""
				insert into enrolment.duplicate_case (person_index, registration_id, other_kind, other_key)
				select r.person_index, r.id, 'ROSTER', e.school_name
				from enrolment.registration r
				join enrolment.roster_entry e on e.person_index = r.person_index and e.status = 'ENROLLED'
				where r.status = 'REGISTERED'
				on conflict do nothing
				""").update();
		return twoSchools + rosters;
	}

	/** Cases touching a registration in the actor's region (the province: all), open ones first. */
	@Transactional(readOnly = true)
	public List<DuplicateCase> list(Actor actor, String status) {
		actor.requireRegionalOfficer();
		return jdbc.sql(SELECT + """
				where (r.school_path like :path || '%' or o.school_path like :path || '%')
				  and (cast(:status as text) is null or c.status = :status)
				order by c.status desc, c.id limit 1000
				""").param("path", actor.scope().regionPath()).param("status", status).query(this::map).list();
	}

	/** A page of the cases in the actor's region, open ones first, with the total. */
	@Transactional(readOnly = true)
	public Page<DuplicateCase> page(Actor actor, String status, PageRequest request) {
		actor.requireRegionalOfficer();
		var total = jdbc.sql("""
				select count(*) from enrolment.duplicate_case c
				join enrolment.registration r on r.id = c.registration_id
				left join enrolment.registration o
				     on o.id = case when c.other_kind = 'REGISTRATION' then cast(c.other_key as bigint) end
				where (r.school_path like :path || '%' or o.school_path like :path || '%')
				  and (cast(:status as text) is null or c.status = :status)
				""").param("path", actor.scope().regionPath()).param("status", status).query(Long.class).single();
		var rows = jdbc.sql(SELECT + """
				where (r.school_path like :path || '%' or o.school_path like :path || '%')
				  and (cast(:status as text) is null or c.status = :status)
				order by c.status desc, c.id limit :size offset :offset
				""").param("path", actor.scope().regionPath()).param("status", status)
				.param("size", request.size()).param("offset", request.offset()).query(this::map).list();
		return Page.of(rows, total, request);
	}

	/** Open cases in the actor's region, for their to-do list. */
	@Transactional(readOnly = true)
	public long open(Actor actor) {
		if (!actor.regionalOfficer()) {
			return 0;
		}
		return page(actor, "OPEN", PageRequest.first(1)).total();
	}

	@Transactional
	public DuplicateCase resolve(Actor actor, long id, Resolution resolution) {
		var c = list(actor, null).stream().filter(d -> d.id() == id).findFirst()
				.orElseThrow(() -> new NotFoundException("enrolment.duplicate.not-found"));
		if (!c.status().equals("OPEN")) {
			throw new ConflictException("enrolment.duplicate.resolved");
		}
		if (resolution.reason() == null || resolution.reason().isBlank()) {
			throw new InvalidValueException("enrolment.duplicate.reason-required");
		}
		if (resolution.withdrawRegistrationId() == null) {
			close(id, "DISMISSED", null, resolution.reason(), actor);
			audit.record(actor, "enrolment.duplicate.dismiss", "duplicate:" + id, AuditOutcome.SUCCESS, resolution.reason());
			return byId(actor, id);
		}
		var withdrawn = resolution.withdrawRegistrationId();
		if (!withdrawn.equals(c.registration().registrationId())
				&& !withdrawn.equals(c.other().registrationId())) {
			throw new InvalidValueException("enrolment.duplicate.not-a-side", withdrawn);
		}
		var registration = registrations.find(actor, withdrawn);
		if (!Schools.mayActFor(actor, schools.require(registration.schoolCode()))) {
			throw actor.refuse("enrolment.duplicate.withdraw", "duplicate:" + id, null);
		}
		registrations.changeStatus(registration, "WITHDRAWN", "双重学籍清理：" + resolution.reason().strip(),
				"duplicate:" + id + ":" + actor.username());
		close(id, "WITHDRAWN", withdrawn, resolution.reason(), actor);
		// every other open case of the withdrawn registration is settled by the same decision
		jdbc.sql("""
				update enrolment.duplicate_case set status = 'RESOLVED', resolution = 'WITHDRAWN', withdrawn_id = :w,
				    reason = :reason, resolved_by = :user, resolved_at = now()
				where status = 'OPEN' and (registration_id = :w or (other_kind = 'REGISTRATION' and other_key = cast(:w as text)))
				""").param("w", withdrawn).param("reason", resolution.reason().strip()).param("user", actor.username())
				.update();
		audit.record(actor, "enrolment.duplicate.withdraw", "duplicate:" + id, AuditOutcome.SUCCESS,
				"registration:" + withdrawn);
		return byId(actor, id);
	}

	private DuplicateCase byId(Actor actor, long id) {
		return list(actor, null).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
	}

	private void close(long id, String resolution, Long withdrawn, String reason, Actor actor) {
		jdbc.sql("""
				update enrolment.duplicate_case set status = 'RESOLVED', resolution = :resolution, withdrawn_id = :w,
				    reason = :reason, resolved_by = :user, resolved_at = now()
				where id = :id and status = 'OPEN'
				""").param("resolution", resolution).param("w", withdrawn).param("reason", reason.strip())
				.param("user", actor.username()).param("id", id).update();
	}

	private static final String SELECT = """
			select c.*, r.id as r_id, r.school_code as r_school, r.name as r_name, r.id_number_masked as r_masked,
			       r.status as r_status, o.id as o_id, o.school_code as o_school, o.status as o_status,
			       e.school_name as e_school, e.school_type as e_type, e.status as e_status
			from enrolment.duplicate_case c
			join enrolment.registration r on r.id = c.registration_id
			left join enrolment.registration o
			     on o.id = case when c.other_kind = 'REGISTRATION' then cast(c.other_key as bigint) end
			left join enrolment.roster_entry e on c.other_kind = 'ROSTER' and e.person_index = c.person_index
			     and e.school_name = c.other_key
			""";

	private DuplicateCase map(ResultSet rs, int row) throws SQLException {
		var name = Masking.name(rs.getString("r_name"));
		var masked = rs.getString("r_masked");
		var registration = new DuplicateCase.Side(rs.getLong("r_id"), schoolName(rs.getString("r_school")), name,
				masked, rs.getString("r_status"));
		var other = "REGISTRATION".equals(rs.getString("other_kind"))
				? new DuplicateCase.Side(rs.getLong("o_id"), schoolName(rs.getString("o_school")), name, masked,
						rs.getString("o_status"))
				: new DuplicateCase.Side(null, ("GENERAL_HIGH_SCHOOL".equals(rs.getString("e_type")) ? "普通高中 "
						: "中等职业学校 ") + rs.getString("e_school"), name, masked, rs.getString("e_status"));
		Timestamp resolved = rs.getTimestamp("resolved_at");
		var withdrawn = rs.getObject("withdrawn_id");
		return new DuplicateCase(rs.getLong("id"), rs.getString("other_kind"), registration, other,
				rs.getTimestamp("found_at").toInstant(), rs.getString("status"), rs.getString("resolution"),
				withdrawn == null ? null : ((Number) withdrawn).longValue(), rs.getString("reason"),
				rs.getString("resolved_by"), resolved == null ? null : resolved.toInstant());
	}

	private String schoolName(String code) {
		return code == null ? null : schools.find(code).map(School::name).orElse(code);
	}
}
