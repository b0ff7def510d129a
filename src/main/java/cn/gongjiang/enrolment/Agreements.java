package cn.gongjiang.enrolment;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.security.Actor;

/** Joint-programme agreements (ENR-4), recorded by the school or its officers; registrations may reference them. */
@Service
public class Agreements {

	public record Signing(String schoolCode, String partnerProvince, String partnerSchool, String mode, String years,
			LocalDate signedOn, LocalDate validUntil) {
	}

	private final JdbcClient jdbc;
	private final Schools schools;
	private final AuditLog audit;

	Agreements(JdbcClient jdbc, Schools schools, AuditLog audit) {
		this.jdbc = jdbc;
		this.schools = schools;
		this.audit = audit;
	}

	@Transactional
	public Agreement record(Actor actor, Signing s) {
		var school = schools.require(s.schoolCode());
		if (!Schools.mayActFor(actor, school)) {
			throw actor.refuse("enrolment.agreement", s.schoolCode(), null);
		}
		if (s.partnerProvince() == null || !s.partnerProvince().matches("\\d{2}0000") || s.partnerProvince().startsWith("33")) {
			throw new InvalidValueException("enrolment.agreement.province", s.partnerProvince());
		}
		if (s.partnerSchool() == null || s.partnerSchool().isBlank()) {
			throw new InvalidValueException("enrolment.agreement.school-required");
		}
		var pattern = "N_N".equals(s.mode()) ? "\\d\\+\\d" : "N_N_N".equals(s.mode()) ? "\\d\\+\\d\\+\\d" : null;
		if (pattern == null) {
			throw new InvalidValueException("enrolment.agreement.mode", s.mode());
		}
		if (s.years() == null || !s.years().matches(pattern)) {
			throw new InvalidValueException("enrolment.agreement.years", s.years());
		}
		if (s.signedOn() == null || (s.validUntil() != null && s.validUntil().isBefore(s.signedOn()))) {
			throw new InvalidValueException("enrolment.agreement.dates");
		}
		var id = jdbc.sql("""
				insert into enrolment.agreement (school_code, partner_province, partner_school, mode, years, signed_on,
				    valid_until, created_by)
				values (:school, :province, :partner, :mode, :years, :signed, :until, :user) returning id
				""").param("school", school.creditCode()).param("province", s.partnerProvince())
				.param("partner", s.partnerSchool().strip()).param("mode", s.mode()).param("years", s.years())
				.param("signed", s.signedOn()).param("until", s.validUntil()).param("user", actor.username())
				.query(Long.class).single();
		audit.record(actor, "enrolment.agreement", "agreement:" + id, AuditOutcome.SUCCESS, null);
		return jdbc.sql("select * from enrolment.agreement where id = :id").param("id", id).query(Agreement.class)
				.single();
	}

	@Transactional(readOnly = true)
	public List<Agreement> list(Actor actor, String schoolCode) {
		var school = schools.require(schoolCode);
		if (!Schools.mayActFor(actor, school)) {
			throw new AccessDeniedException("not this school's");
		}
		return jdbc.sql("select * from enrolment.agreement where school_code = :school order by signed_on desc")
				.param("school", school.creditCode()).query(Agreement.class).list();
	}
}
