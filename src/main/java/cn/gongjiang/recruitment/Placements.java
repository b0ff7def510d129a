package cn.gongjiang.recruitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.enrolment.Graduates;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.training.ClassHires;
import cn.gongjiang.training.OrderTrainees;

/**
 * Hires and the placements they record (REC-3): the person, the enterprise, the posting, the start and the contract,
 * and where the hire came from — the event where they applied, the order-based class of this enterprise's order
 * that trained them, or the posting itself. A vocational-school graduate (by the enrolment records, or declared with
 * evidence) counts for 引进职业院校毕业生. The placement enters the person's lifelong archive; the person is no longer
 * proposed to anyone.
 */
@Service
public class Placements implements ClassHires {

	private static final String SELECT = """
			select p.*, s.name as person_name, s.id_number_masked, j.title
			from recruitment.placement p join recruitment.seeker s on s.person_id = p.person_id
			join recruitment.job j on j.id = p.job_id
			""";

	private final JdbcClient jdbc;
	private final JobPostings postings;
	private final Jobs jobs;
	private final Applications applications;
	private final Seekers seekers;
	private final OrderTrainees trainees;
	private final Graduates graduates;
	private final PersonRegistry persons;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	Placements(JdbcClient jdbc, JobPostings postings, Jobs jobs, Applications applications, Seekers seekers,
			OrderTrainees trainees, Graduates graduates, PersonRegistry persons, ApplicationEventPublisher events,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.postings = postings;
		this.jobs = jobs;
		this.applications = applications;
		this.seekers = seekers;
		this.trainees = trainees;
		this.graduates = graduates;
		this.persons = persons;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** What the enterprise (or the officer for it) records with the hire. */
	public record Hire(LocalDate startsOn, Integer contractMonths, String graduateEvidence) {
	}

	/**
	 * Hires the person of an application: refused when the posting no longer takes hires
	 * ({@code recruitment.job.closed}) or the person was placed meanwhile ({@code recruitment.already-placed}).
	 */
	@Transactional
	public Placement hire(Actor actor, long applicationId, int version, Hire hire) {
		var application = applications.find(applicationId)
				.orElseThrow(() -> new NotFoundException("recruitment.application.not-found"));
		var job = postings.mine(actor, application.jobId());
		if (!job.open()) {
			throw new ConflictException("recruitment.job.closed", job.id());
		}
		if (application.status().settled() || application.status() == Application.Status.INVITED) {
			throw new ConflictException("recruitment.application.step", application.status().name(), "HIRED");
		}
		if (hire.startsOn() == null || hire.startsOn().isBefore(LocalDate.now(clock).minusMonths(3))) {
			throw new InvalidValueException("recruitment.placement.starts");
		}
		if (hire.contractMonths() == null || hire.contractMonths() < 1 || hire.contractMonths() > 600) {
			throw new InvalidValueException("recruitment.placement.contract");
		}
		if (!seekers.place(application.personId())) {
			throw new ConflictException("recruitment.already-placed");
		}
		if (jdbc.sql("update recruitment.application set status = 'HIRED', updated_at = now(), version = version + 1 "
				+ "where id = :id and version = :version").param("id", applicationId).param("version", version)
				.update() == 0) {
			throw new ConflictException("recruitment.application.changed", applicationId);
		}
		var index = IdNumberIndex.of(jdbc.sql("select person_index from recruitment.seeker where person_id = :id")
				.param("id", application.personId()).query(byte[].class).single());
		var classId = trainees.classCompleted(index, job.enterpriseCode()).orElse(null);
		var origin = application.eventId() != null ? "EVENT" : classId != null ? "ORDER_CLASS" : "POSTING";
		var evidence = hire.graduateEvidence() == null || hire.graduateEvidence().isBlank() ? null
				: hire.graduateEvidence().strip();
		var onRecord = graduates.onRecord(index);
		var graduate = onRecord || evidence != null;
		var seeker = seekers.find(application.personId()).orElseThrow();
		var grade = seeker.skills().get(job.occupationCode());
		var enterprisePath = jobs.enterprisePath(job.id());
		var id = jdbc.sql("""
				insert into recruitment.placement (person_id, person_index, enterprise_code, enterprise_name,
				    enterprise_path, job_id, application_id, starts_on, contract_months, origin, event_id, class_id,
				    occupation_code, grade_rank, graduate, graduate_basis, graduate_evidence, recorded_by)
				values (:person, :index, :enterprise, :enterpriseName, :path, :job, :application, :starts, :months,
				    :origin, :event, :class, :occupation, :grade, :graduate, :basis, :evidence, :by)
				returning id
				""").param("person", application.personId()).param("index", index)
				.param("enterprise", job.enterpriseCode()).param("enterpriseName", job.enterpriseName())
				.param("path", enterprisePath).param("job", job.id()).param("application", applicationId)
				.param("starts", hire.startsOn()).param("months", hire.contractMonths()).param("origin", origin)
				.param("event", application.eventId()).param("class", classId)
				.param("occupation", job.occupationCode()).param("grade", grade).param("graduate", graduate)
				.param("basis", onRecord ? "ENROLMENT" : evidence != null ? "EVIDENCE" : null)
				.param("evidence", evidence).param("by", actor.username()).query(Long.class).single();
		jobs.hired(job.id());
		persons.recordEmployment(PersonId.of(application.personId()), CreditCode.parse(job.enterpriseCode()));
		audit.record(actor, "recruitment.hire", "placement:" + id, AuditOutcome.SUCCESS, seeker.idNumberMasked());
		// REG-4: the lifelong archive records the hire from this event
		events.publishEvent(new PlacementRecorded(id, index, enterprisePath,
				hire.startsOn(), graduate, classId, PersonId.of(application.personId()), LocalDate.now(clock), job.enterpriseCode(),
				job.title(), job.occupationCode(), hire.contractMonths(), origin));
		return find(id);
	}

	/** The placements a reader may see: an enterprise its own, a worker theirs, an officer their region's. */
	@Transactional(readOnly = true)
	public Page<Placement> list(Actor actor, PageRequest request) {
		var where = new StringBuilder();
		var parameters = new HashMap<String, Object>();
		if (actor.role() == Role.ENTERPRISE) {
			where.append("p.enterprise_code = :enterprise");
			parameters.put("enterprise", actor.scope().value());
		}
		else if (actor.role() == Role.WORKER) {
			where.append("p.person_index = :index");
			parameters.put("index", actor.scope().personIndex().bytes());
		}
		else if (actor.regionalOfficer()) {
			where.append("p.enterprise_path like :scope || '%'");
			parameters.put("scope", actor.scope().regionPath());
		}
		else {
			return Page.of(List.of(), 0, request);
		}
		var total = jdbc.sql("select count(*) from recruitment.placement p where " + where).params(parameters)
				.query(Long.class).single();
		var rows = jdbc.sql(SELECT + " where " + where + " order by p.recorded_at desc, p.id desc limit :limit offset :offset")
				.params(parameters).param("limit", request.size()).param("offset", request.offset())
				.query((rs, i) -> map(rs)).list();
		return Page.of(rows, total, request);
	}

	/** How many of each class's trainees an enterprise hired: the last step of an order's outcome (就业). */
	@Override
	@Transactional(readOnly = true)
	public Map<Long, Integer> hired(List<Long> classIds) {
		var hired = new HashMap<Long, Integer>();
		if (classIds.isEmpty()) {
			return hired;
		}
		jdbc.sql("select class_id, count(*) from recruitment.placement where class_id = any(:ids) group by class_id")
				.param("ids", classIds.toArray(Long[]::new))
				.query((rs, i) -> hired.put(rs.getLong(1), rs.getInt(2))).list();
		return hired;
	}

	/** A hire as evidence for a subsidy that pays per hire: the placement and the keyed index of the person. */
	public record HireEvidence(Placement placement, IdNumberIndex personIndex) {
	}

	/** The enterprise's hires that started between two days, newest first, as evidence (004 第8条). */
	@Transactional(readOnly = true)
	public List<HireEvidence> evidence(String enterpriseCode, LocalDate from, LocalDate to, int limit) {
		return jdbc.sql(SELECT + """
				 where p.enterprise_code = :enterprise and p.starts_on between :from and :to
				order by p.starts_on desc, p.id desc limit :limit""").param("enterprise", enterpriseCode)
				.param("from", from).param("to", to).param("limit", limit)
				.query((rs, i) -> new HireEvidence(map(rs), IdNumberIndex.of(rs.getBytes("person_index")))).list();
	}

	/** One of the enterprise's own placements, as evidence; another enterprise's is not found. */
	@Transactional(readOnly = true)
	public Optional<HireEvidence> evidence(String enterpriseCode, long placementId) {
		return jdbc.sql(SELECT + " where p.id = :id and p.enterprise_code = :enterprise").param("id", placementId)
				.param("enterprise", enterpriseCode)
				.query((rs, i) -> new HireEvidence(map(rs), IdNumberIndex.of(rs.getBytes("person_index")))).optional();
	}

	Placement find(long id) {
		return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query((rs, i) -> map(rs)).single();
	}

	static Placement map(ResultSet rs) throws SQLException {
		return new Placement(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getString("id_number_masked"), rs.getString("enterprise_code"), rs.getString("enterprise_name"),
				rs.getLong("job_id"), rs.getString("title"), rs.getString("occupation_code"),
				(Integer) rs.getObject("grade_rank"), rs.getObject("starts_on", LocalDate.class),
				rs.getInt("contract_months"), rs.getString("origin"), (Long) rs.getObject("event_id"),
				(Long) rs.getObject("class_id"), rs.getBoolean("graduate"), rs.getString("graduate_basis"));
	}
}
