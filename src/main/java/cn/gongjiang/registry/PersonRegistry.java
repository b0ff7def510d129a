package cn.gongjiang.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.catalogue.CodeLists;
import cn.gongjiang.privacy.Masking;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;

/**
 * The person registry (REG-1): one real-name record per ID number. Officers register and find people of their
 * region (by residence or hukou); a worker sees only themselves; nobody else sees persons at all.
 */
@Service
public class PersonRegistry {

	private final Persons persons;
	private final PersonalDataCipher cipher;
	private final RegionDirectory regions;
	private final CodeLists codeLists;
	private final AuditLog audit;
	private final Clock clock;

	PersonRegistry(Persons persons, PersonalDataCipher cipher, RegionDirectory regions, CodeLists codeLists,
			AuditLog audit, Clock clock) {
		this.persons = persons;
		this.cipher = cipher;
		this.regions = regions;
		this.codeLists = codeLists;
		this.audit = audit;
		this.clock = clock;
	}

	/** Registers a person or updates their record; the same registration twice changes nothing. */
	@Transactional
	public PersonSummary register(Actor actor, PersonRegistration registration) {
		if (!actor.role().officer() || !actor.scope().regional()) {
			throw new AccessDeniedException("officers register persons");
		}
		var upsert = prepare(registration);
		if (!actor.scope().covers(upsert.residencePath()) && !actor.scope().covers(upsert.hukouPath())) {
			audit.record(actor, "person.register", upsert.idNumberMasked(), AuditOutcome.DENIED, "outside scope");
			throw new AccessDeniedException("the person's residence or hukou must lie in the officer's region");
		}
		var saved = persons.upsert(upsert);
		if (saved.outcome() == Persons.Outcome.CREATED) {
			persons.recordEvent(saved.id(), LocalDate.now(clock), "REGISTERED",
					"{\"residenceRegion\": %s}".formatted(jsonString(upsert.residenceRegion())), "api:" + actor.username());
		}
		if (saved.outcome() != Persons.Outcome.UNCHANGED) {
			audit.record(actor, "person." + saved.outcome().name().toLowerCase(), "person:" + saved.id(),
					AuditOutcome.SUCCESS, null);
		}
		return persons.find(saved.id(), actor.scope()).orElseThrow().summary();
	}

	/**
	 * Checks a registration and turns it into what is stored: the number sealed, indexed and masked, regions resolved
	 * to paths. Every broken rule is an {@link InvalidValueException} naming it.
	 */
	Persons.Upsert prepare(PersonRegistration r) {
		var idNumber = IdNumber.parse(r.idNumber());
		var name = r.name() == null ? "" : r.name().strip();
		if (name.isEmpty() || name.length() > 50) {
			throw new InvalidValueException("person.name.required");
		}
		var sex = idNumber.male() ? "M" : "F";
		if (r.sex() != null && !r.sex().isBlank() && !sexMatches(r.sex().strip(), sex)) {
			throw new InvalidValueException("person.sex.mismatch");
		}
		if (r.birthDate() != null && !r.birthDate().equals(idNumber.birthDate())) {
			throw new InvalidValueException("person.birth-date.mismatch");
		}
		String hukouPath = null;
		String hukou = blankToNull(r.hukouRegion());
		if (hukou != null) {
			var code = RegionCode.of(hukou);
			if (code.inZhejiang()) {
				hukouPath = regions.pathOf(code).orElseThrow(() -> new InvalidValueException("region.unknown", hukou));
			}
		}
		String residencePath = null;
		String residence = blankToNull(r.residenceRegion());
		if (residence != null) {
			residencePath = county(residence).path();
		}
		var mobile = blankToNull(r.mobile());
		if (mobile != null && !mobile.matches("1\\d{10}")) {
			throw new InvalidValueException("person.mobile.format");
		}
		var groups = r.groups() == null ? List.<String>of() : r.groups().stream().map(String::strip)
				.filter(g -> !g.isEmpty()).distinct().sorted().toList();
		var known = knownGroups();
		for (var group : groups) {
			if (!known.contains(group)) {
				throw new InvalidValueException("person.group.unknown", group);
			}
		}
		var employer = blankToNull(r.employerCreditCode());
		if (employer != null) {
			employer = CreditCode.parse(employer).value();
		}
		var salary = blankToNull(r.salaryBand());
		if (salary != null) {
			salary = SalaryBand.fromCode(salary).code();
		}
		return new Persons.Upsert(cipher.index(idNumber.value()), cipher.seal(idNumber.value()), idNumber.masked(),
				name, sex, idNumber.birthDate(), hukou, hukouPath, residence, residencePath,
				mobile == null ? null : cipher.seal(mobile), mobile == null ? null : cipher.index(mobile),
				mobile == null ? null : Masking.mobile(mobile), r.education(), groups, employer, salary);
	}

	/** A county of Zhejiang, where residence, enterprises and providers are placed. */
	Region county(String code) {
		var region = regions.lookup(RegionCode.of(code))
				.orElseThrow(() -> new InvalidValueException("region.unknown", code));
		if (region.level() != RegionLevel.COUNTY) {
			throw new InvalidValueException("region.not-county", code);
		}
		return region;
	}

	Set<String> knownGroups() {
		return codeLists.list("person-group").stream().map(cn.gongjiang.catalogue.CodeItem::code)
				.collect(java.util.stream.Collectors.toSet());
	}

	@Transactional(readOnly = true)
	public PersonSummary find(Actor actor, long id) {
		return persons.find(id, actor.scope()).map(Persons.Row::summary)
				.orElseThrow(() -> new NotFoundException("person.not-found"));
	}

	/** Exact search by ID number (through the keyed index) or by name, always within the actor's scope. */
	@Transactional(readOnly = true)
	public List<PersonSummary> search(Actor actor, String idNumber, String name) {
		if (idNumber != null && !idNumber.isBlank()) {
			var number = IdNumber.parse(idNumber);
			return persons.byIndex(cipher.index(number.value()), actor.scope()).map(Persons.Row::summary).stream()
					.toList();
		}
		if (name != null && !name.isBlank()) {
			return persons.byName(name.strip(), actor.scope(), 100).stream().map(Persons.Row::summary).toList();
		}
		return persons.recent(actor.scope(), 50).stream().map(Persons.Row::summary).toList();
	}

	/** The full numbers: a permission of its own, and every use is audited, refused or not. */
	@Transactional
	public PersonUnmasked unmask(Actor actor, long id) {
		var row = persons.find(id, actor.scope()).orElseThrow(() -> new NotFoundException("person.not-found"));
		if (!actor.mayUnmask()) {
			audit.record(actor, "person.unmask", "person:" + id, AuditOutcome.DENIED, null);
			throw new AccessDeniedException("no permission to see full numbers");
		}
		audit.record(actor, "person.unmask", "person:" + id, AuditOutcome.SUCCESS, "id-number, mobile");
		return new PersonUnmasked(row.id(), row.name(), cipher.open(row.idNumberSealed()),
				row.mobileSealed() == null ? null : cipher.open(row.mobileSealed()));
	}

	/** The person a worker's account is bound to. */
	@Transactional(readOnly = true)
	public PersonSummary self(Actor worker) {
		if (worker.scope().kind() != cn.gongjiang.shared.security.Role.ScopeKind.PERSON) {
			throw new NotFoundException("person.not-found");
		}
		return persons.recent(worker.scope(), 1).stream().findFirst().map(Persons.Row::summary)
				.orElseThrow(() -> new NotFoundException("person.not-found"));
	}


	private static boolean sexMatches(String entered, String fromNumber) {
		return switch (entered) {
			case "M", "男" -> fromNumber.equals("M");
			case "F", "女" -> fromNumber.equals("F");
			default -> false;
		};
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String jsonString(String s) {
		return s == null ? "null" : "\"" + s.replace("\"", "") + "\"";
	}
}
