package cn.gongjiang.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.privacy.Masking;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.OccupationCode;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.Violation;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/** Issuing, revoking and verifying certificates (CRT-1, CRT-2). */
@Service
public class CertificateRegister {

	/** What the API says for each field left empty. */
	private static final Map<String, String> REQUIRED = Map.of("number",
			"certificate.number.required", "holderIdNumber", "certificate.id-number.required", "holderName",
			"certificate.name.required", "type", "certificate.type.required", "occupationCode",
			"certificate.occupation.required", "grade", "certificate.grade.required", "issuer",
			"certificate.issuer.required", "issuedOn", "certificate.issued-on.required");

	private final Certificates certificates;
	private final PersonalDataCipher cipher;
	private final OccupationCatalogue occupations;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	private final EvaluationFilings filings;

	CertificateRegister(Certificates certificates, PersonalDataCipher cipher, OccupationCatalogue occupations,
			ApplicationEventPublisher events, AuditLog audit, Clock clock, EvaluationFilings filings) {
		this.filings = filings;
		this.certificates = certificates;
		this.cipher = cipher;
		this.occupations = occupations;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** Evaluation bodies (providers, technical schools) and officers issue; the issuer is the acting organisation. */
	static boolean mayIssue(Actor actor) {
		return actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL
				|| actor.regionalOfficer();
	}

	@Transactional
	public Certificate issue(Actor actor, CertificateRequest request) {
		if (!mayIssue(actor)) {
			throw actor.refuse("certificate.issue", request.number(), null);
		}
		var result = check().check(request.number(), request.holderIdNumber(), request.holderName(), request.type(),
				request.occupationCode(), request.grade(), actor.displayName(), request.issuedOn());
		if (!result.problems().isEmpty()) {
			throw new InvalidValueException(result.problems().stream().map(p -> p.code().equals("required")
					? new Violation(p.field(), REQUIRED.get(p.field()), p.arguments()) : p).toList());
		}
		var c = result.certificate();
		if (certificates.numberTaken(c.number())) {
			throw new ConflictException("certificate.number.taken", c.number());
		}
		var holder = cipher.index(c.holder());
		// an officer certifies the people of their own region, registered there first; an evaluation body
		// certifies whoever it evaluated
		if (actor.role().officer() && !actor.officerCovering(certificates.registeredRegion(holder).orElse(null))) {
			throw actor.refuse("certificate.issue", c.number(), "holder out of scope");
		}
		if (certificates.registeredName(holder).filter(n -> !n.equals(c.name())).isPresent()) {
			throw new InvalidValueException("certificate.name-mismatch");
		}
		var filing = entitlement(actor, c);
		var id = certificates.insert(c, holder, "api:" + actor.username(), request.trainingEnrolmentId(),
				filing.map(EvaluationFiling::id).orElse(null));
		events.publishEvent(new CertificateIssued(id, c.number(), holder, c.type().code(),
				c.occupation(), c.grade() == null ? null : c.grade().code(), c.issuedOn(), c.issuer(),
				request.trainingEnrolmentId()));
		audit.record(actor, "certificate.issue", c.number(), AuditOutcome.SUCCESS, null);
		return certificates.byNumber(c.number()).orElseThrow();
	}

	/**
	 * SUB-3 (issue 19): a provider or school certifies a skill only under a standing filing to evaluate that
	 * occupation; a training-completion certificate is its own to give. Officers record what an evaluation body
	 * decided, and carry no filing.
	 */
	private Optional<EvaluationFiling> entitlement(Actor actor, CertificateCheck.Checked c) {
		if (!evaluatesItself(actor) || !needsEvaluation(c.type().code())) {
			return Optional.empty();
		}
		var filing = filings.entitling(actor.scope().value(), c.occupation(), c.issuedOn());
		if (filing.isEmpty()) {
			audit.record(actor, "certificate.issue", c.number(), AuditOutcome.DENIED, "not filed for " + c.occupation());
			throw new BusinessException("certificate.evaluator.not-filed", occupationName(c.occupation()));
		}
		return filing;
	}

	/**
	 * A provider or school issues what it evaluated itself, so under its filings; an officer records what an
	 * evaluation body decided. (Only these may issue at all: {@link #mayIssue}.)
	 */
	static boolean evaluatesItself(Actor actor) {
		return actor != null && !actor.role().officer();
	}

	/** Every type but a training-completion certificate (培训合格证书) records an evaluation. */
	static boolean needsEvaluation(String type) {
		return !"training-completion".equals(type);
	}

	private String occupationName(String code) {
		return code == null ? "" : code + " " + occupations.nameOf(code);
	}

	@Transactional
	public Certificate revoke(Actor actor, String number, String reason) {
		actor.requireRegionalOfficer("certificate.revoke", number);
		var certificate = certificates.byNumber(number).orElseThrow(() -> new NotFoundException("certificate.not-found"));
		// the officers of the holder's region revoke; another city's certificate answers as if it did not exist
		if (!actor.officerCovering(certificates.registeredRegion(certificates.holderOf(certificate.id())).orElse(null))) {
			audit.record(actor, "certificate.revoke", number, AuditOutcome.DENIED, "holder out of scope");
			throw new NotFoundException("certificate.not-found");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidValueException("certificate.revoke.reason-required");
		}
		var today = LocalDate.now(clock);
		if (!certificates.revoke(certificate.id(), reason.strip(), today)) {
			throw new ConflictException("certificate.already-revoked", number);
		}
		events.publishEvent(new CertificateRevoked(certificate.id(), number,
				certificates.holderOf(certificate.id()), reason.strip(), today));
		audit.record(actor, "certificate.revoke", number, AuditOutcome.SUCCESS, reason.strip());
		return certificates.byNumber(number).orElseThrow();
	}

	/**
	 * Public verification (CRT-2): the number and the holder's name must both match, and a mismatch answers exactly
	 * like an unknown number, so the endpoint cannot be used to find out whose certificate a number is.
	 */
	@Transactional(readOnly = true)
	public Verification verify(String number, String name) {
		if (number == null || name == null || number.isBlank() || name.isBlank()) {
			throw new NotFoundException("certificate.verify.no-match");
		}
		var certificate = certificates.byNumber(number.strip())
				.filter(c -> c.holderName().equals(name.strip()))
				.orElseThrow(() -> new NotFoundException("certificate.verify.no-match"));
		var type = CertificateType.fromCode(certificate.type());
		var occupation = certificate.occupationCode() == null ? null
				: certificate.occupationCode() + " " + occupations.find(OccupationCode.of(
						certificate.occupationCode())).name();
		var grade = certificate.grade() == null ? null : SkillGrade.fromCode(certificate.grade()).nationalLabelZh();
		return new Verification(certificate.status().equals("VALID"), certificate.number(), type.nameZh(), occupation,
				grade, certificate.issuer(), certificate.issuedOn(), Masking.name(certificate.holderName()),
				certificate.type(), certificate.occupationCode(), certificate.grade(), certificate.revokedOn());
	}

	/**
	 * SUP-3: certificates issued through the API since a day without a class the platform knows behind them, to
	 * holders the registry places in a region (the province: every holder), for the anomaly list (a signal to look
	 * at, not a verdict: an evaluation body may certify people trained elsewhere).
	 */
	@Transactional(readOnly = true)
	public List<Certificate> issuedWithoutTraining(String regionPath, LocalDate since, int limit) {
		return certificates.withoutTraining(regionPath, since, limit);
	}

	/** A person's certificates, for their lifelong archive; the caller has checked the person is in scope. */
	@Transactional(readOnly = true)
	public List<Certificate> forHolder(IdNumber holder) {
		return certificates.forHolder(cipher.index(holder));
	}

	@Transactional(readOnly = true)
	public List<Certificate> forHolderIndex(IdNumberIndex holderIndex) {
		return certificates.forHolder(holderIndex);
	}

	/** Several holders' certificates at once (an imported chunk's), by holder; holders without any are absent. */
	@Transactional(readOnly = true)
	public Map<IdNumberIndex, List<Certificate>> forHolderIndexes(Collection<IdNumberIndex> holderIndexes) {
		return holderIndexes.isEmpty() ? Map.of() : certificates.forHolders(List.copyOf(holderIndexes));
	}

	/** Valid certificates after an id, in id order, for deciding in bulk what was issued before a reaction existed. */
	@Transactional(readOnly = true)
	public List<CertificateIssued> validAfter(long afterId, int limit) {
		return certificates.validAfter(afterId, limit);
	}

	/** A valid certificate as a fact another module's rule can check (holder, type, grade, occupation). */
	@Transactional(readOnly = true)
	public Optional<CertificateIssued> validFact(String number) {
		return number == null ? Optional.empty() : certificates.validFact(number.strip());
	}

	CertificateCheck check() {
		return new CertificateCheck(occupations.allCodes(), LocalDate.now(clock));
	}
}
