package cn.gongjiang.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.registry.RealName;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Real-name enrolment (实名制, TRN-3): the trainee's ID number is checked and matched to the person registry (created
 * when new); a class takes no more than its capacity, and nobody sits two classes whose sessions overlap.
 */
@Service
public class ClassEnrolments {

	private final JdbcClient jdbc;
	private final TrainingClasses classes;
	private final Vouchers vouchers;
	private final PersonRegistry persons;
	private final PersonalDataCipher cipher;
	private final AuditLog audit;
	private final Clock clock;
	private final RefusalLog refusals;

	private final ApplicationEventPublisher events;

	ClassEnrolments(JdbcClient jdbc, TrainingClasses classes, Vouchers vouchers, PersonRegistry persons,
			PersonalDataCipher cipher, AuditLog audit, Clock clock, RefusalLog refusals,
			ApplicationEventPublisher events) {
		this.events = events;
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.classes = classes;
		this.vouchers = vouchers;
		this.persons = persons;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** The class must be the acting provider's own and open. */
	TrainingClass ownOpenClass(Actor actor, long classId) {
		var provider = classes.activeProvider(actor);
		var c = classes.find(classId);
		if (!c.providerCode().equals(provider.creditCode())) {
			throw new NotFoundException("training.class.not-found");
		}
		return c;
	}

	@Transactional
	public ClassEnrolment enrol(Actor actor, long classId, ClassEnrolment.Request r) {
		var c = ownOpenClass(actor, classId);
		if (!c.status().equals("OPEN")) {
			throw new ConflictException("training.class.finished");
		}
		var id = BusinessException.about("idNumber", () -> IdNumber.parse(r.idNumber()));
		RealName person;
		try {
			var county = jdbc.sql("select split_part(provider_path, '/', 4) from training.training_class where id = :id")
					.param("id", classId).query(String.class).single();
			person = persons.realName(id, r.name(), county.isEmpty() ? null : county, "training");
		}
		catch (BusinessException e) {
			throw e.code().equals("person.name-mismatch") ? new BusinessException("training.name-mismatch").about("name")
					: e.about("name");
		}
		// no key update: a class is locked against concurrent enrolment, not against rows that merely refer to it
		jdbc.sql("select id from training.training_class where id = :id for no key update").param("id", classId).query().listOfRows();
		var existing = jdbc.sql("select id from training.enrolment where class_id = :c and person_index = :p")
				.param("c", classId).param("p", person.idNumberIndex()).query(Long.class).optional();
		if (existing.isPresent()) {
			return find(existing.get());
		}
		if (c.enrolled() >= c.capacity()) {
			refusals.record(classId, "training.class-full", person.idNumberMasked());
			throw new ConflictException("training.class-full", c.capacity());
		}
		var overlapping = jdbc.sql("""
				select o.id from training.enrolment e
				join training.training_class o on o.id = e.class_id
				join training.class_session s on s.class_id = e.class_id
				join training.class_session t on t.class_id = :class and s.starts_at < t.ends_at and t.starts_at < s.ends_at
				where e.person_index = :person and e.status = 'ENROLLED' and e.class_id <> :class
				limit 1
				""").param("class", classId).param("person", person.idNumberIndex()).query(Long.class).optional();
		if (overlapping.isPresent()) {
			refusals.record(classId, "training.overlapping-enrolment", person.idNumberMasked());
			throw new ConflictException("training.overlapping-enrolment", overlapping.get());
		}
		var enrolmentId = jdbc.sql("""
				insert into training.enrolment (class_id, person_index, person_id, id_number_sealed, id_number_masked,
				    name, voucher_id)
				values (:class, :index, :person, :sealed, :masked, :name, :voucher)
				returning id
				""").param("class", classId).param("index", person.idNumberIndex()).param("person", person.personId())
				.param("sealed", cipher.seal(id.value())).param("masked", person.idNumberMasked())
				.param("name", r.name().strip()).param("voucher", r.voucherId()).query(Long.class).single();
		if (r.voucherId() != null) {
			BusinessException.about("voucherId",
					() -> vouchers.redeem(r.voucherId(), person.idNumberIndex(), c, enrolmentId));
		}
		archive(person.personId(), "ENROLLED", c, null);
		audit.record(actor, "training.enrol", "enrolment:" + enrolmentId, AuditOutcome.SUCCESS, null);
		return find(enrolmentId);
	}

	/** A checked row of an enrolment file (voucher-less): the class, the trainee's keyed and sealed number, the name. */
	record Checked(long classId, IdNumberIndex index, byte[] sealed, String masked, String name) {
	}

	/**
	 * Enrols checked rows of a file at once (TRN-3, X-3), by the rules of {@link #enrol}: each class locked as the
	 * form locks it, then with a few statements for all rows where the form spends a dozen per trainee — persons
	 * matched in one look-up per chunk (the few unknown ones created by real name), the enrolments inserted
	 * together, one archive event per class and the audit records in one append. A trainee already in the class is
	 * left as is. Rows whose class has filled or whose trainee took an overlapping class since the file was checked
	 * are not enrolled here but returned, for the form's own refusal.
	 *
	 * @return the rows left to the form; the others are enrolled, or were already
	 */
	@Transactional
	List<Checked> enrolChecked(Actor actor, List<Checked> rows, Counter enrolled) {
		if (rows.isEmpty()) {
			return List.of();
		}
		var classIds = rows.stream().map(Checked::classId).distinct().sorted().toArray(Long[]::new);
		var open = new HashMap<Long, TrainingClass>();
		for (var id : classIds) {
			var c = ownOpenClass(actor, id);
			if (c.status().equals("OPEN")) {
				open.put(id, c);
			}
		}
		// the form's lock, in class order so two files never wait on each other in a circle
		var counties = new HashMap<Long, String>();
		jdbc.sql("""
				select id, split_part(provider_path, '/', 4) from training.training_class where id = any(:ids)
				order by id for no key update
				""").param("ids", classIds).query((rs, i) -> counties.put(rs.getLong(1), rs.getString(2))).list();
		var places = new HashMap<Long, Integer>();
		jdbc.sql("""
				select class_id, count(*) from training.enrolment where class_id = any(:ids) and status <> 'WITHDRAWN'
				group by class_id
				""").param("ids", classIds).query((rs, i) -> places.put(rs.getLong(1), rs.getInt(2))).list();
		var hex = HexFormat.of();
		var classes = rows.stream().map(Checked::classId).toArray(Long[]::new);
		var indexes = rows.stream().map(r -> hex.formatHex(r.index().bytes())).toArray(String[]::new);
		var present = new HashSet<String>();
		jdbc.sql("""
				select e.class_id || ':' || encode(e.person_index, 'hex') from training.enrolment e
				join unnest(cast(:classes as bigint[]), cast(:indexes as text[])) r(class_id, person_index)
				  on e.class_id = r.class_id and e.person_index = decode(r.person_index, 'hex')
				""").param("classes", classes).param("indexes", indexes).query(String.class).list().forEach(present::add);
		var overlapping = new HashSet<String>(jdbc.sql("""
				select distinct r.class_id || ':' || r.person_index
				from unnest(cast(:classes as bigint[]), cast(:indexes as text[])) r(class_id, person_index)
				join training.enrolment o on o.person_index = decode(r.person_index, 'hex') and o.status = 'ENROLLED'
				     and o.class_id <> r.class_id
				join training.class_session a on a.class_id = o.class_id
				join training.class_session b on b.class_id = r.class_id and a.starts_at < b.ends_at and b.starts_at < a.ends_at
				""").param("classes", classes).param("indexes", indexes).query(String.class).list());
		var toForm = new ArrayList<Checked>();
		var toEnrol = new ArrayList<Checked>();
		for (var r : rows) {
			var key = r.classId() + ":" + hex.formatHex(r.index().bytes());
			var c = open.get(r.classId());
			if (present.contains(key)) {
				continue;
			}
			if (c == null || overlapping.contains(key) || places.getOrDefault(r.classId(), 0) >= c.capacity()) {
				toForm.add(r);
				continue;
			}
			places.merge(r.classId(), 1, Integer::sum);
			present.add(key);
			toEnrol.add(r);
		}
		if (toEnrol.isEmpty()) {
			return toForm;
		}
		var known = new HashMap<IdNumberIndex, PersonId>();
		persons.identities(toEnrol.stream().map(Checked::index).toList())
				.forEach(p -> known.put(p.idNumberIndex(), p.personId()));
		for (var r : toEnrol) {
			if (!known.containsKey(r.index())) {
				var county = counties.get(r.classId());
				known.put(r.index(), persons.realName(IdNumber.parse(cipher.open(r.sealed())), r.name(),
						county.isEmpty() ? null : county, "training").personId());
			}
		}
		var inserted = jdbc.sql("""
				insert into training.enrolment (class_id, person_index, person_id, id_number_sealed, id_number_masked, name)
				select r.class_id, decode(r.person_index, 'hex'), r.person_id, decode(r.sealed, 'hex'), r.masked, r.name
				from unnest(cast(:classes as bigint[]), cast(:indexes as text[]), cast(:persons as bigint[]),
				            cast(:sealed as text[]), cast(:masked as text[]), cast(:names as text[]))
				     with ordinality r(class_id, person_index, person_id, sealed, masked, name, n)
				order by r.n
				returning id, class_id, person_id
				""").param("classes", toEnrol.stream().map(Checked::classId).toArray(Long[]::new))
				.param("indexes", toEnrol.stream().map(r -> hex.formatHex(r.index().bytes())).toArray(String[]::new))
				.param("persons", toEnrol.stream().map(r -> known.get(r.index()).value()).toArray(Long[]::new))
				.param("sealed", toEnrol.stream().map(r -> hex.formatHex(r.sealed())).toArray(String[]::new))
				.param("masked", toEnrol.stream().map(Checked::masked).toArray(String[]::new))
				.param("names", toEnrol.stream().map(r -> r.name().strip()).toArray(String[]::new))
				.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).list();
		var today = LocalDate.now(clock);
		var byClass = new TreeMap<Long, List<TrainingStepsRecorded.Trainee>>();
		inserted.forEach(e -> byClass.computeIfAbsent(e[1], k -> new ArrayList<>())
				.add(new TrainingStepsRecorded.Trainee(PersonId.of(e[2]), "ENROLLED", null)));
		byClass.forEach((id, trainees) -> {
			var c = open.get(id);
			events.publishEvent(new TrainingStepsRecorded(today, id, c.providerName(), c.occupationCode(), c.grade(),
					trainees));
		});
		audit.recordAll(actor, "training.enrol", inserted.stream().map(e -> "enrolment:" + e[0]).toList(),
				AuditOutcome.SUCCESS);
		enrolled.add(inserted.size());
		return toForm;
	}

	/** How many a bulk call enrolled, for the import's counts. */
	static final class Counter {

		private int count;

		void add(int n) {
			count += n;
		}

		int count() {
			return count;
		}
	}

	/** REG-4: the step reaches the trainee's lifelong archive by its event. */
	void archive(PersonId personId, String step, TrainingClass c, String detail) {
		events.publishEvent(new TrainingStepRecorded(personId, LocalDate.now(clock), step, c.id(), c.providerName(),
				c.occupationCode(), c.grade(), detail));
	}

	@Transactional(readOnly = true)
	public List<ClassEnrolment> ofClass(Actor actor, long classId) {
		var viewer = classes.viewer(actor, classId).orElseThrow(() -> new NotFoundException("training.class.not-found"));
		if (viewer == TrainingClasses.Viewer.TRAINEE) {
			return jdbc.sql(SELECT + " where e.class_id = :class and e.person_index = :index order by e.id")
					.param("class", classId).param("index", actor.scope().personIndex().bytes())
					.query(ClassEnrolment.class).list();
		}
		return jdbc.sql(SELECT + " where e.class_id = :class order by e.id").param("class", classId)
				.query(ClassEnrolment.class).list();
	}

	/** How many trainees of these classes of the provider's own stand at each status (ENROLLED, COMPLETED …). */
	@Transactional(readOnly = true)
	public Map<String, Integer> statusCounts(Actor provider, List<Long> classIds) {
		var code = classes.activeProvider(provider).creditCode();
		var counts = new TreeMap<String, Integer>();
		jdbc.sql("""
				select e.status, count(*) from training.enrolment e join training.training_class c on c.id = e.class_id
				where e.class_id = any(:ids) and c.provider_code = :provider group by e.status
				""").param("ids", classIds.toArray(Long[]::new)).param("provider", code)
				.query((rs, i) -> counts.put(rs.getString(1), rs.getInt(2))).list();
		return counts;
	}

	/** The worker's own enrolments, for their page and check-in. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> mine(Actor worker) {
		if (worker.role() != Role.WORKER) {
			throw new AccessDeniedException("a worker's own classes");
		}
		return jdbc.sql("""
				select e.id, e.class_id as "classId", e.status, e.result, e.certificate_number as "certificateNumber",
				       c.provider_name as "providerName", c.occupation_code as "occupationCode", c.grade, c.kind
				from training.enrolment e join training.training_class c on c.id = e.class_id
				where e.person_index = :index order by e.id desc
				""").param("index", worker.scope().personIndex().bytes()).query().listOfRows();
	}

	/** A class the worker sits or sat, with how far they got. */
	public record Mine(long enrolmentId, long classId, String providerName, String occupationCode, String grade,
			String kind, String status, String result, String certificateNumber, int attended, int sessions,
			Instant firstStart, Instant lastEnd) {
	}

	/** The worker's own classes, newest first. */
	@Transactional(readOnly = true)
	public List<Mine> myClasses(Actor worker) {
		requireWorker(worker);
		return jdbc.sql("""
				select e.id as enrolment_id, e.class_id, c.provider_name, c.occupation_code, c.grade, c.kind, e.status, e.result,
				       e.certificate_number,
				       (select count(*) from training.attendance a where a.enrolment_id = e.id) as attended,
				       s.sessions, s.first_start, s.last_end
				from training.enrolment e join training.training_class c on c.id = e.class_id
				cross join lateral (select count(*) as sessions, min(starts_at) as first_start, max(ends_at) as last_end
				                    from training.class_session where class_id = c.id) s
				where e.person_index = :index order by e.id desc limit 500
				""").param("index", worker.scope().personIndex().bytes()).query(Mine.class).list();
	}

	/** A session of a class the worker is enrolled in, as their check-in shows it. */
	public record TraineeSession(long sessionId, long classId, int number, int sessions, String occupationCode,
			String grade, String providerName, Instant startsAt, Instant endsAt, String place, boolean checkedIn) {
	}

	/** The worker's sessions of today (Beijing), in the classes they are enrolled in, earliest first. */
	@Transactional(readOnly = true)
	public List<TraineeSession> todaySessions(Actor worker) {
		requireWorker(worker);
		var today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		var zone = ZoneId.of("Asia/Shanghai");
		return traineeSessions(worker, "s.starts_at >= :from and s.starts_at < :to", today.atStartOfDay(zone).toInstant(),
				today.plusDays(1).atStartOfDay(zone).toInstant(), null);
	}

	/** One session of a class the worker is enrolled in; empty when they are not. */
	@Transactional(readOnly = true)
	public Optional<TraineeSession> traineeSession(Actor worker, long sessionId) {
		requireWorker(worker);
		return traineeSessions(worker, "s.id = :session", null, null, sessionId).stream().findFirst();
	}

	private List<TraineeSession> traineeSessions(Actor worker, String where, Instant from, Instant to, Long sessionId) {
		return jdbc.sql("""
				select s.id, s.class_id,
				       (select count(*) from training.class_session x where x.class_id = s.class_id and x.starts_at <= s.starts_at),
				       (select count(*) from training.class_session x where x.class_id = s.class_id),
				       c.occupation_code, c.grade, c.provider_name, s.starts_at, s.ends_at, s.place,
				       exists (select 1 from training.attendance a where a.session_id = s.id and a.enrolment_id = e.id)
				from training.enrolment e join training.training_class c on c.id = e.class_id
				join training.class_session s on s.class_id = e.class_id
				where e.person_index = :index and e.status = 'ENROLLED' and (""" + where + ") order by s.starts_at").param("index", worker.scope().personIndex().bytes())
				.param("from", from == null ? null : Timestamp.from(from))
				.param("to", to == null ? null : Timestamp.from(to)).param("session", sessionId)
				.query((rs, i) -> new TraineeSession(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
						rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getBoolean(11)))
				.list();
	}

	private static void requireWorker(Actor worker) {
		if (worker.role() != Role.WORKER) {
			throw new AccessDeniedException("a worker's own classes");
		}
	}

	/** A training the platform knows behind a certificate (SUB-1): where it was held and whether it was completed. */
	public record CompletedTraining(long enrolmentId, long classId, Long orderId, String status, String countyPath,
			Long voucherId, IdNumberIndex holderIndex) {

		public boolean completed() {
			return "COMPLETED".equals(status);
		}
	}

	@Transactional(readOnly = true)
	public Optional<CompletedTraining> training(long enrolmentId) {
		return trainings(List.of(enrolmentId)).stream().findFirst();
	}

	/** Many trainings at once, for deciding certificates in bulk; unknown ids are absent. */
	@Transactional(readOnly = true)
	public List<CompletedTraining> trainings(List<Long> enrolmentIds) {
		return enrolmentIds.isEmpty() ? List.of() : jdbc.sql("""
				select e.id, e.class_id, c.order_id, e.status, coalesce(o.county_path, c.provider_path) as county_path,
				       v.id as voucher_id, e.person_index as holder
				from training.enrolment e join training.training_class c on c.id = e.class_id
				left join training.training_order o on o.id = c.order_id
				left join training.voucher v on v.enrolment_id = e.id
				where e.id = any(:ids)
				""").param("ids", enrolmentIds.toArray(Long[]::new)).query((rs, i) -> new CompletedTraining(rs.getLong(1),
						rs.getLong(2), (Long) rs.getObject(3), rs.getString(4), rs.getString(5), (Long) rs.getObject(6),
						IdNumberIndex.of(rs.getBytes(7)))).list();
	}

	/** The vouchers of subsidised trainings move on (TRN-5: … → subsidised). */
	@Transactional
	public void subsidised(List<Long> enrolmentIds) {
		if (!enrolmentIds.isEmpty()) {
			jdbc.sql("update training.voucher set status = 'SUBSIDISED' where enrolment_id = any(:ids)")
					.param("ids", enrolmentIds.toArray(Long[]::new)).update();
		}
	}

	/** Who attended which session of a class, as "sessionId:enrolmentId" keys for the attendance page. */
	@Transactional(readOnly = true)
	public List<String> attendance(long classId) {
		return jdbc.sql("""
				select a.session_id || ':' || a.enrolment_id from training.attendance a
				join training.class_session s on s.id = a.session_id where s.class_id = :class
				""").param("class", classId).query(String.class).list();
	}

	ClassEnrolment find(long id) {
		return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(ClassEnrolment.class).single();
	}

	static final String SELECT = """
			select e.id, e.class_id, e.id_number_masked, e.name, e.voucher_id, e.status, e.result, e.certificate_number,
			       e.enrolled_at, (select count(*) from training.attendance a where a.enrolment_id = e.id) as attended
			from training.enrolment e""";
}
