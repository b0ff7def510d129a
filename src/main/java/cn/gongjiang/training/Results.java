package cn.gongjiang.training;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.certification.CertificateRequest;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.OccupationCode;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Results (TRN-4): after the class, the provider records per trainee whether they passed; a pass with a certificate
 * issues it through the certification module, naming the enrolment it came from. Enterprises' own evaluation and
 * direct recognition of grades (001 (七)) are recorded on the person's archive with their basis.
 */
@Service
public class Results {

	/** One trainee's result; for a pass, the certificate issued for it (type, number, grade). */
	public record Result(Long enrolmentId, boolean passed, String certificateType, String certificateNumber,
			String grade) {
	}

	/** A grade an enterprise gives its employee by its own evaluation, or directly recognises (破格直接认定). */
	public record Recognition(String idNumber, String name, String occupationCode, String grade, String basis,
			String reason) {
	}

	static final Set<String> BASES = Set.of("SELF_EVALUATION", "DIRECT_RECOGNITION");

	private final JdbcClient jdbc;
	private final ClassEnrolments enrolments;
	private final TrainingClasses classes;
	private final Vouchers vouchers;
	private final CertificateRegister certificates;
	private final PersonalDataCipher cipher;
	private final PersonRegistry persons;
	private final OrganisationRegistry organisations;
	private final OccupationCatalogue occupations;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Results(JdbcClient jdbc, ClassEnrolments enrolments, TrainingClasses classes, Vouchers vouchers,
			CertificateRegister certificates, PersonalDataCipher cipher, PersonRegistry persons,
			OrganisationRegistry organisations, OccupationCatalogue occupations, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.enrolments = enrolments;
		this.classes = classes;
		this.vouchers = vouchers;
		this.certificates = certificates;
		this.cipher = cipher;
		this.persons = persons;
		this.organisations = organisations;
		this.occupations = occupations;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public List<ClassEnrolment> record(Actor actor, long classId, List<Result> results) {
		var provider = classes.activeProvider(actor);
		var c = classes.find(classId);
		if (!c.providerCode().equals(provider.creditCode())) {
			throw new NotFoundException("training.class.not-found");
		}
		if (!c.status().equals("FINISHED")) {
			throw new ConflictException("training.result.class-open");
		}
		for (var r : results) {
			var row = jdbc.sql("""
					select status, result, person_id, id_number_sealed, name from training.enrolment
					where id = :id and class_id = :class for update
					""").param("id", r.enrolmentId()).param("class", classId).query().listOfRows().stream().findFirst()
					.orElseThrow(() -> new NotFoundException("training.enrolment.not-found", r.enrolmentId()));
			if (row.get("result") != null) {
				throw new ConflictException("training.result.recorded", r.enrolmentId());
			}
			if (r.passed() && !"COMPLETED".equals(row.get("status"))) {
				throw new BusinessException("training.result.not-completed", r.enrolmentId());
			}
			String number = null;
			if (r.passed() && r.certificateNumber() != null) {
				var holder = cipher.open((byte[]) row.get("id_number_sealed"));
				var issued = certificates.issue(actor, new CertificateRequest(r.certificateNumber(), holder,
						(String) row.get("name"), r.certificateType(), c.occupationCode(),
						r.grade() == null ? c.grade() : r.grade(), LocalDate.now(clock), r.enrolmentId()));
				number = issued.number();
				vouchers.advance(r.enrolmentId(), "EVALUATED");
			}
			jdbc.sql("update training.enrolment set result = :result, certificate_number = :number where id = :id")
					.param("result", r.passed() ? "PASSED" : "FAILED").param("number", number)
					.param("id", r.enrolmentId()).update();
			enrolments.archive(PersonId.of(((Number) row.get("person_id")).longValue()), r.passed() ? "PASSED" : "FAILED", c,
					number);
		}
		audit.record(actor, "training.results", "class:" + classId, AuditOutcome.SUCCESS, results.size() + " results");
		return enrolments.ofClass(actor, classId);
	}

	/** 001 (七): an enterprise's own evaluation, or a direct recognition, recorded on its employee's archive. */
	@Transactional
	public void recognise(Actor actor, Recognition r) {
		if (actor.role() != Role.ENTERPRISE) {
			throw new AccessDeniedException("enterprises evaluate their own employees");
		}
		var enterprise = organisations.enterprise(actor.scope().value()).orElseThrow();
		if (r.basis() == null || !BASES.contains(r.basis())) {
			throw new InvalidValueException("training.recognition.basis", r.basis());
		}
		if (r.reason() == null || r.reason().isBlank()) {
			throw new InvalidValueException("training.recognition.reason-required");
		}
		occupations.find(OccupationCode.of(r.occupationCode()));
		var grade = SkillGrade.fromCode(r.grade());
		var person = persons.employeeOf(actor, IdNumber.parse(r.idNumber()), r.name());
		events.publishEvent(new GradeRecognised(person.personId(), LocalDate.now(clock), grade.code(),
				r.occupationCode(), r.basis(), r.reason().strip(), enterprise.name(), enterprise.creditCode()));
		audit.record(actor, "training.recognition", person.idNumberMasked(), AuditOutcome.SUCCESS, r.basis());
	}
}
