package cn.gongjiang.certification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Which bodies may evaluate which occupations (CRT-1, SUB-3, issue 19). The province's and a city's officers file and
 * withdraw the bodies of their region; counties read them; a provider or school reads its own. A provider or school
 * then issues skill certificates only under a standing filing ({@link CertificateRegister}), so a certificate that
 * earns a subsidy came from a body entitled to evaluate it, and says which filing that was.
 */
@Service
public class EvaluationFilings {

	public static final Map<String, String> SORTS = Map.of("evaluator", "f.evaluator_name", "occupation",
			"f.occupation_code", "filed", "f.filed_at");

	private final JdbcClient jdbc;
	private final OccupationCatalogue occupations;
	private final AuditLog audit;
	private final Clock clock;

	private final OrganisationRegistry organisations;

	EvaluationFilings(JdbcClient jdbc, OccupationCatalogue occupations, AuditLog audit, Clock clock,
			OrganisationRegistry organisations) {
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.occupations = occupations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Files a body for an occupation; a standing filing of the same pair is refused rather than doubled. */
	@Transactional
	public EvaluationFiling file(Actor actor, EvaluationFiling.Request request) {
		requireFilingOfficer(actor, "certificate.evaluator.file", request.evaluatorCode());
		var body = Optional.ofNullable(request.evaluatorCode()).map(String::strip).flatMap(this::evaluator)
				.orElseThrow(() -> new InvalidValueException("certificate.evaluator.unknown", request.evaluatorCode()));
		if (!actor.officerCovering(body.path())) {
			throw actor.refuse("certificate.evaluator.file", body.code(), "out of scope");
		}
		if (request.basis() == null) {
			throw new InvalidValueException("certificate.evaluator.basis-required");
		}
		var occupation = request.occupationCode() == null ? null : request.occupationCode().strip();
		if (occupation == null || !occupation.matches("\\d-\\d{2}-\\d{2}-\\d{2}")
				|| !occupations.allCodes().contains(occupation)) {
			throw new InvalidValueException("certificate.evaluator.occupation-unknown", request.occupationCode());
		}
		var from = request.validFrom() == null ? LocalDate.now(clock) : request.validFrom();
		if (request.validUntil() != null && request.validUntil().isBefore(from)) {
			throw new InvalidValueException("certificate.evaluator.period");
		}
		var id = jdbc.sql("""
				insert into certification.evaluation_filing (evaluator_code, evaluator_name, evaluator_path, basis,
				    occupation_code, valid_from, valid_until, filed_by)
				values (:code, :name, :path, :basis, :occupation, :from, :until, :by)
				on conflict (evaluator_code, occupation_code) where withdrawn_at is null do nothing
				returning id
				""").param("code", body.code()).param("name", body.name()).param("path", body.path())
				.param("basis", request.basis().name()).param("occupation", occupation).param("from", from)
				.param("until", request.validUntil()).param("by", actor.username()).query(Long.class).optional()
				.orElseThrow(() -> new ConflictException("certificate.evaluator.filed", body.name(), occupation));
		audit.record(actor, "certificate.evaluator.file", "filing:" + id, AuditOutcome.SUCCESS,
				body.code() + " " + occupation + " " + request.basis());
		return byId(id).orElseThrow();
	}

	/** Ends a standing filing: certificates issued under it keep it; new ones for the occupation are refused. */
	@Transactional
	public EvaluationFiling withdraw(Actor actor, long id, String reason) {
		requireFilingOfficer(actor, "certificate.evaluator.withdraw", "filing:" + id);
		var filing = visible(actor, id);
		if (reason == null || reason.isBlank()) {
			throw new InvalidValueException("certificate.evaluator.reason-required");
		}
		var changed = jdbc.sql("""
				update certification.evaluation_filing
				set withdrawn_at = :now, withdrawn_by = :by, withdrawn_reason = :reason
				where id = :id and withdrawn_at is null
				""").param("now", Timestamp.from(clock.instant())).param("by", actor.username())
				.param("reason", reason.strip()).param("id", filing.id()).update();
		if (changed == 0) {
			throw new ConflictException("certificate.evaluator.withdrawn");
		}
		audit.record(actor, "certificate.evaluator.withdraw", "filing:" + id, AuditOutcome.SUCCESS, reason.strip());
		return byId(id).orElseThrow();
	}

	/** The filings the actor may see, newest first: an officer's region's, a provider's or school's own. */
	@Transactional(readOnly = true)
	public Page<EvaluationFiling> list(Actor actor, String evaluatorCode, boolean standingOnly, PageRequest request) {
		var where = new StringBuilder(" where ").append(scopeClause(actor));
		if (evaluatorCode != null && !evaluatorCode.isBlank()) {
			where.append(" and f.evaluator_code = :evaluator");
		}
		if (standingOnly) {
			where.append(" and f.withdrawn_at is null");
		}
		var total = bind(jdbc.sql("select count(*) from certification.evaluation_filing f" + where), actor,
				evaluatorCode).query(Long.class).single();
		var items = bind(jdbc.sql("select f.* from certification.evaluation_filing f" + where + " order by "
				+ request.orderBy(SORTS, "f.id") + " limit :limit offset :offset"), actor, evaluatorCode)
				.param("limit", request.size()).param("offset", request.offset()).query(EvaluationFilings::map).list();
		return Page.of(items, total, request);
	}

	/** One filing the actor may see; another region's answers as unknown. */
	@Transactional(readOnly = true)
	public EvaluationFiling one(Actor actor, long id) {
		return visible(actor, id);
	}

	/** The standing filing under which {@code evaluatorCode} may certify {@code occupation} on {@code day}. */
	Optional<EvaluationFiling> entitling(String evaluatorCode, String occupation, LocalDate day) {
		if (evaluatorCode == null || occupation == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select * from certification.evaluation_filing
				where evaluator_code = :code and occupation_code = :occupation and withdrawn_at is null
				""").param("code", evaluatorCode).param("occupation", occupation).query(EvaluationFilings::map).optional()
				.filter(f -> f.covers(day));
	}

	/** Every standing filing of one body, for checking a file of its certificates row by row. */
	List<EvaluationFiling> standing(String evaluatorCode) {
		return jdbc.sql("""
				select * from certification.evaluation_filing where evaluator_code = :code and withdrawn_at is null
				""").param("code", evaluatorCode).query(EvaluationFilings::map).list();
	}

	private EvaluationFiling visible(Actor actor, long id) {
		return bind(jdbc.sql("select f.* from certification.evaluation_filing f where f.id = :id and "
				+ scopeClause(actor)), actor, null).param("id", id).query(EvaluationFilings::map).optional()
				.orElseThrow(() -> new NotFoundException("certificate.evaluator.not-found", id));
	}

	private Optional<EvaluationFiling> byId(long id) {
		return jdbc.sql("select * from certification.evaluation_filing where id = :id").param("id", id)
				.query(EvaluationFilings::map).optional();
	}

	private static String scopeClause(Actor actor) {
		if (actor.regionalOfficer()) {
			return "f.evaluator_path like :path || '%'";
		}
		if (actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL) {
			return "f.evaluator_code = :own";
		}
		return "false";
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Actor actor, String evaluatorCode) {
		var sql = spec;
		if (actor.regionalOfficer()) {
			sql = sql.param("path", actor.scope().regionPath());
		}
		else if (actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL) {
			sql = sql.param("own", actor.scope().value());
		}
		if (evaluatorCode != null && !evaluatorCode.isBlank()) {
			sql = sql.param("evaluator", evaluatorCode.strip());
		}
		return sql;
	}

	/** The province's and the cities' officers file; a county reads (evaluation bodies are filed above it). */
	private void requireFilingOfficer(Actor actor, String action, String target) {
		if (!actor.is(Role.PROVINCE_OFFICER) && !actor.is(Role.CITY_OFFICER)) {
			throw actor.refuse(action, target, null);
		}
	}

	private record Evaluator(String code, String name, String path) {
	}

	private Optional<Evaluator> evaluator(String code) {
		return organisations.providerIdentity(code).map(p -> new Evaluator(p.creditCode(), p.name(), p.regionPath()));
	}

	static EvaluationFiling map(ResultSet rs, int row) throws SQLException {
		var withdrawn = rs.getTimestamp("withdrawn_at");
		return new EvaluationFiling(rs.getLong("id"), rs.getString("evaluator_code"), rs.getString("evaluator_name"),
				EvaluationFiling.Basis.valueOf(rs.getString("basis")), rs.getString("occupation_code"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
				rs.getString("filed_by"), rs.getTimestamp("filed_at").toInstant(),
				withdrawn == null ? null : withdrawn.toInstant(), rs.getString("withdrawn_reason"));
	}
}
