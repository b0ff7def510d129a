package cn.gongjiang.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.security.Actor;

/**
 * Anomaly signals for officers (SUP-3): refused attempts to sit overlapping classes, attendance entered long after a
 * session, many trainees checking in from one device, certificates without a known training. Signals to look at,
 * each naming its subject; none is a finding. What a signal says is a message code with its arguments (numbers, days,
 * durations, certificate types), rendered in the reader's language by the page or file that shows it.
 */
@Service
public class TrainingSignals {

	/**
	 * One signal: its kind; a key that stays the same while the signal does (officers mark it reviewed by it); the
	 * class or certificate it concerns and the provider or issuer behind it; what was seen, as {@code code} and
	 * {@code arguments}; and when it was last seen.
	 */
	public record Signal(String kind, String key, Long classId, String certificateNumber, String organisation,
			String occupationCode, String code, List<Object> arguments, Instant seenAt) {
	}

	public static final List<String> KINDS = List.of("OVERLAP_ATTEMPTS", "LATE_ATTENDANCE", "SHARED_DEVICE",
			"CERTIFICATE_WITHOUT_TRAINING");

	/** Attendance entered later than this after the session ended is signalled. */
	static final int LATE_DAYS = 2;
	/** A class entered more than this long after its first session began was entered after the fact. */
	static final int BACKDATING_GRACE_HOURS = 1;
	/** This many trainees checking in to one session from one address is signalled. */
	static final int SHARED_DEVICE_TRAINEES = 3;
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;
	private final CertificateRegister certificates;
	private final Clock clock;

	TrainingSignals(JdbcClient jdbc, CertificateRegister certificates, Clock clock) {
		this.jdbc = jdbc;
		this.certificates = certificates;
		this.clock = clock;
	}

	/** Every signal in the officer's region, newest first. */
	@Transactional(readOnly = true)
	public List<Signal> signals(Actor actor) {
		actor.requireRegionalOfficer();
		var path = actor.scope().regionPath();
		var signals = new ArrayList<Signal>();
		jdbc.sql("""
				select c.id, c.provider_name, c.occupation_code, count(*) as attempts, max(r.refused_at) as seen
				from training.refusal r join training.training_class c on c.id = r.class_id
				where c.provider_path like :path || '%' and r.code = 'training.overlapping-enrolment'
				group by c.id, c.provider_name, c.occupation_code
				""").param("path", path).query((rs, i) -> new Signal("OVERLAP_ATTEMPTS", "OVERLAP_ATTEMPTS:class:"
						+ rs.getLong(1), rs.getLong(1), null, rs.getString(2), rs.getString(3),
						"supervision.signal.overlap-attempts", List.of(rs.getInt(4)), rs.getTimestamp(5).toInstant()))
				.list().forEach(signals::add);
		jdbc.sql("""
				select c.id, c.provider_name, c.occupation_code, s.id as session, s.starts_at,
				       (select count(*) from training.class_session x where x.class_id = s.class_id and x.starts_at <= s.starts_at),
				       count(*) as marked, extract(epoch from max(a.recorded_at - s.ends_at)) as late, max(a.recorded_at)
				from training.attendance a join training.class_session s on s.id = a.session_id
				join training.training_class c on c.id = s.class_id
				where c.provider_path like :path || '%' and a.method = 'LIST'
				  and a.recorded_at > s.ends_at + make_interval(days => :days)
				group by c.id, c.provider_name, c.occupation_code, s.id, s.starts_at, s.class_id
				""").param("path", path).param("days", LATE_DAYS).query((rs, i) -> new Signal("LATE_ATTENDANCE",
						"LATE_ATTENDANCE:session:" + rs.getLong(4), rs.getLong(1), null, rs.getString(2),
						rs.getString(3), "supervision.signal.late-attendance", List.of(rs.getInt(6),
								day(rs.getTimestamp(5).toInstant()), Duration.ofSeconds(rs.getLong(8)), rs.getInt(7)),
						rs.getTimestamp(9).toInstant()))
				.list().forEach(signals::add);
		jdbc.sql("""
				select c.id, c.provider_name, c.occupation_code, s.id as session, s.starts_at,
				       (select count(*) from training.class_session x where x.class_id = s.class_id and x.starts_at <= s.starts_at),
				       a.device, count(distinct a.enrolment_id) as trainees, max(a.recorded_at)
				from training.attendance a join training.class_session s on s.id = a.session_id
				join training.training_class c on c.id = s.class_id
				where c.provider_path like :path || '%' and a.method = 'CODE' and a.device is not null
				group by c.id, c.provider_name, c.occupation_code, s.id, s.starts_at, s.class_id, a.device
				having count(distinct a.enrolment_id) >= :trainees
				""").param("path", path).param("trainees", SHARED_DEVICE_TRAINEES).query((rs, i) -> new Signal(
						"SHARED_DEVICE", "SHARED_DEVICE:session:" + rs.getLong(4) + ":" + rs.getString(7), rs.getLong(1),
						null, rs.getString(2), rs.getString(3), "supervision.signal.shared-device", List.of(rs.getInt(6),
								day(rs.getTimestamp(5).toInstant()), rs.getInt(8), rs.getString(7)),
						rs.getTimestamp(9).toInstant()))
				.list().forEach(signals::add);
		// SUP-3: every regional officer sees the certificates of their region's residents with no training behind them
		certificates.issuedWithoutTraining(path, LocalDate.now(clock).withDayOfYear(1), 200).forEach(c -> signals.add(
				new Signal("CERTIFICATE_WITHOUT_TRAINING", "CERTIFICATE_WITHOUT_TRAINING:certificate:" + c.number(),
						null, c.number(), c.issuer(), c.occupationCode(),
						"supervision.signal.certificate-without-training",
						List.of(certificateType(c.type()), c.holderIdMasked(), c.issuedOn()),
						c.issuedOn().atStartOfDay(BEIJING).toInstant())));
		signals.sort(Comparator.comparing(Signal::seenAt).reversed());
		return signals;
	}

	/**
	 * SUB-3, SUP-3: the signals that hold a class's subsidies until an officer has looked (issue 19): a class with no
	 * order entered after its first session had begun ({@code BACKDATED}: the provider alone made the record, after
	 * the fact; an order-based class was asked for by an enterprise first), attendance listed more than
	 * {@link #LATE_DAYS} days after its session ended ({@code LATE_ATTENDANCE}: a paper list is entered after the
	 * session, but not a week later), or several trainees checking in from one device ({@code SHARED_DEVICE}).
	 * Holding is not refusing: the officer who looks pays it or not. Classes without any are absent from the answer.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<String>> holdingSubsidies(Collection<Long> classIds) {
		var held = new HashMap<Long, List<String>>();
		if (classIds.isEmpty()) {
			return held;
		}
		jdbc.sql("""
				select c.id,
				       c.order_id is null and coalesce(c.created_at > (select min(s.starts_at) from training.class_session s
				                                                       where s.class_id = c.id)
				                                       + make_interval(hours => :graceHours), false) as backdated,
				       exists (select 1 from training.attendance a join training.class_session s on s.id = a.session_id
				               where s.class_id = c.id and a.method = 'CODE' and a.device is not null
				               group by a.session_id, a.device having count(distinct a.enrolment_id) >= :trainees) as shared,
				       exists (select 1 from training.attendance a join training.class_session s on s.id = a.session_id
				               where s.class_id = c.id and a.method = 'LIST'
				                 and a.recorded_at > s.ends_at + make_interval(days => :days)) as late
				from training.training_class c where c.id = any(:ids)
				""").param("ids", classIds.toArray(Long[]::new)).param("graceHours", BACKDATING_GRACE_HOURS)
				.param("days", LATE_DAYS)
				.param("trainees", SHARED_DEVICE_TRAINEES).query((rs, i) -> {
					var kinds = new ArrayList<String>();
					if (rs.getBoolean(2)) {
						kinds.add("BACKDATED");
					}
					if (rs.getBoolean(3)) {
						kinds.add("SHARED_DEVICE");
					}
					if (rs.getBoolean(4)) {
						kinds.add("LATE_ATTENDANCE");
					}
					if (!kinds.isEmpty()) {
						held.put(rs.getLong(1), List.copyOf(kinds));
					}
					return null;
				}).list();
		return held;
	}

	private static LocalDate day(Instant at) {
		return at.atZone(BEIJING).toLocalDate();
	}

	/** The type as the enum when it is one of the four (so that it is named per language), else as it came. */
	private static Object certificateType(String code) {
		try {
			return CertificateType.fromCode(code);
		}
		catch (RuntimeException unknown) {
			return code == null ? "" : code;
		}
	}

	/** One enrolment of the year for the third-party audit (SUP-4): the class, the trainee, the voucher. */
	public record AuditRow(long classId, String providerName, String occupationCode, String grade, String kind,
			Long orderId, long enrolmentId, String idNumberMasked, String status, String result,
			String certificateNumber, Long voucherId, String voucherStatus, int attended, int sessions) {
	}

	/** SUP-4: the year's enrolments with their class, provider, result and voucher, for the third-party audit. */
	@Transactional(readOnly = true)
	public List<AuditRow> auditRows(int year) {
		return jdbc.sql("""
				select c.id as class_id, c.provider_name, c.occupation_code, c.grade, c.kind, c.order_id,
				       e.id as enrolment_id, e.id_number_masked, e.status, e.result, e.certificate_number,
				       v.id as voucher_id, v.status as voucher_status,
				       (select count(*) from training.attendance a where a.enrolment_id = e.id) as attended,
				       (select count(*) from training.class_session s where s.class_id = c.id) as sessions
				from training.enrolment e join training.training_class c on c.id = e.class_id
				left join training.voucher v on v.enrolment_id = e.id
				where e.enrolled_at >= :from and e.enrolled_at < :to order by c.id, e.id
				""").param("from", Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(BEIJING).toInstant()))
				.param("to", Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(BEIJING).toInstant()))
				.query(AuditRow.class).list();
	}
}
