package cn.gongjiang.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.catalogue.CodeItem;
import cn.gongjiang.catalogue.CodeLists;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;

/**
 * Enterprises (REG-2) and training providers (REG-3). Officers register and see those of their region; an
 * enterprise or provider account sees its own record.
 */
@Service
public class OrganisationRegistry {

	static final Set<String> SIZES = Set.of("MICRO", "SMALL", "MEDIUM", "LARGE");
	static final Set<String> SKILL_BASED = Set.of("NONE", "CANDIDATE", "RECOGNISED");
	/** The technical-school kinds (技工院校) come first: 技工学校, 高级技工学校, 技师学院. */
	public static final Set<String> TECHNICAL_SCHOOL_KINDS = Set.of("TECHNICAL_SCHOOL", "SENIOR_TECHNICAL_SCHOOL",
			"TECHNICIAN_COLLEGE");
	static final Set<String> PROVIDER_KINDS = Set.of("TECHNICAL_SCHOOL", "SENIOR_TECHNICAL_SCHOOL", "TECHNICIAN_COLLEGE", "VOCATIONAL_SCHOOL", "UNIVERSITY",
			"PRIVATE_INSTITUTION", "ENTERPRISE_CENTRE", "ONLINE_PLATFORM");
	static final Set<String> PROVIDER_STATUSES = Set.of("ACTIVE", "SUSPENDED", "EXITED");

	private final Organisations organisations;
	private final PersonRegistry persons;
	private final CodeLists codeLists;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;

	OrganisationRegistry(Organisations organisations, PersonRegistry persons, CodeLists codeLists, AuditLog audit,
			ApplicationEventPublisher events) {
		this.organisations = organisations;
		this.persons = persons;
		this.codeLists = codeLists;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public Enterprise registerEnterprise(Actor actor, EnterpriseRegistration e) {
		requireRegionalOfficer(actor, "enterprise.register", e.creditCode());
		var checked = checkEnterprise(e);
		var path = persons.county(checked.region()).path();
		requireOfficerCovering(actor, path, "enterprise.register", checked.creditCode());
		var id = organisations.upsertEnterprise(checked, path);
		events.publishEvent(new EnterprisesChanged(List.of(new EnterprisesChanged.State(checked.creditCode(), path,
				checked.skillBasedStatus(), checked.skillBasedYear(), checked.keyEnterprise()))));
		audit.record(actor, "enterprise.register", checked.creditCode(), AuditOutcome.SUCCESS, null);
		return organisations.enterprise(id, actor.scope()).orElseThrow();
	}

	Enterprise checkEnterprise(EnterpriseRegistration e) {
		persons.county(e.region());
		return checkEnterprise(e, industryFields());
	}

	/** The checks that need no database: reference data comes in, so a bulk import reads it once per file. */
	Enterprise checkEnterprise(EnterpriseRegistration e, Set<String> industryFields) {
		var credit = BusinessException.about("creditCode", () -> CreditCode.parse(e.creditCode())).value();
		requireName(e.name());
		if (e.size() != null && !SIZES.contains(e.size())) {
			throw InvalidValueException.of("size", "enterprise.size.unknown", e.size());
		}
		if (e.industryField() != null && !industryFields.contains(e.industryField())) {
			throw InvalidValueException.of("industryField", "enterprise.industry-field.unknown", e.industryField());
		}
		if (e.keyEnterprise() && (e.keyReason() == null || e.keyReason().isBlank())) {
			throw InvalidValueException.of("keyReason", "enterprise.key-reason.required");
		}
		var skill = e.skillBasedStatus() == null ? "NONE" : e.skillBasedStatus();
		if (!SKILL_BASED.contains(skill)) {
			throw InvalidValueException.of("skillBasedStatus", "enterprise.skill-based.unknown", skill);
		}
		if (skill.equals("RECOGNISED") != (e.skillBasedYear() != null)) {
			throw InvalidValueException.of("skillBasedStatus", "enterprise.skill-based.year");
		}
		return new Enterprise(0, credit, e.name().strip(), e.region(), e.industryField(), e.cluster(), e.size(),
				e.keyEnterprise(), e.keyEnterprise() ? e.keyReason().strip() : null, skill, e.skillBasedYear(),
				e.eightGradePilot(), 0);
	}

	@Transactional(readOnly = true)
	public List<Enterprise> enterprises(Actor actor, String creditCode, String name) {
		return organisations.enterprises(blankToNull(creditCode), blankToNull(name), actor.scope(), 200);
	}

	/**
	 * Organisations by part of their name, whoever asks (registered names are public), for pickers of accounts
	 * without a region: credit code and name. {@code kind}: enterprise, provider or school.
	 */
	@Transactional(readOnly = true)
	public List<Map.Entry<String, String>> named(String kind, String name, int limit) {
		if (name == null || name.isBlank()) {
			return List.of();
		}
		return switch (kind) {
			case "enterprise" -> organisations.named("registry.enterprise", name.strip(), null, limit);
			case "school" -> organisations.named("registry.provider", name.strip(), TECHNICAL_SCHOOL_KINDS, limit);
			default -> organisations.named("registry.provider", name.strip(), null, limit);
		};
	}

	/** One page of the enterprises an officer's region holds (an enterprise sees only itself), with the total. */
	@Transactional(readOnly = true)
	public Page<Enterprise> enterprisePage(Actor actor, OrganisationFilter filter,
			PageRequest request) {
		var path = actor.scope().regional() ? persons.regionFilter(actor, filter.region()) : null;
		return organisations.enterprisePage(actor.scope(), filter, path, request);
	}

	/** One page of the providers an officer's region holds (a provider sees only itself), with the total. */
	@Transactional(readOnly = true)
	public Page<Provider> providerPage(Actor actor, OrganisationFilter filter,
			PageRequest request) {
		var path = actor.scope().regional() ? persons.regionFilter(actor, filter.region()) : null;
		return organisations.providerPage(actor.scope(), filter, path, request);
	}

	@Transactional(readOnly = true)
	public Enterprise enterprise(Actor actor, long id) {
		return organisations.enterprise(id, actor.scope()).orElseThrow(() -> new NotFoundException("enterprise.not-found"));
	}

	@Transactional
	public Provider registerProvider(Actor actor, ProviderRegistration p) {
		requireRegionalOfficer(actor, "provider.register", p.creditCode());
		var checked = checkProvider(p);
		var path = persons.county(checked.region()).path();
		requireOfficerCovering(actor, path, "provider.register", checked.creditCode());
		var id = organisations.upsertProvider(checked, path);
		audit.record(actor, "provider.register", checked.creditCode(), AuditOutcome.SUCCESS, checked.status());
		return organisations.provider(id, actor.scope()).orElseThrow();
	}

	/** Industry-field codes by their Chinese names, for files that name the field instead of coding it. */
	Map<String, String> industryFieldsByName() {
		return codeLists.list("industry-field").stream()
				.collect(Collectors.toMap(CodeItem::nameZh, CodeItem::code, (a, b) -> a));
	}

	Set<String> industryFields() {
		return codeLists.list("industry-field").stream().map(CodeItem::code).collect(Collectors.toSet());
	}

	Provider checkProvider(ProviderRegistration p) {
		persons.county(p.region());
		return checkProviderFields(p);
	}

	/** The checks that need no database (the county is checked by the caller). */
	Provider checkProviderFields(ProviderRegistration p) {
		var credit = BusinessException.about("creditCode", () -> CreditCode.parse(p.creditCode())).value();
		requireName(p.name());
		if (p.kind() == null || !PROVIDER_KINDS.contains(p.kind())) {
			throw InvalidValueException.of("kind", "provider.kind.unknown", p.kind());
		}
		if (p.starRating() != null && (p.starRating() < 1 || p.starRating() > 5 || p.starYear() == null)) {
			throw InvalidValueException.of("starRating", "provider.star-rating");
		}
		var status = p.status() == null ? "ACTIVE" : p.status();
		if (status == null || !PROVIDER_STATUSES.contains(status)) {
			throw InvalidValueException.of("status", "provider.status.unknown", status);
		}
		if (!status.equals("ACTIVE") && (p.statusReason() == null || p.statusReason().isBlank() || p.statusDate() == null)) {
			throw InvalidValueException.of("status", "provider.status.reason-required");
		}
		return new Provider(0, credit, p.name().strip(), p.kind(), p.licenceNumber(), p.licenceValidUntil(),
				p.region(), p.starRating(), p.starRating() == null ? null : p.starYear(), status,
				status.equals("ACTIVE") ? null : p.statusReason(), status.equals("ACTIVE") ? null : p.statusDate(), 0);
	}

	/** Any enterprise by credit code, whoever asks: for checking a code another module was given. */
	@Transactional(readOnly = true)
	public Optional<Enterprise> enterprise(String creditCode) {
		return organisations.enterpriseAnywhere(creditCode);
	}

	/** Enterprises the officers designated key (重点企业) in the actor's region. */
	@Transactional(readOnly = true)
	public List<Enterprise> keyEnterprises(Actor actor) {
		return organisations.keyEnterprises(actor.scope());
	}

	/** SUP-1: the stars a provider earned in a year's evaluation; officers covering it record them. */
	@Transactional
	public Provider rate(Actor actor, String creditCode, int stars, int year) {
		var provider = covered(actor, creditCode, "provider.rate");
		if (stars < 1 || stars > 5) {
			throw new InvalidValueException("provider.star-rating");
		}
		organisations.rate(provider.creditCode(), stars, year);
		audit.record(actor, "provider.rate", creditCode, AuditOutcome.SUCCESS, stars + "★ " + year);
		return organisations.providerAnywhere(creditCode).orElseThrow();
	}

	/** SUP-1: suspension, exit, or reinstatement, with the reason and the day; a suspended provider trains nobody. */
	@Transactional
	public Provider changeStatus(Actor actor, String creditCode, String status, String reason,
			LocalDate on) {
		var provider = covered(actor, creditCode, "provider.status");
		if (status == null || !PROVIDER_STATUSES.contains(status)) {
			throw new InvalidValueException("provider.status.unknown", status);
		}
		if (!status.equals("ACTIVE") && (reason == null || reason.isBlank())) {
			throw new InvalidValueException("provider.status.reason-required");
		}
		organisations.changeStatus(provider.creditCode(), status, status.equals("ACTIVE") ? null : reason.strip(),
				status.equals("ACTIVE") ? null : on);
		audit.record(actor, "provider.status", creditCode, AuditOutcome.SUCCESS, status + " " + reason);
		return organisations.providerAnywhere(creditCode).orElseThrow();
	}

	private Provider covered(Actor actor, String creditCode, String action) {
		var provider = organisations.providerAnywhere(creditCode)
				.orElseThrow(() -> new NotFoundException("provider.not-found", creditCode));
		var path = persons.county(provider.region()).path();
		requireOfficerCovering(actor, path, action, creditCode);
		return provider;
	}

	/** Any provider by credit code, whoever asks: for checking a code another module was given (providers are public). */
	@Transactional(readOnly = true)
	public Optional<Provider> provider(String creditCode) {
		return organisations.providerAnywhere(creditCode);
	}

	/** A provider's code, name, kind, region path and status, whoever asks (providers are public). */
	@Transactional(readOnly = true)
	public Optional<ProviderIdentity> providerIdentity(String creditCode) {
		return organisations.providerIdentity(creditCode);
	}

	@Transactional(readOnly = true)
	public List<Provider> providers(Actor actor, String creditCode, String name) {
		return organisations.providers(blankToNull(creditCode), blankToNull(name), actor.scope(), 200);
	}

	@Transactional(readOnly = true)
	public Provider provider(Actor actor, long id) {
		return organisations.provider(id, actor.scope()).orElseThrow(() -> new NotFoundException("provider.not-found"));
	}

	/** Before the input is read: a role that may never register learns nothing about what a valid one is. */
	private void requireRegionalOfficer(Actor actor, String action, String target) {
		if (!actor.regionalOfficer()) {
			throw actor.refuse(action, target, null);
		}
	}

	private void requireOfficerCovering(Actor actor, String path, String action, String target) {
		if (!actor.officerCovering(path)) {
			throw actor.refuse(action, target, null);
		}
	}

	private static void requireName(String name) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw InvalidValueException.of("name", "organisation.name.required");
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
