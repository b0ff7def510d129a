package cn.gongjiang.training;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.shared.security.Actor;

/**
 * Anomaly signals for officers (SUP-3): refused attempts to sit overlapping classes, attendance entered long after a
 * session, many trainees checking in from one device, certificates without a known training. Signals to look at,
 * each naming its subject; none is a finding.
 */
@Service
public class TrainingSignals {

	/** One signal: its kind, what it concerns, and what was seen. */
	public record Signal(String kind, String subject, String detail) {
	}

	/** Attendance entered later than this after the session ended is signalled. */
	static final int LATE_DAYS = 2;
	/** This many trainees checking in to one session from one address is signalled. */
	static final int SHARED_DEVICE_TRAINEES = 3;

	private final JdbcClient jdbc;
	private final CertificateRegister certificates;
	private final Clock clock;

	TrainingSignals(JdbcClient jdbc, CertificateRegister certificates, Clock clock) {
		this.jdbc = jdbc;
		this.certificates = certificates;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Signal> signals(Actor actor) {
		if (!actor.role().officer() || !actor.scope().regional()) {
			throw new AccessDeniedException("signals are the officers'");
		}
		var path = actor.scope().regionPath();
		var signals = new ArrayList<Signal>();
		jdbc.sql("""
				select c.id, c.provider_name, r.code, count(*) as attempts
				from training.refusal r join training.training_class c on c.id = r.class_id
				where c.provider_path like :path || '%' and r.code = 'training.overlapping-enrolment'
				group by c.id, c.provider_name, r.code order by attempts desc
				""").param("path", path).query((rs, i) -> new Signal("OVERLAP_ATTEMPTS",
						"class:" + rs.getLong(1) + " " + rs.getString(2), rs.getInt(4) + " attempts")).list()
				.forEach(signals::add);
		jdbc.sql("""
				select c.id, c.provider_name, s.id as session, count(*) as marked, max(a.recorded_at - s.ends_at) as late
				from training.attendance a join training.class_session s on s.id = a.session_id
				join training.training_class c on c.id = s.class_id
				where c.provider_path like :path || '%' and a.method = 'LIST'
				  and a.recorded_at > s.ends_at + make_interval(days => :days)
				group by c.id, c.provider_name, s.id
				""").param("path", path).param("days", LATE_DAYS).query((rs, i) -> new Signal("LATE_ATTENDANCE",
						"class:" + rs.getLong(1) + " " + rs.getString(2), "session " + rs.getLong(3) + ": " + rs.getInt(4)
								+ " marked " + rs.getString(5) + " after it ended")).list()
				.forEach(signals::add);
		jdbc.sql("""
				select c.id, c.provider_name, s.id as session, a.device, count(distinct a.enrolment_id) as trainees
				from training.attendance a join training.class_session s on s.id = a.session_id
				join training.training_class c on c.id = s.class_id
				where c.provider_path like :path || '%' and a.method = 'CODE' and a.device is not null
				group by c.id, c.provider_name, s.id, a.device having count(distinct a.enrolment_id) >= :trainees
				""").param("path", path).param("trainees", SHARED_DEVICE_TRAINEES).query((rs, i) -> new Signal(
						"SHARED_DEVICE", "class:" + rs.getLong(1) + " " + rs.getString(2), "session " + rs.getLong(3)
								+ ": " + rs.getInt(5) + " trainees from " + rs.getString(4))).list()
				.forEach(signals::add);
		if (actor.scope().regionPath().equals("/330000/")) {
			certificates.issuedWithoutTraining(LocalDate.now(clock).withDayOfYear(1), 200).forEach(c -> signals.add(
					new Signal("CERTIFICATE_WITHOUT_TRAINING", "certificate:" + c.number() + " " + c.issuer(),
							c.type() + " " + c.holderIdMasked() + " " + c.issuedOn())));
		}
		return signals;
	}

	/** SUP-4: the year's enrolments with their class, provider, result and voucher, for the third-party audit. */
	@Transactional(readOnly = true)
	public List<List<Object>> auditRows(int year) {
		return jdbc.sql("""
				select c.id as class_id, c.provider_name, c.occupation_code, coalesce(c.grade, '') as grade, c.kind,
				       coalesce(cast(c.order_id as text), '') as order_id, e.id as enrolment_id, e.id_number_masked,
				       e.status, coalesce(e.result, '') as result, coalesce(e.certificate_number, '') as certificate,
				       coalesce(cast(v.id as text), '') as voucher, coalesce(v.status, '') as voucher_status,
				       (select count(*) from training.attendance a where a.enrolment_id = e.id) as attended,
				       (select count(*) from training.class_session s where s.class_id = c.id) as sessions
				from training.enrolment e join training.training_class c on c.id = e.class_id
				left join training.voucher v on v.enrolment_id = e.id
				where extract(year from e.enrolled_at) = :year order by c.id, e.id
				""").param("year", year).query((rs, i) -> {
					var row = new ArrayList<Object>();
					for (int col = 1; col <= 15; col++) {
						row.add(rs.getObject(col) == null ? "" : rs.getObject(col).toString());
					}
					return (List<Object>) row;
				}).list();
	}

	public static final List<String> AUDIT_HEADER = List.of("班级", "机构", "职业", "等级", "类型", "订单", "报名号",
			"学员身份证号（脱敏）", "状态", "结果", "证书编号", "培训券", "培训券状态", "出勤", "课次");

	/** Writes the audit export; the caller audits it. */
	public static void writeAudit(java.io.OutputStream out, int year, List<List<Object>> rows) throws java.io.IOException {
		ListExport.write(out, year + "年培训台账", AUDIT_HEADER, rows);
	}
}
