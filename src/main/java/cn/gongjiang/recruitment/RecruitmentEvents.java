package cn.gongjiang.recruitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Recruitment events (REC-1): a bureau (any officer of a region) or a school plans one, adds the postings taking
 * part and registers participants — enterprises, schools, job seekers by real name — then holds it (which counts it
 * for 订单式现场招聘活动 or 技能人才云聘会 in the organiser's region) or cancels it.
 */
@Service
public class RecruitmentEvents {

	private static final String SELECT = """
			select e.*,
			  (select count(*) from recruitment.event_job x where x.event_id = e.id) as jobs,
			  (select count(*) from recruitment.event_participant p where p.event_id = e.id and p.kind = 'ENTERPRISE') as enterprises,
			  (select count(*) from recruitment.event_participant p where p.event_id = e.id and p.kind = 'SCHOOL') as schools,
			  (select count(*) from recruitment.event_participant p where p.event_id = e.id and p.kind = 'SEEKER') as seekers,
			  (select count(*) from recruitment.application a where a.event_id = e.id) as applications,
			  (select count(*) from recruitment.placement p where p.event_id = e.id) as hires
			from recruitment.event e
			""";

	private final JdbcClient jdbc;
	private final JobPostings postings;
	private final Seekers seekers;
	private final OrganisationRegistry organisations;
	private final RegionDirectory regions;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;

	RecruitmentEvents(JdbcClient jdbc, JobPostings postings, Seekers seekers, OrganisationRegistry organisations,
			RegionDirectory regions, ApplicationEventPublisher events, AuditLog audit) {
		this.jdbc = jdbc;
		this.postings = postings;
		this.seekers = seekers;
		this.organisations = organisations;
		this.regions = regions;
		this.events = events;
		this.audit = audit;
	}

	@Transactional
	public RecruitmentEvent plan(Actor actor, RecruitmentEvent.Plan plan) {
		String kind;
		String code;
		String name;
		String path;
		if (actor.regionalOfficer()) {
			kind = "BUREAU";
			code = actor.scope().value();
			name = actor.displayName();
			path = actor.scope().regionPath();
		}
		else if (actor.role() == Role.TECHNICAL_SCHOOL) {
			var school = organisations.provider(actor.scope().value())
					.orElseThrow(() -> new NotFoundException("provider.not-found"));
			kind = "SCHOOL";
			code = school.creditCode();
			name = school.name();
			path = regions.pathOf(RegionCode.of(school.region())).orElseThrow();
		}
		else {
			throw new AccessDeniedException("bureaus and schools organise recruitment events");
		}
		var title = plan.title() == null ? "" : plan.title().strip();
		if (title.isEmpty() || title.length() > 100) {
			throw new InvalidValueException("recruitment.event.title.required");
		}
		if (plan.format() == null) {
			throw new InvalidValueException("recruitment.event.format.required");
		}
		if (plan.heldOn() == null) {
			throw new InvalidValueException("recruitment.event.date.required");
		}
		var onsite = plan.format() == RecruitmentEvent.Format.ONSITE;
		if (onsite && (plan.place() == null || plan.place().isBlank())) {
			throw new InvalidValueException("recruitment.event.place.required");
		}
		if (!onsite && (plan.streamUrl() == null || !plan.streamUrl().strip().matches("https://\\S+"))) {
			throw new InvalidValueException("recruitment.event.stream.invalid");
		}
		var id = jdbc.sql("""
				insert into recruitment.event (title, format, venue_kind, place, stream_url, organiser_kind,
				    organiser_code, organiser_name, organiser_path, held_on, created_by)
				values (:title, :format, :venue, :place, :stream, :kind, :code, :name, :path, :on, :by) returning id
				""").param("title", title).param("format", plan.format().name())
				.param("venue", onsite ? (plan.venueKind() == null ? "VENUE" : plan.venueKind()) : null)
				.param("place", onsite ? plan.place().strip() : null)
				.param("stream", onsite ? null : plan.streamUrl().strip()).param("kind", kind).param("code", code)
				.param("name", name).param("path", path).param("on", plan.heldOn()).param("by", actor.username())
				.query(Long.class).single();
		audit.record(actor, "recruitment.event.plan", "event:" + id, AuditOutcome.SUCCESS, plan.format().name());
		return find(id);
	}

	/** A posting takes part in the event; the organiser adds it, its enterprise is a participant from then on. */
	@Transactional
	public RecruitmentEvent addJob(Actor actor, long eventId, long jobId) {
		var event = managed(actor, eventId);
		var job = postings.find(actor, jobId);
		if (!job.open()) {
			throw new ConflictException("recruitment.job.closed", jobId);
		}
		jdbc.sql("insert into recruitment.event_job (event_id, job_id) values (:e, :j) on conflict do nothing")
				.param("e", event.id()).param("j", jobId).update();
		participant(eventId, "ENTERPRISE", job.enterpriseCode(), job.enterpriseName());
		return find(eventId);
	}

	/** An enterprise or a school takes part (by credit code). */
	@Transactional
	public RecruitmentEvent addOrganisation(Actor actor, long eventId, String creditCode) {
		managed(actor, eventId);
		var enterprise = organisations.enterprise(creditCode);
		if (enterprise.isPresent()) {
			participant(eventId, "ENTERPRISE", creditCode, enterprise.get().name());
		}
		else {
			var school = organisations.provider(creditCode)
					.orElseThrow(() -> new NotFoundException("recruitment.event.participant.unknown", creditCode));
			participant(eventId, "SCHOOL", creditCode, school.name());
		}
		return find(eventId);
	}

	/**
	 * A job seeker registers at the event by real name (the organiser records it; a school registers its own
	 * graduating students), and is a job seeker of the platform from then on.
	 */
	@Transactional
	public Seeker registerSeeker(Actor actor, long eventId, String idNumber, String name) {
		var event = putsForward(actor, eventId) ? find(eventId) : managed(actor, eventId);
		var seeker = actor.role() == Role.TECHNICAL_SCHOOL
				? seekers.putForwardGraduate(actor, idNumber, name, null)
				: seekers.register(actor, idNumber, name, Seeker.Basis.REGISTERED, null, null);
		participant(event.id(), "SEEKER", String.valueOf(seeker.personId()), seeker.name());
		return seeker;
	}

	/** The event took place: it counts for its indicator in the organiser's region from now on. */
	@Transactional
	public RecruitmentEvent hold(Actor actor, long eventId, int version) {
		var event = move(actor, eventId, version, RecruitmentEvent.Status.HELD);
		events.publishEvent(new RecruitmentEventHeld(eventId, event.format().online(),
				jdbc.sql("select organiser_path from recruitment.event where id = :id").param("id", eventId)
						.query(String.class).single(), event.heldOn()));
		return event;
	}

	@Transactional
	public RecruitmentEvent cancel(Actor actor, long eventId, int version) {
		return move(actor, eventId, version, RecruitmentEvent.Status.CANCELLED);
	}

	/** Events an officer's region organised, or a school's own; enterprises and workers see the planned ones. */
	@Transactional(readOnly = true)
	public Page<RecruitmentEvent> list(Actor actor, String status, PageRequest request) {
		var where = new StringBuilder("true");
		var parameters = new HashMap<String, Object>();
		if (actor.regionalOfficer()) {
			where.append(" and e.organiser_path like :scope || '%'");
			parameters.put("scope", actor.scope().regionPath());
		}
		else if (actor.role() == Role.TECHNICAL_SCHOOL) {
			where.append(" and (e.organiser_code = :school or exists (select 1 from recruitment.event_participant p "
					+ "where p.event_id = e.id and p.participant = :school))");
			parameters.put("school", actor.scope().value());
		}
		else {
			where.append(" and e.status = 'PLANNED'");
		}
		if (status != null && !status.isBlank()) {
			where.append(" and e.status = :status");
			parameters.put("status", status.strip());
		}
		var total = jdbc.sql("select count(*) from recruitment.event e where " + where).params(parameters)
				.query(Long.class).single();
		var rows = jdbc.sql(SELECT + " where " + where + " order by e.held_on desc, e.id desc limit :limit offset :offset")
				.params(parameters).param("limit", request.size()).param("offset", request.offset())
				.query((rs, i) -> map(rs)).list();
		return Page.of(rows, total, request);
	}

	@Transactional(readOnly = true)
	public RecruitmentEvent.Details details(Actor actor, long eventId) {
		var event = visible(actor, eventId);
		var jobs = jdbc.sql("select j.* from recruitment.job j join recruitment.event_job x on x.job_id = j.id "
				+ "where x.event_id = :id order by j.id").param("id", eventId).query(Jobs::map).list();
		var participants = jdbc.sql("select kind, participant, name from recruitment.event_participant "
				+ "where event_id = :id order by kind, registered_at").param("id", eventId)
				.query((rs, i) -> new RecruitmentEvent.Participant(rs.getString(1), rs.getString(2), rs.getString(3)))
				.list();
		return new RecruitmentEvent.Details(event, jobs, participants);
	}

	/** Whether the actor organises the event (and so may add to it, hold or cancel it). */
	@Transactional(readOnly = true)
	public boolean organises(Actor actor, long eventId) {
		try {
			managed(actor, eventId);
			return true;
		}
		catch (NotFoundException notTheirs) {
			return false;
		}
	}

	RecruitmentEvent find(long id) {
		return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query((rs, i) -> map(rs)).optional()
				.orElseThrow(() -> new NotFoundException("recruitment.event.not-found", id));
	}

	/**
	 * A school taking part in an event it does not organise puts its graduating students forward there while the
	 * event is planned (the organiser registers everyone else).
	 */
	@Transactional(readOnly = true)
	public boolean putsForward(Actor actor, long eventId) {
		if (actor.role() != Role.TECHNICAL_SCHOOL) {
			return false;
		}
		return jdbc.sql("""
				select exists (select 1 from recruitment.event e join recruitment.event_participant p on p.event_id = e.id
				    where e.id = :id and e.status = 'PLANNED' and p.kind = 'SCHOOL' and p.participant = :school)""")
				.param("id", eventId).param("school", actor.scope().value()).query(Boolean.class).single();
	}

	/** An event the actor organises: an officer of the organiser's region, or the organising school. */
	RecruitmentEvent managed(Actor actor, long eventId) {
		var event = find(eventId);
		var path = jdbc.sql("select organiser_path from recruitment.event where id = :id").param("id", eventId)
				.query(String.class).single();
		var mayManage = actor.officerCovering(path)
				|| (actor.role() == Role.TECHNICAL_SCHOOL && event.organiserCode().equals(actor.scope().value()));
		if (!mayManage) {
			throw new NotFoundException("recruitment.event.not-found", eventId);
		}
		return event;
	}

	private RecruitmentEvent visible(Actor actor, long eventId) {
		var event = find(eventId);
		if (event.status() == RecruitmentEvent.Status.PLANNED && !actor.role().officer()) {
			return event;
		}
		try {
			return managed(actor, eventId);
		}
		catch (NotFoundException notOrganiser) {
			var participates = jdbc.sql("select exists (select 1 from recruitment.event_participant where event_id = :id "
					+ "and participant = :code)").param("id", eventId).param("code", actor.scope().value() == null ? "" : actor.scope().value())
					.query(Boolean.class).single();
			if (participates) {
				return event;
			}
			throw notOrganiser;
		}
	}

	private RecruitmentEvent move(Actor actor, long eventId, int version, RecruitmentEvent.Status to) {
		var event = managed(actor, eventId);
		if (event.status() != RecruitmentEvent.Status.PLANNED) {
			throw new ConflictException("recruitment.event.wrong-status", event.status().name());
		}
		if (jdbc.sql("update recruitment.event set status = :to, version = version + 1 where id = :id and version = :version "
				+ "and status = 'PLANNED'").param("to", to.name()).param("id", eventId).param("version", version).update() == 0) {
			throw new ConflictException("recruitment.event.changed", eventId);
		}
		audit.record(actor, "recruitment.event." + to.name().toLowerCase(), "event:" + eventId, AuditOutcome.SUCCESS, null);
		return find(eventId);
	}

	private void participant(long eventId, String kind, String code, String name) {
		jdbc.sql("insert into recruitment.event_participant (event_id, kind, participant, name) values (:e, :k, :p, :n) "
				+ "on conflict do nothing").param("e", eventId).param("k", kind).param("p", code).param("n", name).update();
	}

	static RecruitmentEvent map(ResultSet rs) throws SQLException {
		return new RecruitmentEvent(rs.getLong("id"), rs.getString("title"),
				RecruitmentEvent.Format.valueOf(rs.getString("format")), rs.getString("venue_kind"), rs.getString("place"),
				rs.getString("stream_url"), rs.getString("organiser_kind"), rs.getString("organiser_code"),
				rs.getString("organiser_name"), rs.getObject("held_on", LocalDate.class),
				RecruitmentEvent.Status.valueOf(rs.getString("status")), rs.getInt("jobs"), rs.getInt("enterprises"),
				rs.getInt("schools"), rs.getInt("seekers"), rs.getInt("applications"), rs.getInt("hires"),
				rs.getInt("version"));
	}
}
