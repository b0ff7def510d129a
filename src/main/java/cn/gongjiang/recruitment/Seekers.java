package cn.gongjiang.recruitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.certification.Certificate;
import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.certification.CertificatesIssued;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.registry.PersonProfile;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.OccupationCode;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Who may be contacted about jobs (REC-2): a worker registers themselves (or consents as a trainee), an officer
 * registers a job seeker by real name, a school puts forward its graduating students. A seeker's skills follow
 * their certificates; a hire makes them placed, so they are no longer proposed.
 */
@Service
public class Seekers {

	private final JdbcClient jdbc;
	private final PersonRegistry persons;
	private final CertificateRegister certificates;
	private final OccupationCatalogue occupations;
	private final AuditLog audit;
	private final Clock clock;

	Seekers(JdbcClient jdbc, PersonRegistry persons, CertificateRegister certificates, OccupationCatalogue occupations,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.persons = persons;
		this.certificates = certificates;
		this.occupations = occupations;
		this.audit = audit;
		this.clock = clock;
	}

	/** A worker registers as a job seeker (or, from their training, consents to be contacted). */
	@Transactional
	public Seeker registerSelf(Actor worker, Seeker.Basis basis, String wantedOccupation, Integer expectedWage) {
		if (worker.role() != Role.WORKER) {
			throw new AccessDeniedException("workers register themselves");
		}
		if (basis != Seeker.Basis.REGISTERED && basis != Seeker.Basis.TRAINEE_CONSENT) {
			throw new InvalidValueException("recruitment.seeker.basis.invalid", basis);
		}
		var index = worker.scope().personIndex();
		var profile = persons.profile(index).orElseThrow(() -> new NotFoundException("person.not-found"));
		return save(profile.personId().value(), index, profile.name(), profile.idNumberMasked(), residence(profile), basis,
				wantedOccupation, expectedWage, null, worker);
	}

	/** An officer registers a job seeker by real name (就业登记), of their region. */
	@Transactional
	public Seeker register(Actor officer, String idNumber, String name, Seeker.Basis basis, String wantedOccupation,
			Integer expectedWage) {
		officer.requireRegionalOfficer();
		var number = IdNumber.parse(idNumber);
		var person = persons.realName(number, name, null, "recruitment");
		var profile = persons.profile(person.idNumberIndex()).orElseThrow();
		// a person known only by real name so far has no residence: registered by the officer, they live in the
		// officer's region until the registry knows better
		var home = profile.residencePath() == null && profile.hukouPath() == null ? officer.scope().regionPath()
				: residence(profile);
		if (!officer.scope().covers(home)) {
			throw officer.refuse("recruitment.seeker.register", number.masked(), "outside scope");
		}
		return save(profile.personId().value(), person.idNumberIndex(), profile.name(), profile.idNumberMasked(), home, basis,
				wantedOccupation, expectedWage, null, officer);
	}

	/** A school puts forward one of its graduating students (毕业生), by real name. */
	@Transactional
	public Seeker putForwardGraduate(Actor school, String idNumber, String name, String wantedOccupation) {
		if (school.role() != Role.TECHNICAL_SCHOOL) {
			throw new AccessDeniedException("schools put forward their students");
		}
		var number = IdNumber.parse(idNumber);
		var person = persons.realName(number, name, null, "recruitment");
		var profile = persons.profile(person.idNumberIndex()).orElseThrow();
		return save(profile.personId().value(), person.idNumberIndex(), profile.name(), profile.idNumberMasked(),
				residence(profile), Seeker.Basis.GRADUATING, wantedOccupation, null, school.scope().value(), school);
	}

	/** A seeker withdraws (found work elsewhere, no longer looking): no more proposals. */
	@Transactional
	public void withdraw(Actor worker) {
		var index = worker.scope().personIndex().bytes();
		jdbc.sql("update recruitment.seeker set status = 'WITHDRAWN', updated_at = now(), version = version + 1 "
				+ "where person_index = :index and status = 'SEEKING'").param("index", index).update();
	}

	@Transactional(readOnly = true)
	public Optional<Seeker> find(long personId) {
		return jdbc.sql("select * from recruitment.seeker where person_id = :id").param("id", personId)
				.query((rs, i) -> map(rs)).optional().map(this::withSkills);
	}

	@Transactional(readOnly = true)
	public Optional<Seeker> ofWorker(Actor worker) {
		if (worker.role() != Role.WORKER) {
			return Optional.empty();
		}
		return jdbc.sql("select * from recruitment.seeker where person_index = :index")
				.param("index", worker.scope().personIndex().bytes()).query((rs, i) -> map(rs)).optional()
				.map(this::withSkills);
	}

	/** The graduating students a school put forward, newest first, with where they stand (seeking or placed). */
	@Transactional(readOnly = true)
	public List<Seeker> ofSchool(Actor school, int limit) {
		if (school.role() != Role.TECHNICAL_SCHOOL) {
			return List.of();
		}
		return jdbc.sql("select * from recruitment.seeker where school_code = :school order by since desc, person_id desc "
				+ "limit :limit").param("school", school.scope().value()).param("limit", limit)
				.query((rs, i) -> map(rs)).list().stream().map(this::withSkills).toList();
	}

	/** The seeker's skills follow a new certificate (REC-2 ranks by what certificates attest). */
	@ApplicationModuleListener
	void on(CertificateIssued issued) {
		var index = issued.holderIndex();
		jdbc.sql("select person_id from recruitment.seeker where person_index = :index").param("index", index)
				.query(Long.class).optional().ifPresent(personId -> refreshSkills(personId, index));
	}

	/** An imported chunk of certificates: the seekers among its holders, found with one look-up, have their skills follow. */
	@ApplicationModuleListener
	void on(CertificatesIssued issued) {
		var indexes = issued.certificates().stream().map(c -> c.holderIndex().hex()).distinct().toArray(String[]::new);
		jdbc.sql("""
				select person_id, person_index from recruitment.seeker
				where person_index in (select decode(i, 'hex') from unnest(cast(:indexes as text[])) i)
				""").param("indexes", indexes).query((rs, i) -> new Object[] { rs.getLong(1),
						IdNumberIndex.of(rs.getBytes(2)) }).list()
				.forEach(s -> refreshSkills((Long) s[0], (IdNumberIndex) s[1]));
	}

	/** Marks a seeker placed; false when they already were (a second hire races the first). */
	boolean place(long personId) {
		return jdbc.sql("update recruitment.seeker set status = 'PLACED', updated_at = now(), version = version + 1 "
				+ "where person_id = :id and status = 'SEEKING'").param("id", personId).update() == 1;
	}

	private Seeker save(long personId, IdNumberIndex index, String name, String masked, String residencePath,
			Seeker.Basis basis, String wantedOccupation, Integer expectedWage, String school, Actor actor) {
		String wanted = null;
		if (wantedOccupation != null && !wantedOccupation.isBlank()) {
			wanted = OccupationCode.of(wantedOccupation).value();
			if (!occupations.exists(OccupationCode.of(wanted))) {
				throw new InvalidValueException("occupation.not-found", wanted);
			}
		}
		if (expectedWage != null && (expectedWage < 1000 || expectedWage > 200_000)) {
			throw new InvalidValueException("recruitment.seeker.wage.invalid");
		}
		var placed = jdbc.sql("select status = 'PLACED' from recruitment.seeker where person_id = :id")
				.param("id", personId).query(Boolean.class).optional().orElse(false);
		if (placed) {
			throw new ConflictException("recruitment.already-placed");
		}
		jdbc.sql("""
				insert into recruitment.seeker (person_id, person_index, name, id_number_masked, residence_path, basis,
				    wanted_occupation, expected_wage, since, school_code)
				values (:id, :index, :name, :masked, :home, :basis, :wanted, :wage, :since, :school)
				on conflict (person_id) do update set basis = excluded.basis,
				    wanted_occupation = coalesce(excluded.wanted_occupation, recruitment.seeker.wanted_occupation),
				    expected_wage = coalesce(excluded.expected_wage, recruitment.seeker.expected_wage),
				    school_code = coalesce(excluded.school_code, recruitment.seeker.school_code),
				    status = 'SEEKING', residence_path = excluded.residence_path, updated_at = now(),
				    version = recruitment.seeker.version + 1
				""").param("id", personId).param("index", index).param("name", name).param("masked", masked)
				.param("home", residencePath).param("basis", basis.name()).param("wanted", wanted)
				.param("wage", expectedWage).param("since", LocalDate.now(clock)).param("school", school).update();
		refreshSkills(personId, index);
		audit.record(actor, "recruitment.seeker.register", masked, AuditOutcome.SUCCESS, basis.name());
		return find(personId).orElseThrow();
	}

	/** The best grade rank per occupation the person's valid certificates attest (0 for one without a grade). */
	void refreshSkills(long personId, IdNumberIndex index) {
		var best = skills(certificates.forHolderIndex(index));
		jdbc.sql("delete from recruitment.seeker_skill where person_id = :id").param("id", personId).update();
		best.forEach((occupation, rank) -> jdbc.sql("""
				insert into recruitment.seeker_skill (person_id, occupation_code, grade_rank) values (:id, :occupation, :rank)
				""").param("id", personId).param("occupation", occupation).param("rank", rank).update());
	}

	/** The best grade rank per occupation of valid certificates (0 for one without a grade): a seeker's skills. */
	static Map<String, Integer> skills(List<Certificate> held) {
		var best = new TreeMap<String, Integer>();
		for (var c : held) {
			if (c.occupationCode() != null && "VALID".equals(c.status())) {
				best.merge(c.occupationCode(), c.grade() == null ? 0 : SkillGrade.fromCode(c.grade()).rank(), Math::max);
			}
		}
		return best;
	}

	private static String residence(PersonProfile profile) {
		if (profile.residencePath() != null) {
			return profile.residencePath();
		}
		if (profile.hukouPath() != null) {
			return profile.hukouPath();
		}
		return "/330000/";
	}

	private Seeker withSkills(Seeker s) {
		var skills = new LinkedHashMap<String, Integer>();
		jdbc.sql("select occupation_code, grade_rank from recruitment.seeker_skill where person_id = :id order by grade_rank desc")
				.param("id", s.personId()).query((rs, i) -> skills.put(rs.getString(1), rs.getInt(2))).list();
		return new Seeker(s.personId(), s.name(), s.idNumberMasked(), s.residencePath(), s.basis(), s.wantedOccupation(),
				s.expectedWage(), s.status(), s.since(), s.schoolCode(), Map.copyOf(skills), s.version());
	}

	static Seeker map(ResultSet rs) throws SQLException {
		return new Seeker(rs.getLong("person_id"), rs.getString("name"), rs.getString("id_number_masked"),
				rs.getString("residence_path"), Seeker.Basis.valueOf(rs.getString("basis")),
				rs.getString("wanted_occupation"), (Integer) rs.getObject("expected_wage"),
				Seeker.Status.valueOf(rs.getString("status")), rs.getObject("since", LocalDate.class),
				rs.getString("school_code"), Map.of(), rs.getInt("version"));
	}
}
