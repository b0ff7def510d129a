package cn.gongjiang.training;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.Provider;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.OccupationCode;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Classes (TRN-2): a provider opens one from an order it took up or on its own, with its timetable. Editing a class
 * changes that class, checked against the version the editor saw; it never makes a new one.
 */
@Service
public class TrainingClasses {

	static final Set<String> KINDS = Set.of("PRE_JOB", "ON_JOB", "OFF_JOB", "APPRENTICESHIP", "PROJECT", "NAMED_CLASS",
			"ONLINE");
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final OrganisationRegistry organisations;
	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;
	private final AuditLog audit;
	private final Clock clock;

	TrainingClasses(JdbcClient jdbc, OrganisationRegistry organisations, RegionDirectory regions,
			OccupationCatalogue occupations, AuditLog audit, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.regions = regions;
		this.occupations = occupations;
		this.audit = audit;
	}

	/** The acting provider, which must be active: a suspended or exited provider neither takes orders nor enrols. */
	Provider activeProvider(Actor actor) {
		if (actor.role() != Role.TRAINING_PROVIDER && actor.role() != Role.TECHNICAL_SCHOOL) {
			throw new AccessDeniedException("providers run classes");
		}
		var provider = organisations.provider(actor.scope().value())
				.orElseThrow(() -> new NotFoundException("training.provider.not-found", actor.scope().value()));
		if (!"ACTIVE".equals(provider.status())) {
			throw new BusinessException("training.provider-suspended", provider.name());
		}
		return provider;
	}

	@Transactional
	public TrainingClass open(Actor actor, Long orderId, TrainingClass.Plan plan) {
		var provider = activeProvider(actor);
		checkPlan(plan);
		var path = regions.pathOf(RegionCode.of(provider.region())).orElseThrow();
		var secret = new byte[20];
		RANDOM.nextBytes(secret);
		var id = jdbc.sql("""
				insert into training.training_class (order_id, provider_code, provider_name, provider_path,
				    occupation_code, grade, kind, capacity, teachers, completion_rate, code_secret)
				values (:order, :code, :name, :path, :occupation, :grade, :kind, :capacity, :teachers, :rate, :secret)
				returning id
				""").param("order", orderId).param("code", provider.creditCode()).param("name", provider.name())
				.param("path", path).param("occupation", plan.occupationCode()).param("grade", grade(plan.grade()))
				.param("kind", plan.kind()).param("capacity", plan.capacity())
				.param("teachers", teachers(plan)).param("rate", rate(plan)).param("secret", secret)
				.query(Long.class).single();
		insertSessions(id, plan.sessions());
		audit.record(actor, "training.class.open", "class:" + id, AuditOutcome.SUCCESS, null);
		return find(id);
	}

	/** The class, opened on its own, now serves an order; refused if it changed since the provider saw it. */
	void joinOrder(long classId, long orderId, int version) {
		int changed = jdbc.sql("""
				update training.training_class set order_id = :order, version = version + 1
				where id = :id and order_id is null and version = :version
				""").param("order", orderId).param("id", classId).param("version", version).update();
		if (changed == 0) {
			throw new ConflictException("training.class.changed-meanwhile");
		}
	}

	/** Changes the class the editor saw ({@code version}); sessions already attended stay as they were. */
	@Transactional
	public TrainingClass edit(Actor actor, long id, int version, TrainingClass.Plan plan) {
		var current = find(id);
		if (!current.providerCode().equals(actor.scope().value())) {
			throw new NotFoundException("training.class.not-found");
		}
		activeProvider(actor);
		checkPlan(plan);
		if (plan.capacity() < current.enrolled()) {
			throw new BusinessException("training.class.capacity-below-enrolled", current.enrolled());
		}
		int changed = jdbc.sql("""
				update training.training_class set occupation_code = :occupation, grade = :grade, kind = :kind,
				    capacity = :capacity, teachers = :teachers, completion_rate = :rate, version = version + 1
				where id = :id and version = :version
				""").param("occupation", plan.occupationCode()).param("grade", grade(plan.grade()))
				.param("kind", plan.kind()).param("capacity", plan.capacity()).param("teachers", teachers(plan))
				.param("rate", rate(plan)).param("id", id).param("version", version).update();
		if (changed == 0) {
			throw new ConflictException("training.class.changed-meanwhile");
		}
		jdbc.sql("""
				delete from training.class_session s where s.class_id = :id
				  and not exists (select 1 from training.attendance a where a.session_id = s.id)
				""").param("id", id).update();
		var kept = find(id).sessions();
		insertSessions(id, plan.sessions().stream()
				.filter(p -> kept.stream().noneMatch(k -> k.startsAt().equals(p.startsAt()))).toList());
		audit.record(actor, "training.class.edit", "class:" + id, AuditOutcome.SUCCESS, null);
		return find(id);
	}

	@Transactional(readOnly = true)
	public TrainingClass find(long id) {
		var sessions = jdbc.sql("select id, starts_at, ends_at, place from training.class_session where class_id = :id order by starts_at")
				.param("id", id).query((rs, i) -> new TrainingClass.Session(rs.getLong(1),
						rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), rs.getString(4)))
				.list();
		return jdbc.sql("""
				select c.*, (select count(*) from training.enrolment e where e.class_id = c.id and e.status <> 'WITHDRAWN')
				    as enrolled
				from training.training_class c where c.id = :id
				""").param("id", id).query((rs, i) -> new TrainingClass(rs.getLong("id"),
				(Long) rs.getObject("order_id"), rs.getString("provider_code"), rs.getString("provider_name"),
				rs.getString("occupation_code"), rs.getString("grade"), rs.getString("kind"), rs.getInt("capacity"),
				Arrays.asList((String[]) rs.getArray("teachers").getArray()), rs.getBigDecimal("completion_rate"),
				rs.getString("status"), rs.getInt("version"), sessions, rs.getInt("enrolled")))
				.optional().orElseThrow(() -> new NotFoundException("training.class.not-found"));
	}

	/** Classes the actor sees: a provider its own, officers those of providers in their region. */
	@Transactional(readOnly = true)
	public List<TrainingClass> list(Actor actor) {
		return TrainingScope.bind(jdbc.sql("select c.id from training.training_class c where "
				+ TrainingScope.visible("c.provider_path", "c.provider_code") + " order by c.id desc limit 500"), actor)
				.query(Long.class).list().stream().map(this::find).toList();
	}

	public static final Map<String, String> SORTS = Map.of("id", "c.id", "start", "s.first_start",
			"occupation", "c.occupation_code");
	/** Class statuses a list filters by: ENDED is an open class whose last session is over (to complete). */
	public static final List<String> STATUSES = List.of("OPEN", "ENDED", "FINISHED");

	/**
	 * A page of the classes the actor sees (a provider its own, officers those of providers in their region),
	 * filtered by status, occupation, grade and region; newest first.
	 */
	@Transactional(readOnly = true)
	public Page<TrainingClass.Summary> page(Actor actor, TrainingFilter filter, PageRequest request) {
		var where = " where " + TrainingScope.visible("c.provider_path", "c.provider_code") + """
				  and (cast(:status as text) is null or (:status = 'ENDED' and c.status = 'OPEN' and s.last_end < :now)
				       or (:status <> 'ENDED' and c.status = :status))
				  and (cast(:occupation as text) is null or c.occupation_code = :occupation)
				  and (cast(:grade as text) is null or c.grade = :grade)
				  and (cast(:path as text) is null or c.provider_path like :path || '%')
				""";
		var path = TrainingScope.filterPath(regions, filter.region());
		var now = Timestamp.from(clock.instant());
		var items = TrainingScope.bind(jdbc.sql(SUMMARY + where + " order by " + request.orderBy(SORTS, "c.id")
				+ " limit :limit offset :offset"), actor).param("status", filter.status()).param("path", path)
				.param("now", now)
				.param("occupation", filter.occupation()).param("grade", filter.grade())
				.param("limit", request.size()).param("offset", request.offset()).query(TrainingClass.Summary.class)
				.list();
		var total = TrainingScope.bind(jdbc.sql("select count(*) from (" + SUMMARY + where + ") x"), actor)
				.param("status", filter.status()).param("path", path).param("occupation", filter.occupation())
				.param("grade", filter.grade()).param("now", now).query(Long.class).single();
		return Page.of(items, total, request);
	}

	/** One class as a list shows it; the caller has checked the reader may see it. */
	@Transactional(readOnly = true)
	public TrainingClass.Summary summary(long classId) {
		return jdbc.sql(SUMMARY + " where c.id = :id").param("id", classId).query(TrainingClass.Summary.class)
				.optional().orElseThrow(() -> new NotFoundException("training.class.not-found"));
	}

	/** The classes opened for an enterprise's orders, as the enterprise follows them. */
	@Transactional(readOnly = true)
	public List<TrainingClass.Summary> ofOrder(long orderId) {
		return jdbc.sql(SUMMARY + " where c.order_id = :order order by c.id").param("order", orderId)
				.query(TrainingClass.Summary.class).list();
	}

	private static final String SUMMARY = """
			select c.id, c.order_id, o.enterprise_name, c.provider_name, c.occupation_code, c.grade, c.kind, c.capacity,
			       (select count(*) from training.enrolment e where e.class_id = c.id and e.status <> 'WITHDRAWN') as enrolled,
			       c.status, s.sessions, s.first_start, s.last_end
			from training.training_class c
			left join training.training_order o on o.id = c.order_id
			cross join lateral (select count(*) as sessions, min(starts_at) as first_start, max(ends_at) as last_end
			                    from training.class_session where class_id = c.id) s
			""";

	/**
	 * How the actor may see a class: its provider runs it; officers covering the provider and the enterprise whose
	 * order it serves read it; a trainee enrolled in it sees their own part. Empty when none of these.
	 */
	@Transactional(readOnly = true)
	public Optional<Viewer> viewer(Actor actor, long classId) {
		var row = jdbc.sql("""
				select c.provider_code, c.provider_path, o.enterprise_code from training.training_class c
				left join training.training_order o on o.id = c.order_id where c.id = :id
				""").param("id", classId).query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
				.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		var c = row.get();
		var scope = actor.scope();
		if ((actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL) && c[0].equals(scope.value())) {
			return Optional.of(Viewer.PROVIDER);
		}
		if (actor.officerCovering(c[1])) {
			return Optional.of(Viewer.OFFICER);
		}
		if (actor.role() == Role.ENTERPRISE && scope.value().equals(c[2])) {
			return Optional.of(Viewer.ENTERPRISE);
		}
		if (actor.role() == Role.WORKER && jdbc.sql("""
				select exists (select 1 from training.enrolment where class_id = :id and person_index = :index)
				""").param("id", classId).param("index", scope.personIndex().bytes())
				.query(Boolean.class).single()) {
			return Optional.of(Viewer.TRAINEE);
		}
		return Optional.empty();
	}

	/** Who is looking at a class, which decides what of it they see and may do. */
	public enum Viewer {
		PROVIDER, OFFICER, ENTERPRISE, TRAINEE
	}

	private void checkPlan(TrainingClass.Plan plan) {
		occupations.find(OccupationCode.of(plan.occupationCode()));
		if (plan.kind() == null || !KINDS.contains(plan.kind())) {
			throw new InvalidValueException("training.class.kind", plan.kind());
		}
		if (plan.capacity() == null || plan.capacity() <= 0 || plan.capacity() > 1000) {
			throw new InvalidValueException("training.class.capacity", plan.capacity());
		}
		if (plan.sessions() == null || plan.sessions().isEmpty()) {
			throw new InvalidValueException("training.class.sessions-required");
		}
		for (var s : plan.sessions()) {
			if (s.startsAt() == null || s.endsAt() == null || !s.endsAt().isAfter(s.startsAt())) {
				throw new InvalidValueException("training.class.session-times");
			}
			if (s.place() == null || s.place().isBlank()) {
				throw new InvalidValueException("training.class.session-place");
			}
		}
		if (plan.completionRate() != null && (plan.completionRate().signum() <= 0
				|| plan.completionRate().compareTo(BigDecimal.ONE) > 0)) {
			throw new InvalidValueException("training.class.completion-rate", plan.completionRate());
		}
	}

	private void insertSessions(long classId, List<TrainingClass.SessionPlan> sessions) {
		for (var s : sessions) {
			jdbc.sql("insert into training.class_session (class_id, starts_at, ends_at, place) values (:c, :from, :to, :place)")
					.param("c", classId).param("from", Timestamp.from(s.startsAt()))
					.param("to", Timestamp.from(s.endsAt())).param("place", s.place().strip()).update();
		}
	}

	private static String grade(String grade) {
		return grade == null || grade.isBlank() ? null : SkillGrade.fromCode(grade).code();
	}

	private static String[] teachers(TrainingClass.Plan plan) {
		return plan.teachers() == null ? new String[0] : plan.teachers().stream().map(String::strip).toArray(String[]::new);
	}

	private static BigDecimal rate(TrainingClass.Plan plan) {
		return plan.completionRate() == null ? new BigDecimal("0.8") : plan.completionRate();
	}
}
