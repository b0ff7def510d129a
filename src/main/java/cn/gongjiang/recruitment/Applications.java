package cn.gongjiang.recruitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Applications (REC-1): a worker applies to an open posting (and so registers as a job seeker), an event's organiser
 * records an application made at the event by real name, an enterprise invites a candidate it was shown; then
 * interview, offer, and the hire ({@link Placements}). Each step names the version it was taken against.
 */
@Service
public class Applications {

	private static final String SELECT = """
			select a.*, j.title, j.enterprise_name, s.name as person_name, s.id_number_masked
			from recruitment.application a join recruitment.job j on j.id = a.job_id
			join recruitment.seeker s on s.person_id = a.person_id
			""";

	private final JdbcClient jdbc;
	private final JobPostings jobs;
	private final Seekers seekers;
	private final AuditLog audit;
	private final RecruitmentEvents events;
	private final Clock clock;
	private final ApplicationEventPublisher published;

	Applications(JdbcClient jdbc, JobPostings jobs, Seekers seekers, AuditLog audit, RecruitmentEvents events,
			Clock clock,
			ApplicationEventPublisher published) {
		this.published = published;
		this.clock = clock;
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.seekers = seekers;
		this.audit = audit;
		this.events = events;
	}

	/** A worker applies to an open posting; applying registers them as a job seeker if they were not one. */
	@Transactional
	public Application apply(Actor worker, Long jobId) {
		if (worker.role() != Role.WORKER) {
			audit.record(worker, "recruitment.application.applied", jobId == null ? null : "job:" + jobId,
					AuditOutcome.DENIED, null);
			throw new AccessDeniedException("workers apply for themselves; organisers record applications at events");
		}
		var job = openJob(worker, requireJob(jobId));
		var seeker = seekers.ofWorker(worker).filter(s -> s.status() == Seeker.Status.SEEKING)
				.orElseGet(() -> seekers.registerSelf(worker, Seeker.Basis.REGISTERED, null, null));
		return create(worker, job, seeker, null, Application.Origin.APPLIED, Application.Status.APPLIED);
	}

	/** At an event: the organiser records a registered participant's application to one of the event's postings. */
	@Transactional
	public Application applyAtEvent(Actor organiser, long eventId, Long jobId, Long personId) {
		if (!events.organises(organiser, eventId)) {
			audit.record(organiser, "recruitment.application.at_event", "event:" + eventId, AuditOutcome.DENIED, null);
			throw new NotFoundException("recruitment.event.not-found", eventId);
		}
		if (personId == null) {
			throw new InvalidValueException("recruitment.application.person-required");
		}
		var job = openJob(organiser, requireJob(jobId));
		var seeker = seekers.find(personId).orElseThrow(() -> new NotFoundException("recruitment.seeker.not-found"));
		return create(organiser, job, seeker, eventId, Application.Origin.AT_EVENT, Application.Status.APPLIED);
	}

	/** An enterprise invites a candidate it was shown to apply to its posting. */
	@Transactional
	public Application invite(Actor enterprise, long jobId, long personId) {
		var job = jobs.mine(enterprise, jobId);
		if (!job.open()) {
			throw new ConflictException("recruitment.job.closed", jobId);
		}
		var seeker = seekers.find(personId).filter(s -> s.status() == Seeker.Status.SEEKING)
				.orElseThrow(() -> new NotFoundException("recruitment.seeker.not-found"));
		return create(enterprise, job, seeker, null, Application.Origin.INVITED, Application.Status.INVITED);
	}

	/** The next step by the enterprise (interview, offer, reject) or by the person (accept, decline, withdraw). */
	@Transactional
	public Application move(Actor actor, long applicationId, int version, Application.Status next) {
		var application = find(applicationId).orElseThrow(() -> new NotFoundException("recruitment.application.not-found"));
		var byPerson = actor.role() == Role.WORKER;
		if (byPerson) {
			var own = seekers.ofWorker(actor).map(s -> s.personId() == application.personId()).orElse(false);
			if (!own) {
				throw new NotFoundException("recruitment.application.not-found");
			}
		}
		else {
			jobs.mine(actor, application.jobId());
		}
		if (next == null) {
			throw new InvalidValueException("recruitment.application.step-required");
		}
		if (byPerson) {
			if (!application.status().personMayMoveTo(next)) {
				throw new ConflictException("recruitment.application.step", application.status().name(), next.name());
			}
		}
		else {
			if (!application.status().enterpriseMayMoveTo(next)) {
				throw new ConflictException("recruitment.application.step", application.status().name(), next.name());
			}
		}
		if (jdbc.sql("""
				update recruitment.application set status = :next, updated_at = now(), version = version + 1
				where id = :id and version = :version
				""").param("next", next.name()).param("id", applicationId).param("version", version).update() == 0) {
			throw new ConflictException("recruitment.application.changed", applicationId);
		}
		audit.record(actor, "recruitment.application." + next.name().toLowerCase(), "application:" + applicationId,
				AuditOutcome.SUCCESS, null);
		return find(applicationId).orElseThrow();
	}

	/** The applications to a posting the actor manages. */
	@Transactional(readOnly = true)
	public List<Application> ofJob(Actor actor, long jobId) {
		jobs.mine(actor, jobId);
		return jdbc.sql(SELECT + " where a.job_id = :job order by a.updated_at desc").param("job", jobId)
				.query((rs, i) -> map(rs)).list();
	}

	/** A worker's own applications and invitations, newest first. */
	@Transactional(readOnly = true)
	public List<Application> mine(Actor worker) {
		if (worker.role() != Role.WORKER) {
			throw new AccessDeniedException("a worker's own applications");
		}
		return jdbc.sql(SELECT + " where a.person_index = :index order by a.updated_at desc")
				.param("index", worker.scope().personIndex().bytes()).query((rs, i) -> map(rs)).list();
	}

	Optional<Application> find(long id) {
		return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query((rs, i) -> map(rs)).optional();
	}

	/** Whether the person applied to or accepted an invitation of one of this enterprise's postings. */
	boolean engaged(String enterpriseCode, long personId) {
		return jdbc.sql("""
				select exists (select 1 from recruitment.application a join recruitment.job j on j.id = a.job_id
				where j.enterprise_code = :enterprise and a.person_id = :person and a.status <> 'INVITED'
				  and a.status <> 'DECLINED')
				""").param("enterprise", enterpriseCode).param("person", personId).query(Boolean.class).single();
	}

	private static long requireJob(Long jobId) {
		if (jobId == null) {
			throw new InvalidValueException("recruitment.application.job-required");
		}
		return jobId;
	}

	private JobPosting openJob(Actor actor, long jobId) {
		var job = jobs.find(actor, jobId);
		if (!job.open()) {
			throw new ConflictException("recruitment.job.closed", jobId);
		}
		return job;
	}

	private Application create(Actor actor, JobPosting job, Seeker seeker, Long eventId, Application.Origin origin,
			Application.Status status) {
		if (seeker.status() == Seeker.Status.PLACED) {
			throw new ConflictException("recruitment.already-placed");
		}
		var index = jdbc.sql("select person_index from recruitment.seeker where person_id = :id")
				.param("id", seeker.personId()).query(byte[].class).single();
		var id = jdbc.sql("""
				insert into recruitment.application (job_id, person_id, person_index, event_id, origin, status)
				values (:job, :person, :index, :event, :origin, :status)
				on conflict (job_id, person_id) do nothing returning id
				""").param("job", job.id()).param("person", seeker.personId()).param("index", index)
				.param("event", eventId).param("origin", origin.name()).param("status", status.name())
				.query(Long.class).optional();
		if (id.isEmpty()) {
			// the same application again (a replay, or the person applied after being invited): what stands is returned
			return jdbc.sql(SELECT + " where a.job_id = :job and a.person_id = :person").param("job", job.id())
					.param("person", seeker.personId()).query((rs, i) -> map(rs)).single();
		}
		audit.record(actor, "recruitment.application." + origin.name().toLowerCase(), "job:" + job.id(),
				AuditOutcome.SUCCESS, seeker.idNumberMasked());
		// REG-4: the application on the person's lifelong archive, as the placement that may follow will be
		published.publishEvent(new ApplicationMade(PersonId.of(seeker.personId()), LocalDate.now(clock),
				job.enterpriseCode(), job.title(), job.occupationCode(), origin.name()));
		return find(id.get()).orElseThrow();
	}

	static Application map(ResultSet rs) throws SQLException {
		return new Application(rs.getLong("id"), rs.getLong("job_id"), rs.getString("title"),
				rs.getString("enterprise_name"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getString("id_number_masked"), (Long) rs.getObject("event_id"),
				Application.Origin.valueOf(rs.getString("origin")), Application.Status.valueOf(rs.getString("status")),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
