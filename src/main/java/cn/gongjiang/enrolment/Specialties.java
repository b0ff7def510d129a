package cn.gongjiang.enrolment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/** The filed specialty catalogue (ENR-1): filed by the province or the school's city; a school plans only these. */
@Service
public class Specialties {

	private final JdbcClient jdbc;
	private final Schools schools;
	private final AuditLog audit;
	private final Clock clock;

	Specialties(JdbcClient jdbc, Schools schools, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.schools = schools;
		this.audit = audit;
		this.clock = clock;
	}

	public record Filing(String code, String name, List<String> classLevels, LocalDate filedOn) {
	}

	@Transactional
	public Specialty file(Actor actor, String schoolCode, Filing filing) {
		var school = schools.require(schoolCode);
		if (!(actor.is(Role.PROVINCE_OFFICER) || Schools.issues(actor, school))) {
			throw actor.refuse("enrolment.specialty.file", schoolCode, null);
		}
		if (filing.code() == null || !filing.code().strip().matches("[0-9A-Za-z-]{2,16}")) {
			throw new InvalidValueException("enrolment.specialty.code", filing.code());
		}
		if (filing.name() == null || filing.name().isBlank()) {
			throw new InvalidValueException("enrolment.specialty.name-required");
		}
		if (filing.classLevels() == null || filing.classLevels().isEmpty()) {
			throw new InvalidValueException("enrolment.specialty.levels-required");
		}
		var levels = filing.classLevels().stream().map(l -> {
			var level = ClassLevel.parse(l);
			if (level == null) {
				throw new InvalidValueException("enrolment.class-level.unknown", l);
			}
			return level.name();
		}).distinct().sorted().toArray(String[]::new);
		jdbc.sql("""
				insert into enrolment.specialty (school_code, code, name, class_levels, filed_on, filed_by)
				values (:school, :code, :name, :levels, :filedOn, :user)
				on conflict (school_code, code) do update set name = excluded.name,
				    class_levels = excluded.class_levels, filed_on = excluded.filed_on, filed_by = excluded.filed_by
				""").param("school", school.creditCode()).param("code", filing.code().strip())
				.param("name", filing.name().strip()).param("levels", levels)
				.param("filedOn", filing.filedOn() == null ? LocalDate.now(clock) : filing.filedOn())
				.param("user", actor.username()).update();
		audit.record(actor, "enrolment.specialty.file", schoolCode + "/" + filing.code(), AuditOutcome.SUCCESS, null);
		return find(school.creditCode(), filing.code().strip()).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Specialty> list(Actor actor, String schoolCode) {
		var school = schools.require(schoolCode);
		if (!Schools.mayActFor(actor, school)) {
			throw new AccessDeniedException("not this school's");
		}
		return all(school.creditCode());
	}

	/** A school's filed catalogue, unscoped: for naming the specialties of records the reader may already see. */
	@Transactional(readOnly = true)
	public List<Specialty> filed(String schoolCode) {
		return all(schoolCode);
	}

	List<Specialty> all(String schoolCode) {
		return jdbc.sql("select * from enrolment.specialty where school_code = :school order by code")
				.param("school", schoolCode).query((rs, i) -> map(rs)).list();
	}

	Optional<Specialty> find(String schoolCode, String code) {
		return jdbc.sql("select * from enrolment.specialty where school_code = :school and code = :code")
				.param("school", schoolCode).param("code", code).query((rs, i) -> map(rs)).optional();
	}

	private static Specialty map(ResultSet rs) throws SQLException {
		return new Specialty(rs.getString("school_code"), rs.getString("code"), rs.getString("name"),
				Arrays.asList((String[]) rs.getArray("class_levels").getArray()),
				rs.getObject("filed_on", LocalDate.class));
	}
}
