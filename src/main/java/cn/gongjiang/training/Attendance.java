package cn.gongjiang.training;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.CorrelationIdFilter;

/**
 * Attendance and completion (TRN-3): the provider records who attended a session (by list), or a trainee checks in
 * with the code shown in class, which changes every minute; a class completes each trainee whose attendance meets
 * its rule (default 80 %).
 */
@Service
public class Attendance {

	static final Duration CODE_WINDOW = Duration.ofMinutes(1);
	/** Check-in opens this long before a session starts. */
	static final Duration EARLY = Duration.ofMinutes(15);

	private final JdbcClient jdbc;
	private final ClassEnrolments enrolments;
	private final TrainingClasses classes;
	private final TrainingOrders orders;
	private final Vouchers vouchers;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	Attendance(JdbcClient jdbc, ClassEnrolments enrolments, TrainingClasses classes, TrainingOrders orders,
			Vouchers vouchers, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.enrolments = enrolments;
		this.classes = classes;
		this.orders = orders;
		this.vouchers = vouchers;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** The provider marks who attended a session that has begun; marking twice changes nothing. */
	@Transactional
	public int record(Actor actor, long classId, long sessionId, List<Long> enrolmentIds) {
		var c = enrolments.ownOpenClass(actor, classId);
		var session = session(c, sessionId);
		if (Instant.now(clock).isBefore(session.startsAt())) {
			throw new BusinessException("training.attendance.before-session");
		}
		int marked = 0;
		for (var enrolmentId : enrolmentIds == null ? List.<Long>of() : enrolmentIds) {
			marked += jdbc.sql("""
					insert into training.attendance (session_id, enrolment_id, method, recorded_by)
					select :session, e.id, 'LIST', :user from training.enrolment e
					where e.id = :enrolment and e.class_id = :class and e.status = 'ENROLLED'
					on conflict do nothing
					""").param("session", sessionId).param("enrolment", enrolmentId).param("class", classId)
					.param("user", actor.username()).update();
		}
		audit.record(actor, "training.attendance", "session:" + sessionId, AuditOutcome.SUCCESS, marked + " marked");
		return marked;
	}

	/** The code the provider shows in class now (six digits, changes every minute). */
	@Transactional(readOnly = true)
	public String currentCode(Actor actor, long classId, long sessionId) {
		var c = enrolments.ownOpenClass(actor, classId);
		session(c, sessionId);
		return code(secret(classId), sessionId, Instant.now(clock));
	}

	/** Whether trainees may check in to a session now: from a quarter of an hour before it starts to its end. */
	public boolean checkInOpen(Instant startsAt, Instant endsAt) {
		var now = Instant.now(clock);
		return !now.isBefore(startsAt.minus(EARLY)) && !now.isAfter(endsAt);
	}

	/** A trainee checks in with the code shown in class, during the session (or shortly before it). */
	@Transactional
	public void checkIn(Actor worker, long sessionId, String code) {
		if (worker.role() != Role.WORKER) {
			throw new AccessDeniedException("trainees check in");
		}
		var row = jdbc.sql("""
				select e.id as enrolment, s.class_id, s.starts_at, s.ends_at from training.class_session s
				join training.enrolment e on e.class_id = s.class_id and e.status = 'ENROLLED'
				where s.id = :session and e.person_index = :index
				""").param("session", sessionId).param("index", worker.scope().personIndex().bytes())
				.query().listOfRows().stream().findFirst()
				.orElseThrow(() -> new NotFoundException("training.session.not-found"));
		var now = Instant.now(clock);
		var starts = ((Timestamp) row.get("starts_at")).toInstant();
		var ends = ((Timestamp) row.get("ends_at")).toInstant();
		if (!checkInOpen(starts, ends)) {
			throw new BusinessException("training.attendance.outside-session");
		}
		var classId = ((Number) row.get("class_id")).longValue();
		var secret = secret(classId);
		if (code == null || !(code.strip().equals(code(secret, sessionId, now))
				|| code.strip().equals(code(secret, sessionId, now.minus(CODE_WINDOW))))) {
			throw new InvalidValueException("training.attendance.code");
		}
		jdbc.sql("""
				insert into training.attendance (session_id, enrolment_id, method, recorded_by, device)
				values (:session, :enrolment, 'CODE', :user, :device) on conflict do nothing
				""").param("session", sessionId).param("enrolment", row.get("enrolment")).param("user", worker.username())
				.param("device", MDC.get(CorrelationIdFilter.CLIENT_ADDRESS)).update();
	}

	/**
	 * After the last session the provider completes the class: a trainee whose attendance meets the class's rule is
	 * completed (and counted; their voucher moves to trained), the others are not.
	 */
	@Transactional
	public TrainingClass complete(Actor actor, long classId) {
		var c = enrolments.ownOpenClass(actor, classId);
		if (!c.status().equals("OPEN")) {
			throw new ConflictException("training.class.finished");
		}
		var last = c.sessions().stream().map(TrainingClass.Session::endsAt).max(Instant::compareTo).orElseThrow();
		if (Instant.now(clock).isBefore(last)) {
			throw new ConflictException("training.class.not-over", DateTimeFormatter
					.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai")).format(last));
		}
		var sessions = c.sessions().size();
		var today = LocalDate.now(clock);
		var order = c.orderId() == null ? null : orders.byId(c.orderId());
		var region = order != null ? jdbc.sql("select county_path from training.training_order where id = :id")
				.param("id", order.id()).query(String.class).single()
				: jdbc.sql("select provider_path from training.training_class where id = :id").param("id", classId)
						.query(String.class).single();
		// one statement for the class: each trainee still enrolled completes, or not, by the sessions attended
		var finished = jdbc.sql("""
				update training.enrolment e
				set status = case when a.attended >= :needed then 'COMPLETED' else 'NOT_COMPLETED' end
				from (select n.id, count(t.session_id) as attended from training.enrolment n
				      left join training.attendance t on t.enrolment_id = n.id
				      where n.class_id = :class and n.status = 'ENROLLED' group by n.id) a
				where e.id = a.id
				returning e.id, e.person_id, e.person_index, e.status, a.attended
				""").param("class", classId).param("needed", c.completionRate().multiply(BigDecimal.valueOf(sessions)))
				.query((rs, i) -> new Finished(rs.getLong(1), PersonId.of(rs.getLong(2)), IdNumberIndex.of(rs.getBytes(3)),
						rs.getString(4).equals("COMPLETED"), rs.getInt(5)))
				.list().stream().sorted(Comparator.comparingLong(Finished::enrolmentId)).toList();
		var steps = new ArrayList<TrainingStepsRecorded.Trainee>();
		var completions = new ArrayList<TrainingCompleted>();
		for (var f : finished) {
			steps.add(new TrainingStepsRecorded.Trainee(f.personId(), f.completed() ? "COMPLETED" : "NOT_COMPLETED",
					f.attended() + "/" + sessions));
			if (f.completed()) {
				completions.add(new TrainingCompleted(f.enrolmentId(), classId, c.orderId(), f.holder(), region,
						c.occupationCode(), c.grade(), today, c.kind(), order == null ? null : order.enterpriseCode()));
			}
		}
		vouchers.advance(completions.stream().map(TrainingCompleted::enrolmentId).toList(), "TRAINED");
		// REG-4 and the targets: one event each for the whole class, not one per trainee
		if (!steps.isEmpty()) {
			events.publishEvent(new TrainingStepsRecorded(today, classId, c.providerName(), c.occupationCode(),
					c.grade(), steps));
		}
		if (!completions.isEmpty()) {
			events.publishEvent(new TrainingsCompleted(completions));
		}
		jdbc.sql("update training.training_class set status = 'FINISHED', version = version + 1 where id = :id")
				.param("id", classId).update();
		if (c.orderId() != null) {
			orders.closeIfFinished(c.orderId());
		}
		audit.record(actor, "training.class.complete", "class:" + classId, AuditOutcome.SUCCESS, null);
		return classes.find(classId);
	}

	/** A trainee as the class's completion left them. */
	private record Finished(long enrolmentId, PersonId personId, IdNumberIndex holder, boolean completed, int attended) {
	}

	private static TrainingClass.Session session(TrainingClass c, long sessionId) {
		return c.sessions().stream().filter(s -> s.id() == sessionId).findFirst()
				.orElseThrow(() -> new NotFoundException("training.session.not-found"));
	}

	private byte[] secret(long classId) {
		return jdbc.sql("select code_secret from training.training_class where id = :id").param("id", classId)
				.query(byte[].class).single();
	}

	/** Six digits from an HMAC of the session and the minute (the HOTP truncation of RFC 4226). */
	static String code(byte[] secret, long sessionId, Instant at) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			var hash = mac.doFinal(ByteBuffer.allocate(16).putLong(sessionId)
					.putLong(at.getEpochSecond() / CODE_WINDOW.toSeconds()).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
