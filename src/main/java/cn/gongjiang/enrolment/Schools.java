package cn.gongjiang.enrolment;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.Provider;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/** Technical schools (ENR-1): who they are, who may act for them, who issues their plans. */
@Service
public class Schools {

	private final OrganisationRegistry organisations;
	private final RegionDirectory regions;
	private final JdbcClient jdbc;
	private final AuditLog audit;

	Schools(OrganisationRegistry organisations, RegionDirectory regions, JdbcClient jdbc, AuditLog audit) {
		this.organisations = organisations;
		this.regions = regions;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Technical schools the actor may see: officers those of their region (the province all), a school itself. */
	@Transactional(readOnly = true)
	public List<School> list(Actor actor) {
		if (!actor.role().officer() && actor.role() != Role.TECHNICAL_SCHOOL) {
			throw new AccessDeniedException("schools are for officers and schools");
		}
		return organisations.providers(actor, null, null).stream()
				.filter(p -> OrganisationRegistry.TECHNICAL_SCHOOL_KINDS.contains(p.kind())).map(this::school).toList();
	}

	/** The school with this credit code, whoever asks (for checking codes); empty when it is not a technical school. */
	@Transactional(readOnly = true)
	public Optional<School> find(String creditCode) {
		if (creditCode == null) {
			return Optional.empty();
		}
		return organisations.provider(creditCode.strip())
				.filter(p -> OrganisationRegistry.TECHNICAL_SCHOOL_KINDS.contains(p.kind())).map(this::school);
	}

	public School require(String creditCode) {
		return find(creditCode).orElseThrow(() -> new NotFoundException("enrolment.school.not-found", creditCode));
	}

	/** The school itself, or an officer whose region covers it. */
	static boolean mayActFor(Actor actor, School school) {
		if (actor.role() == Role.TECHNICAL_SCHOOL) {
			return school.creditCode().equals(actor.scope().value());
		}
		return actor.officerCovering(school.countyPath());
	}

	/** Its city's bureau issues a school's plan; the province issues those of provincial schools (002 三(一)). */
	public static boolean issues(Actor actor, School school) {
		if (!actor.regionalOfficer()) {
			return false;
		}
		return school.provincial() ? actor.is(Role.PROVINCE_OFFICER)
				: actor.is(Role.CITY_OFFICER) && actor.scope().value().equals(school.cityCode());
	}

	/** The province decides which schools are provincial (省属). */
	@Transactional
	public School setAffiliation(Actor actor, String creditCode, String affiliation) {
		var school = require(creditCode);
		if (!actor.is(Role.PROVINCE_OFFICER)) {
			throw actor.refuse("enrolment.school.affiliation", creditCode, null);
		}
		if (!"CITY".equals(affiliation) && !"PROVINCE".equals(affiliation)) {
			throw new InvalidValueException("enrolment.school.affiliation", affiliation);
		}
		jdbc.sql("""
				insert into enrolment.school (credit_code, affiliation, updated_by) values (:code, :affiliation, :user)
				on conflict (credit_code) do update set affiliation = excluded.affiliation,
				    updated_by = excluded.updated_by, updated_at = now()
				""").param("code", school.creditCode()).param("affiliation", affiliation)
				.param("user", actor.username()).update();
		audit.record(actor, "enrolment.school.affiliation", creditCode, AuditOutcome.SUCCESS, affiliation);
		return require(creditCode);
	}

	private School school(Provider p) {
		var county = regions.lookup(RegionCode.of(p.region())).orElseThrow();
		var affiliation = jdbc.sql("select affiliation from enrolment.school where credit_code = :code")
				.param("code", p.creditCode()).query(String.class).optional().orElse("CITY");
		var cityCode = RegionPath.of(county.path()).codeAt(RegionPath.CITY).orElseThrow().value();
		return new School(p.creditCode(), p.name(), p.kind(), county.code(), county.path(), cityCode, affiliation,
				p.status());
	}
}
