package cn.gongjiang.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.catalogue.CodeLists;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.ForbiddenException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.PersonName;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.Violation;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * The person registry (REG-1): one real-name record per ID number. Officers register and find people of their
 * region (by residence or hukou); a worker sees only themselves; nobody else sees persons at all.
 */
@Service
public class PersonRegistry {

	/** Beyond this many matching rows a filtered list says "more than" instead of counting on. */
	static final int COUNT_CAP = 10_000;

	private final Persons persons;
	private final PersonCounts counts;
	private final PersonalDataCipher cipher;
	private final RegionDirectory regions;
	private final CodeLists codeLists;
	private final AuditLog audit;
	private final Clock clock;

	PersonRegistry(Persons persons, PersonCounts counts, PersonalDataCipher cipher, RegionDirectory regions,
			CodeLists codeLists, AuditLog audit, Clock clock) {
		this.clock = clock;
		this.persons = persons;
		this.counts = counts;
		this.cipher = cipher;
		this.regions = regions;
		this.codeLists = codeLists;
		this.audit = audit;
	}

	/** Registers a person or updates their record; the same registration twice changes nothing. */
	@Transactional
	public PersonSummary register(Actor actor, PersonDetails registration) {
		actor.requireRegionalOfficer();
		var upsert = prepare(registration);
		if (!actor.scope().covers(upsert.residencePath()) && !actor.scope().covers(upsert.hukouPath())) {
			throw actor.refuse("person.register", upsert.idNumberMasked(), "outside scope");
		}
		var saved = persons.upsert(upsert);
		if (saved.outcome() != Persons.Outcome.UNCHANGED) {
			audit.record(actor, "person." + saved.outcome().name().toLowerCase(), "person:" + saved.id(),
					AuditOutcome.SUCCESS, null);
		}
		return persons.find(saved.id(), actor.scope()).orElseThrow().summary();
	}

	/**
	 * Real-name enrolment by another module (ENR-2, TRN-3): the person with this ID number, created when new with the
	 * given residence county; a different name for a known number is refused with {@code person.name-mismatch}.
	 */
	@Transactional
	public RealName realName(IdNumber idNumber, String name, String residenceCounty, String source) {
		if (name == null || name.isBlank()) {
			throw new InvalidValueException("person.name.required");
		}
		if (!PersonName.valid(name.strip())) {
			throw new InvalidValueException("person.name.invalid");
		}
		var index = cipher.index(idNumber);
		var known = persons.identity(index);
		if (known.isPresent()) {
			if (!known.get().name().equals(name.strip())) {
				throw new BusinessException("person.name-mismatch");
			}
			return new RealName(PersonId.of(known.get().id()), index, idNumber.masked(), false);
		}
		var county = residenceCounty == null ? null : county(residenceCounty);
		var id = persons.insertRealName(index, cipher.seal(idNumber.value()), idNumber.masked(), name.strip(),
				idNumber.male() ? "M" : "F", idNumber.birthDate(), county == null ? null : county.code(),
				county == null ? null : county.path(), source);
		return new RealName(PersonId.of(id), index, idNumber.masked(), true);
	}

	/**
	 * a registered person an officer acts on (a voucher, a claim): their residence or hukou must lie in the
	 * officer's region. Unknown and elsewhere answer alike ({@code person.out-of-scope}): register the person first.
	 */
	@Transactional(readOnly = true)
	public RealName inRegionOf(Actor officer, IdNumber idNumber, String name) {
		var index = cipher.index(idNumber);
		var person = persons.profile(index)
				.filter(p -> officer.officerCovering(p.residencePath(), p.hukouPath()))
				.orElseThrow(() -> {
					audit.record(officer, "person.act", idNumber.masked(), AuditOutcome.DENIED, "outside scope");
					return new ForbiddenException("person.out-of-scope");
				});
		if (name == null || !person.name().equals(name.strip())) {
			throw new BusinessException("person.name-mismatch").about("name");
		}
		return new RealName(person.personId(), index, idNumber.masked(), false);
	}

	/**
	 * a person an enterprise acts on (a grade it recognises): its own worker in the registry. Unknown, employed
	 * elsewhere and a name that does not match all answer {@code person.not-employee}, so that the call cannot be used
	 * to learn whose ID number is whose, and nobody is created.
	 */
	@Transactional(readOnly = true)
	public RealName employeeOf(Actor enterprise, IdNumber idNumber, String name) {
		var index = cipher.index(idNumber);
		var person = persons.profile(index)
				.filter(p -> enterprise.scope().value() != null && enterprise.scope().value().equals(p.employerCreditCode()))
				.filter(p -> name != null && p.name().equals(name.strip()))
				.orElseThrow(() -> {
					audit.record(enterprise, "person.act", idNumber.masked(), AuditOutcome.DENIED, "not an employee");
					return new ForbiddenException("person.not-employee");
				});
		return new RealName(person.personId(), index, idNumber.masked(), false);
	}

	/** A person's profile by the keyed ID-number index, for another module's rules; empty when unknown. */
	@Transactional(readOnly = true)
	public Optional<PersonProfile> profile(IdNumberIndex idNumberIndex) {
		return persons.profile(idNumberIndex);
	}

	/** The profiles of many persons at once, by keyed index; unknown ones are simply absent. */
	@Transactional(readOnly = true)
	public List<PersonProfile> profiles(List<IdNumberIndex> idNumberIndexes) {
		return idNumberIndexes.isEmpty() ? List.of() : persons.profiles(idNumberIndexes);
	}

	/** Who this keyed ID number is, if the registry knows them (one holder's name or region to check). */
	@Transactional(readOnly = true)
	public Optional<PersonIdentity> identity(IdNumberIndex idNumberIndex) {
		return persons.identities(List.of(idNumberIndex)).stream().findFirst();
	}

	/**
	 * Who these keyed ID numbers are, for a bulk check (an import's chunk): one statement per
	 * {@value #IDENTITY_CHUNK} numbers, unknown ones simply absent.
	 */
	@Transactional(readOnly = true)
	public List<PersonIdentity> identities(Collection<IdNumberIndex> idNumberIndexes) {
		var all = List.copyOf(idNumberIndexes);
		var found = new ArrayList<PersonIdentity>(all.size());
		for (int from = 0; from < all.size(); from += IDENTITY_CHUNK) {
			found.addAll(persons.identities(all.subList(from, Math.min(all.size(), from + IDENTITY_CHUNK))));
		}
		return found;
	}

	static final int IDENTITY_CHUNK = 10_000;

	/** A row of another module's bulk import naming a person: its row number, the keyed ID number, the name given. */
	public record NamedRow(int row, IdNumberIndex idNumberIndex, String name) {
	}

	/** The rows whose person the registry knows by another name (an import's check, a chunk at a time). */
	@Transactional(readOnly = true)
	public List<Integer> namedOtherwise(List<NamedRow> rows) {
		var registered = new HashMap<IdNumberIndex, String>();
		for (var person : identities(rows.stream().map(NamedRow::idNumberIndex).toList())) {
			registered.put(person.idNumberIndex(), person.name());
		}
		return rows.stream().filter(r -> {
			var name = registered.get(r.idNumberIndex());
			return name != null && !name.equals(r.name());
		}).map(NamedRow::row).toList();
	}

	/** Persons of a group (REF-5) in the officer's region, as real names another module may act on (TRN-5). */
	@Transactional(readOnly = true)
	public List<RealName> inGroup(Actor actor, String group, int limit) {
		actor.requireRegionalOfficer();
		return persons.inGroup(actor.scope(), group, limit);
	}

	/**
	 * The person, if in the reader's scope, with their registration and every change of employer or residence, for the
	 * lifelong archive (REG-4) to compose with what other modules reported.
	 */
	@Transactional(readOnly = true)
	public PersonHistory history(Actor actor, PersonId personId) {
		var person = find(actor, personId.value());
		return new PersonHistory(person, persons.idNumberIndex(personId.value()), persons.history(personId.value()).stream()
				.map(e -> new PersonChange(e.on(), e.kind(), e.detail())).toList());
	}

	/**
	 * The person now works for this enterprise (a hire recorded on the platform): the registry's employer changes, and
	 * the change is in the person's history as every change of employer is.
	 */
	@Transactional
	public void recordEmployment(PersonId personId, CreditCode employer) {
		persons.changeEmployer(personId.value(), employer.value());
	}

	/**
	 * Checks a registration and turns it into what is stored; the broken rules are thrown, each naming its field, the
	 * first the refusal's code (a missing field as {@code person.<field>.required}).
	 */
	Persons.Upsert prepare(PersonDetails r) {
		var result = check().check(r, false);
		if (!result.ok()) {
			throw new InvalidValueException(result.problems().stream().map(p -> p.code().equals("required")
					? new Violation(p.field(), "person." + kebab(p.field()) + ".required", p.arguments()) : p).toList());
		}
		return result.upsert();
	}

	/** A checker over the current reference data, for one request or one import job. */
	PersonCheck check() {
		var groups = new HashMap<String, String>();
		codeLists.list("person-group").forEach(g -> {
			groups.put(g.code(), g.code());
			groups.put(g.nameZh(), g.code());
		});
		return new PersonCheck(cipher, regions.all(), groups);
	}

	/** {@code residenceRegion} → {@code residence-region}, as the message keys spell a field. */
	private static String kebab(String field) {
		return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
	}

	Map<String, Region> regionsByCode() {
		return regions.all();
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

	/**
	 * Records whether a person past working age draws a monthly pension (浙人社发〔2022〕32号 §13), by an officer of the
	 * person's region; the subsidy rules read it where the city has chosen to include those who draw none.
	 */
	@Transactional
	public PersonSummary recordPension(Actor actor, PersonId personId, PensionRecord record) {
		actor.requireRegionalOfficer("person.pension", "person:" + personId);
		var person = find(actor, personId.value());
		if (record.drawing() == null) {
			throw InvalidValueException.of("drawing", "person.pension.drawing-required");
		}
		if (record.source() == null || record.source().isBlank() || record.source().strip().length() > 200) {
			throw InvalidValueException.of("source", "person.pension.source-required");
		}
		if (record.asOf() == null || record.asOf().isAfter(LocalDate.now(clock))) {
			throw InvalidValueException.of("asOf", "person.pension.as-of");
		}
		var version = record.version() == null ? person.version() : record.version();
		if (!persons.recordPension(personId.value(), version, record.drawing() ? "DRAWING" : "NOT_DRAWING",
				record.source().strip(), record.asOf())) {
			throw new ConflictException("person.changed");
		}
		audit.record(actor, "person.pension", "person:" + personId, AuditOutcome.SUCCESS,
				(record.drawing() ? "DRAWING " : "NOT_DRAWING ") + record.asOf() + " " + record.source().strip());
		return find(actor, personId.value());
	}

	@Transactional(readOnly = true)
	public PersonSummary find(Actor actor, long id) {
		return persons.find(id, actor.scope()).map(Persons.Row::summary)
				.orElseThrow(() -> new NotFoundException("person.not-found"));
	}

	/**
	 * One page of the persons in an officer's scope, newest registrations or names first, keyset-paged so page
	 * 10,000 costs what page 1 does. The total is exact: from the maintained counts when only a region narrows the
	 * list, else counted up to {@link #COUNT_CAP} ("more than" beyond).
	 */
	@Transactional(readOnly = true)
	public Page<PersonSummary> list(Actor actor, PersonFilter filter, String order, String after,
			String before, int number, int size) {
		actor.requireRegionalOfficer();
		var sort = "name".equals(order) ? Persons.Order.NAME : Persons.Order.REGISTERED;
		var regionPath = regionFilter(actor, filter.region());
		var backwards = before != null && !before.isBlank();
		var cursor = backwards ? before : after == null || after.isBlank() ? null : after;
		var rows = persons.page(actor.scope(), filter, regionPath, sort, cursor, backwards, size);
		var more = rows.size() > size;
		rows = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
		if (backwards) {
			Collections.reverse(rows);
		}
		var first = cursor == null || (backwards && !more);
		String next = null;
		String previous = null;
		if (!rows.isEmpty()) {
			if (backwards || more) {
				next = Persons.Cursor.of(rows.get(rows.size() - 1), sort);
			}
			if (!first) {
				previous = Persons.Cursor.of(rows.get(0), sort);
			}
		}
		long total;
		boolean exact = true;
		if (filter.regionOnly()) {
			total = counts.visible(actor.scope(), regionPath);
		}
		else {
			total = persons.countUpTo(actor.scope(), filter, regionPath, COUNT_CAP);
			exact = total <= COUNT_CAP;
			total = Math.min(total, COUNT_CAP);
		}
		var page = first ? 1 : Math.max(number, 2);
		return new Page<>(rows.stream().map(Persons.Row::summary).toList(), total, exact, page,
				size, next, previous);
	}

	/** The path of a region a list is narrowed to: in the officer's scope or above it, else "not found". */
	String regionFilter(Actor actor, String region) {
		if (region == null) {
			return null;
		}
		return regions.pathOf(RegionCode.of(region))
				.filter(path -> path.startsWith(actor.scope().regionPath()) || actor.scope().regionPath().startsWith(path))
				.orElseThrow(() -> new NotFoundException("region.not-found", region));
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
	public PersonUnmasked unmask(Actor actor, long id, String reason) {
		var row = persons.find(id, actor.scope()).orElseThrow(() -> new NotFoundException("person.not-found"));
		if (!actor.mayUnmask()) {
			throw actor.refuse("person.unmask", "person:" + id, null);
		}
		// whoever reads a full number says why, and the audit record keeps it
		if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
			throw new InvalidValueException("person.unmask.reason-required");
		}
		audit.record(actor, "person.unmask", "person:" + id, AuditOutcome.SUCCESS,
				"id-number, mobile; reason: " + reason.strip());
		return new PersonUnmasked(row.id(), row.name(), cipher.open(row.idNumberSealed()),
				row.mobileSealed() == null ? null : cipher.open(row.mobileSealed()));
	}

	/** A payee for a bank file: the social security card (社保卡) account is found by the bank from the full ID number. */
	public record Payee(PersonId personId, String name, String idNumber) {
	}

	/**
	 * The full names and ID numbers of the persons a payment batch pays, for its bank file only: an officer paying
	 * their own region's subsidies needs no unmask permission for it, and every such read is audited with its purpose.
	 */
	@Transactional
	public Map<Long, Payee> payees(Actor actor, List<Long> personIds, String purpose) {
		// a paying region's officer: a department's officer pays nobody (issue 17); which persons the batch of that
		// region may name is the caller's to decide, since a beneficiary may live outside the paying region
		actor.requireRegionalOfficer("person.payees", purpose);
		var payees = new HashMap<Long, Payee>();
		for (var row : persons.byIds(personIds)) {
			payees.put(row.id(), new Payee(PersonId.of(row.id()), row.name(), cipher.open(row.idNumberSealed())));
		}
		audit.record(actor, "person.payees", purpose, AuditOutcome.SUCCESS, payees.size() + " persons, id-number");
		return payees;
	}

	/** The person a worker's account is bound to. */
	@Transactional(readOnly = true)
	public PersonSummary self(Actor worker) {
		if (worker.scope().kind() != Role.ScopeKind.PERSON) {
			throw new NotFoundException("person.not-found");
		}
		return persons.recent(worker.scope(), 1).stream().findFirst().map(Persons.Row::summary)
				.orElseThrow(() -> new NotFoundException("person.not-found"));
	}


}
