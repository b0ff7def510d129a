package cn.gongjiang.enrolment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.privacy.Masking;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.registry.RealName;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Student registration (学籍注册, ENR-2..5). A request is refused with the first rule it breaks, in this order: a
 * malformed ID number or field, a passed deadline, a specialty not filed, a name the registry knows otherwise,
 * another enrolment (another technical school, or a general high school or secondary vocational roster), a
 * cross-city origin, a full plan. The same registration again is a replay and changes nothing.
 */
@Service
public class Registrations {

	private final JdbcClient jdbc;
	private final Schools schools;
	private final Specialties specialties;
	private final Plans plans;
	private final PersonRegistry persons;
	private final RegionDirectory regions;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	Registrations(JdbcClient jdbc, Schools schools, Specialties specialties, Plans plans, PersonRegistry persons,
			RegionDirectory regions, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.schools = schools;
		this.specialties = specialties;
		this.plans = plans;
		this.persons = persons;
		this.regions = regions;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** A request whose fields are well-formed, with the school and parsed values. */
	record Checked(IdNumber idNumber, String name, School school, String specialtyCode, ClassLevel classLevel,
			int intakeYear, IntakeSeason season, LearnerKind learnerKind, String studyMode, String origin,
			Long agreementId) {
	}

	@Transactional
	public Registration.Outcome register(Actor actor, Registration.Request request) {
		var school = schools.require(request.schoolCode());
		if (!Schools.mayActFor(actor, school)) {
			throw actor.refuse("enrolment.register", request.schoolCode(), null);
		}
		var c = check(request, school, LocalDate.now(clock));
		RealName person;
		try {
			person = persons.realName(c.idNumber(), c.name(), school.county(), "enrolment");
		}
		catch (BusinessException e) {
			if (e.code().equals("person.name-mismatch")) {
				throw new BusinessException("enrolment.name-mismatch").about("name");
			}
			throw e.about("idNumber");
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:index, 7))")
				.param("index", person.idNumberIndex().hex()).query().listOfRows();
		var replay = activeAt(person.idNumberIndex(), school.creditCode(), c.intakeYear(), c.season());
		if (replay.isPresent()) {
			return new Registration.Outcome(replay.get(), false);
		}
		refuseOtherEnrolment(person.idNumberIndex(), school);
		if (EnrolmentRules.crossCity(school, c.origin())) {
			throw new BusinessException("enrolment.cross-city", regionName(c.origin().substring(0, 4) + "00"),
					regionName(school.cityCode())).about("originRegionCode");
		}
		var headcount = plans.filedHeadcount(school.creditCode(), c.intakeYear(), c.season(), c.specialtyCode(),
				c.classLevel()).orElse(0);
		if (taken(school.creditCode(), c.intakeYear(), c.season(), c.specialtyCode(), c.classLevel()) >= headcount) {
			throw new BusinessException("enrolment.over-plan", headcount).about("specialtyCode");
		}
		var id = insert(c, person, "api:" + actor.username());
		audit.record(actor, "enrolment.register", "registration:" + id, AuditOutcome.SUCCESS, null);
		return new Registration.Outcome(id, true);
	}

	/** The field rules, in the order the refusals are documented; the same checks run for every imported row. */
	Checked check(Registration.Request r, School school, LocalDate today) {
		IdNumber id;
		try {
			id = IdNumber.parse(r.idNumber());
		}
		catch (InvalidValueException e) {
			throw new BusinessException("enrolment.invalid-id-number", e.code()).about("idNumber");
		}
		if (r.name() == null || r.name().isBlank()) {
			throw InvalidValueException.of("name", "enrolment.name.required");
		}
		var level = ClassLevel.parse(r.classLevel());
		if (level == null) {
			throw InvalidValueException.of("classLevel", "enrolment.class-level.unknown", r.classLevel());
		}
		var season = BusinessException.about("intakeSeason", () -> Plans.intake(r.intakeSeason()));
		if (r.intakeYear() == null || r.intakeYear() < 2000 || r.intakeYear() > today.getYear() + 1) {
			throw InvalidValueException.of("intakeYear", "enrolment.intake-year", r.intakeYear());
		}
		var kind = LearnerKind.parse(r.learnerKind());
		if (kind == null) {
			throw InvalidValueException.of("learnerKind", "enrolment.learner-kind.unknown", r.learnerKind());
		}
		if (!"FULL_TIME".equals(r.studyMode()) && !"PART_TIME".equals(r.studyMode())) {
			throw InvalidValueException.of("studyMode", "enrolment.study-mode.unknown", r.studyMode());
		}
		var origin = BusinessException.about("originRegionCode", () -> RegionCode.of(r.originRegionCode()));
		if (origin.inZhejiang() && regions.lookup(origin).isEmpty()) {
			throw InvalidValueException.of("originRegionCode", "region.unknown", origin.value());
		}
		if (r.agreementId() != null && jdbc.sql("select count(*) from enrolment.agreement where id = :id and school_code = :school")
				.param("id", r.agreementId()).param("school", school.creditCode()).query(Integer.class).single() == 0) {
			throw InvalidValueException.of("agreementId", "enrolment.agreement.unknown", r.agreementId());
		}
		if (EnrolmentRules.deadlinePassed(season, r.intakeYear(), today)) {
			throw new BusinessException("enrolment.deadline-passed", season.deadline(r.intakeYear()).toString())
					.about("intakeSeason");
		}
		var specialty = specialties.find(school.creditCode(), r.specialtyCode());
		if (specialty.isEmpty() || !specialty.get().offers(level)) {
			throw new BusinessException("enrolment.specialty-not-filed", r.specialtyCode(), level.nameZh())
					.about("specialtyCode");
		}
		return new Checked(id, r.name().strip(), school, r.specialtyCode(), level, r.intakeYear(), season, kind,
				r.studyMode(), origin.value(), r.agreementId());
	}

	/** 双重学籍: registered at another technical school, or enrolled on a roster of the education department. */
	void refuseOtherEnrolment(IdNumberIndex index, School school) {
		var other = jdbc.sql("""
				select r.school_code, r.name, r.id_number_masked from enrolment.registration r
				where r.person_index = :index and r.status = 'REGISTERED'
				order by r.id limit 1
				""").param("index", index).query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
				.optional();
		if (other.isPresent()) {
			if (other.get()[0].equals(school.creditCode())) {
				throw new ConflictException("enrolment.already-registered").about("idNumber");
			}
			var name = schools.find(other.get()[0]).map(School::name).orElse(other.get()[0]);
			throw new BusinessException("enrolment.dual-registration", "技工院校 " + name,
					Masking.name(other.get()[1]) + " " + other.get()[2]).about("idNumber");
		}
		jdbc.sql("""
				select school_type, school_name, name, id_number_masked from enrolment.roster_entry
				where person_index = :index and status = 'ENROLLED' limit 1
				""").param("index", index)
				.query((rs, i) -> new BusinessException("enrolment.dual-registration",
						("GENERAL_HIGH_SCHOOL".equals(rs.getString(1)) ? "普通高中 " : "中等职业学校 ") + rs.getString(2),
						Masking.name(rs.getString(3)) + " " + rs.getString(4)).about("idNumber"))
				.optional().ifPresent(e -> {
					throw e;
				});
	}

	Optional<Long> activeAt(IdNumberIndex index, String schoolCode, int year, IntakeSeason season) {
		return jdbc.sql("""
				select id from enrolment.registration where person_index = :index and school_code = :school
				  and intake_year = :year and intake_season = :season and status = 'REGISTERED'
				""").param("index", index).param("school", schoolCode).param("year", year)
				.param("season", season.name()).query(Long.class).optional();
	}

	/** Places of a plan line taken: registered or graduated students (withdrawn and transferred ones free theirs). */
	int taken(String schoolCode, int year, IntakeSeason season, String specialty, ClassLevel level) {
		return jdbc.sql("""
				select count(*) from enrolment.registration where school_code = :school and intake_year = :year
				  and intake_season = :season and specialty_code = :specialty and class_level = :level
				  and status in ('REGISTERED', 'GRADUATED')
				""").param("school", schoolCode).param("year", year).param("season", season.name())
				.param("specialty", specialty).param("level", level.name()).query(Integer.class).single();
	}

	long insert(Checked c, RealName person, String source) {
		var today = LocalDate.now(clock);
		var id = jdbc.sql("""
				insert into enrolment.registration (person_index, person_id, id_number_masked, name, school_code,
				    school_path, specialty_code, class_level, intake_year, intake_season, learner_kind, study_mode,
				    origin_region, agreement_id, registered_on, source)
				values (:index, :person, :masked, :name, :school, :path, :specialty, :level, :year, :season, :kind,
				    :mode, :origin, :agreement, :today, :source)
				returning id
				""").param("index", person.idNumberIndex()).param("person", person.personId())
				.param("masked", person.idNumberMasked()).param("name", c.name())
				.param("school", c.school().creditCode()).param("path", c.school().countyPath())
				.param("specialty", c.specialtyCode()).param("level", c.classLevel().name())
				.param("year", c.intakeYear()).param("season", c.season().name()).param("kind", c.learnerKind().name())
				.param("mode", c.studyMode()).param("origin", c.origin()).param("agreement", c.agreementId())
				.param("today", today).param("source", source).query(Long.class).single();
		archive(person.personId(), today, "REGISTERED", c.school().name(), c.specialtyCode(), c.intakeYear(),
				c.season().name(), null);
		events.publishEvent(new RegistrationChanged(id, c.school().countyPath(), c.intakeYear(), c.classLevel().name(),
				today, "REGISTERED", true));
		return id;
	}

	/** Withdrawn (退学), transferred away (转学) or graduated (毕业): from registered only; on the student's archive. */
	@Transactional
	public Registration changeStatus(Actor actor, long id, String status, String reason) {
		if (!List.of("WITHDRAWN", "TRANSFERRED", "GRADUATED").contains(status)) {
			throw new InvalidValueException("enrolment.status.unknown", status);
		}
		var r = find(actor, id);
		if (!"GRADUATED".equals(status) && (reason == null || reason.isBlank())) {
			throw new InvalidValueException("enrolment.status.reason-required");
		}
		changeStatus(r, status, reason, "api:" + actor.username());
		audit.record(actor, "enrolment.registration." + status.toLowerCase(), "registration:" + id,
				AuditOutcome.SUCCESS, reason);
		return find(actor, id);
	}

	void changeStatus(Registration r, String status, String reason, String by) {
		var today = LocalDate.now(clock);
		int changed = jdbc.sql("""
				update enrolment.registration set status = :status, status_on = :today, status_reason = :reason,
				    version = version + 1
				where id = :id and status = 'REGISTERED'
				""").param("status", status).param("today", today).param("reason", reason == null ? null : reason.strip())
				.param("id", r.id()).update();
		if (changed == 0) {
			throw new ConflictException("enrolment.status.not-registered", r.status());
		}
		var row = jdbc.sql("select person_id, school_path from enrolment.registration where id = :id").param("id", r.id())
				.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		var school = schools.find(r.schoolCode()).map(School::name).orElse(r.schoolCode());
		archive(PersonId.of((long) row[0]), today, status, school, r.specialtyCode(), r.intakeYear(), r.intakeSeason(), reason);
		events.publishEvent(new RegistrationChanged(r.id(), (String) row[1], r.intakeYear(), r.classLevel(),
				r.registeredOn(), status, "GRADUATED".equals(status)));
	}

	/** REG-4: the change reaches the student's lifelong archive by its event. */
	private void archive(PersonId personId, LocalDate on, String status, String school, String specialty, int year,
			String season, String reason) {
		events.publishEvent(new RegistrationStatusChanged(personId, on, status, school, specialty, year, season, reason));
	}

	@Transactional(readOnly = true)
	public Registration find(Actor actor, long id) {
		return visible(actor, "r.id = :id", Map.of("id", id), 1).stream().findFirst()
				.orElseThrow(() -> new NotFoundException("enrolment.registration.not-found"));
	}

	/** Which registrations a list shows; every field may be null. {@code region}: schools standing there or below. */
	public record Filter(String schoolCode, String specialtyCode, Integer intakeYear, String intakeSeason,
			String status, String region, String name) {
	}

	/** The columns a list of registrations sorts by. */
	public static final Map<String, String> SORTS = Map.of("registeredOn", "r.registered_on", "name", "r.name",
			"intake", "r.intake_year", "school", "r.school_code", "specialty", "r.specialty_code", "status", "r.status");

	/** A page of the registrations the actor sees, filtered, with the total. ID numbers masked. */
	@Transactional(readOnly = true)
	public Page<Registration> page(Actor actor, Filter filter, PageRequest request) {
		if (!actor.role().officer() && actor.role() != Role.TECHNICAL_SCHOOL) {
			throw new AccessDeniedException("registrations are for schools and officers");
		}
		var regionPath = filter.region() == null ? null
				: regions.pathOf(RegionCode.of(filter.region()))
						.orElseThrow(() -> new NotFoundException("region.not-found", filter.region()));
		var where = """
				from enrolment.registration r
				where ((:kind = 'REGION' and r.school_path like :path || '%')
				       or (:kind = 'ORGANISATION' and r.school_code = :organisation))
				  and (cast(:school as text) is null or r.school_code = :school)
				  and (cast(:specialty as text) is null or r.specialty_code = :specialty)
				  and (cast(:year as integer) is null or r.intake_year = :year)
				  and (cast(:season as text) is null or r.intake_season = :season)
				  and (cast(:status as text) is null or r.status = :status)
				  and (cast(:regionPath as text) is null or r.school_path like :regionPath || '%')
				  and (cast(:name as text) is null or r.name like '%' || :name || '%')
				""";
		var total = bind(jdbc.sql("select count(*) " + where), actor, filter, regionPath).query(Long.class).single();
		var rows = bind(jdbc.sql("select r.* " + where + " order by " + request.orderBy(SORTS, "r.id")
				+ " limit :size offset :offset"), actor, filter, regionPath).param("size", request.size())
				.param("offset", request.offset()).query(Registration.class).list();
		return Page.of(rows, total, request);
	}

	private static JdbcClient.StatementSpec bind(
			JdbcClient.StatementSpec spec, Actor actor, Filter f, String regionPath) {
		return spec.param("kind", actor.scope().kind().name())
				.param("path", actor.scope().regionPath() == null ? "" : actor.scope().regionPath())
				.param("organisation", actor.scope().value() == null ? "" : actor.scope().value())
				.param("school", f.schoolCode()).param("specialty", f.specialtyCode()).param("year", f.intakeYear())
				.param("season", f.intakeSeason()).param("status", f.status()).param("regionPath", regionPath)
				.param("name", f.name() == null || f.name().isBlank() ? null : f.name().strip());
	}

	/** Places of a filed plan not yet taken, per intake still open on {@code today}: what a school has left to fill. */
	public record OpenPlaces(int year, IntakeSeason season, LocalDate deadline, int places, int taken) {

		public int left() {
			return Math.max(0, places - taken);
		}
	}

	@Transactional(readOnly = true)
	public List<OpenPlaces> openPlaces(String schoolCode, LocalDate today) {
		return jdbc.sql("""
				select p.year, p.intake, sum(l.headcount) as places,
				    (select count(*) from enrolment.registration r where r.school_code = p.school_code
				       and r.intake_year = p.year and r.intake_season = p.intake
				       and r.status in ('REGISTERED', 'GRADUATED')) as taken
				from enrolment.plan p join enrolment.plan_line l on l.plan_id = p.id
				where p.school_code = :school and p.status = 'FILED'
				group by p.id, p.year, p.intake order by p.year, p.intake desc
				""").param("school", schoolCode).query((rs, i) -> {
					var season = IntakeSeason.valueOf(rs.getString("intake"));
					return new OpenPlaces(rs.getInt("year"), season, season.deadline(rs.getInt("year")),
							rs.getInt("places"), rs.getInt("taken"));
				}).list().stream().filter(o -> !EnrolmentRules.deadlinePassed(o.season(), o.year(), today)).toList();
	}

	/** Registrations the actor sees: a school its own, officers those of schools in their region. */
	@Transactional(readOnly = true)
	public List<Registration> list(Actor actor, String schoolCode, Integer year) {
		return visible(actor, """
				(cast(:school as text) is null or r.school_code = :school)
				and (cast(:year as integer) is null or r.intake_year = :year)
				""", Map.of(), 1000, schoolCode, year);
	}

	private List<Registration> visible(Actor actor, String where, Map<String, Object> params, int limit) {
		return visible(actor, where, params, limit, null, null);
	}

	private List<Registration> visible(Actor actor, String where, Map<String, Object> params, int limit,
			String schoolCode, Integer year) {
		if (!actor.role().officer() && actor.role() != Role.TECHNICAL_SCHOOL) {
			throw new AccessDeniedException("registrations are for schools and officers");
		}
		var spec = jdbc.sql("""
				select r.* from enrolment.registration r
				where ((:kind = 'REGION' and r.school_path like :path || '%')
				       or (:kind = 'ORGANISATION' and r.school_code = :organisation))
				  and """ + " " + where + " order by r.id desc limit :limit")
				.param("kind", actor.scope().kind().name())
				.param("path", actor.scope().regionPath() == null ? "" : actor.scope().regionPath())
				.param("organisation", actor.scope().value() == null ? "" : actor.scope().value())
				.param("limit", limit).param("school", schoolCode).param("year", year);
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		return spec.query(Registration.class).list();
	}

	private String regionName(String code) {
		return regions.lookup(RegionCode.of(code)).map(r -> r.name()).orElse(code);
	}
}
