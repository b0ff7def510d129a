package cn.gongjiang.training;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.registry.PersonProfile;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/** Training vouchers (TRN-5; 003 §16, 004 (三)): issued by officers, redeemed once at any active provider's class. */
@Service
public class Vouchers {

	private final JdbcClient jdbc;
	private final SubsidyCatalogue catalogue;
	private final PersonRegistry persons;
	private final PersonalDataCipher cipher;
	private final OccupationCatalogue occupations;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Vouchers(JdbcClient jdbc, SubsidyCatalogue catalogue, PersonRegistry persons, PersonalDataCipher cipher,
			OccupationCatalogue occupations, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.occupations = occupations;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.catalogue = catalogue;
		this.persons = persons;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Voucher issue(Actor actor, Voucher.Request r) {
		actor.requireRegionalOfficer("training.voucher.issue", null);
		var entry = catalogue.byId(r.catalogueEntryId() == null ? -1 : r.catalogueEntryId())
				.filter(e -> e.validOn(LocalDate.now(clock)))
				.orElseThrow(() -> InvalidValueException.of("catalogueEntryId", "training.voucher.catalogue-entry",
						r.catalogueEntryId()));
		var today = LocalDate.now(clock);
		if (r.validUntil() == null || r.validUntil().isBefore(today) || r.validUntil().isAfter(today.plusYears(2))) {
			throw InvalidValueException.of("validUntil", "training.voucher.valid-until", r.validUntil());
		}
		var idNumber = BusinessException.about("idNumber", () -> IdNumber.parse(r.idNumber()));
		// not on record here or another name: said at the name, which the officer checks against the ID card
		var person = BusinessException.about("name", () -> persons.inRegionOf(actor, idNumber, r.name()));
		var id = jdbc.sql("""
				insert into training.voucher (person_index, person_id, catalogue_entry_id, issued_by, valid_until)
				values (:index, :person, :entry, :user, :until) returning id
				""").param("index", person.idNumberIndex()).param("person", person.personId()).param("entry", entry.id())
				.param("user", actor.username()).param("until", r.validUntil()).query(Long.class).single();
		events.publishEvent(new VouchersIssued(List.of(person.personId()), today, entry.occupationCode(), entry.grade(),
				r.validUntil()));
		audit.record(actor, "training.voucher.issue", "voucher:" + id, AuditOutcome.SUCCESS, null);
		return find(id);
	}

	/**
	 * Vouchers for everyone of a listed group in the officer's region (e.g. 农村转移劳动者), once per person and entry:
	 * issuing to the group again adds only those who had none. Returns how many were issued.
	 */
	@Transactional
	public int issueToGroup(Actor actor, String group, long catalogueEntryId, LocalDate validUntil) {
		actor.requireRegionalOfficer("training.voucher.issue-group", group);
		var entry = catalogue.byId(catalogueEntryId).filter(e -> e.validOn(LocalDate.now(clock)))
				.orElseThrow(() -> new InvalidValueException("training.voucher.catalogue-entry", catalogueEntryId));
		var today = LocalDate.now(clock);
		if (validUntil == null || validUntil.isBefore(today) || validUntil.isAfter(today.plusYears(2))) {
			throw new InvalidValueException("training.voucher.valid-until", validUntil);
		}
		int issued = 0;
		var archive = new ArrayList<PersonId>();
		for (var person : persons.inGroup(actor, group, 100_000)) {
			var one = jdbc.sql("""
					insert into training.voucher (person_index, person_id, catalogue_entry_id, issued_by, valid_until)
					select :index, :person, :entry, :user, :until
					where not exists (select 1 from training.voucher v where v.person_index = :index
					                  and v.catalogue_entry_id = :entry and v.status <> 'CANCELLED')
					""").param("index", person.idNumberIndex()).param("person", person.personId())
					.param("entry", entry.id()).param("user", actor.username()).param("until", validUntil).update();
			if (one > 0) {
				archive.add(person.personId());
			}
			issued += one;
		}
		if (!archive.isEmpty()) {
			events.publishEvent(new VouchersIssued(archive, today, entry.occupationCode(), entry.grade(), validUntil));
		}
		audit.record(actor, "training.voucher.issue-group", group, AuditOutcome.SUCCESS, issued + " issued");
		return issued;
	}

	/**
	 * Redeems the voucher for an enrolment: it must be the trainee's, unused, in date, and for the class's occupation
	 * (and grade, when the entry names one). A second redemption is refused: {@code training.voucher-used}.
	 */
	void redeem(long voucherId, IdNumberIndex personIndex, TrainingClass c, long enrolmentId) {
		var v = redeemable(voucherId, personIndex, c, true);
		var entry = catalogue.byId(((Number) v.get("catalogue_entry_id")).longValue()).orElseThrow();
		jdbc.sql("""
				update training.voucher set status = 'REDEEMED', enrolment_id = :enrolment, redeemed_at = now()
				where id = :id
				""").param("enrolment", enrolmentId).param("id", voucherId).update();
		// REG-4: the voucher's use is on the trainee's archive, beside the enrolment it paid for
		events.publishEvent(new VoucherRedeemed(PersonId.of(((Number) v.get("person_id")).longValue()), LocalDate.now(clock),
				entry.occupationCode(), entry.grade(), c.providerName()));
	}

	/**
	 * Whether the voucher may pay for this trainee's place in this class, by the rules of {@link #redeem}; throws the
	 * rule it breaks. Read alone (no lock) it lets an import check a row before merging it.
	 */
	void checkRedeemable(long voucherId, IdNumberIndex personIndex, TrainingClass c) {
		redeemable(voucherId, personIndex, c, false);
	}

	private Map<String, Object> redeemable(long voucherId, IdNumberIndex personIndex, TrainingClass c, boolean lock) {
		var v = jdbc.sql("select * from training.voucher where id = :id" + (lock ? " for update" : ""))
				.param("id", voucherId).query().listOfRows().stream().findFirst()
				.orElseThrow(() -> new InvalidValueException("training.voucher.unknown", voucherId));
		if (!personIndex.equals(IdNumberIndex.of((byte[]) v.get("person_index")))) {
			throw new InvalidValueException("training.voucher.unknown", voucherId);
		}
		if (!"ISSUED".equals(v.get("status"))) {
			throw new ConflictException("training.voucher-used", voucherId);
		}
		if (((Date) v.get("valid_until")).toLocalDate().isBefore(LocalDate.now(clock))) {
			throw new BusinessException("training.voucher.expired", voucherId);
		}
		var entry = catalogue.byId(((Number) v.get("catalogue_entry_id")).longValue()).orElseThrow();
		if (!entry.occupationCode().equals(c.occupationCode())
				|| (entry.grade() != null && !entry.grade().equals(c.grade()))) {
			throw new BusinessException("training.voucher.other-occupation", occupations.nameOf(entry.occupationCode()));
		}
		return v;
	}

		/** Moves the voucher of an enrolment along the chain (trained, evaluated …); nothing when there is none. */
	void advance(long enrolmentId, String status) {
		advance(List.of(enrolmentId), status);
	}

	/** The vouchers of these enrolments (a class's completed trainees) move on at once. */
	void advance(List<Long> enrolmentIds, String status) {
		if (!enrolmentIds.isEmpty()) {
			jdbc.sql("update training.voucher set status = :status where enrolment_id = any(:enrolments)")
					.param("status", status).param("enrolments", enrolmentIds.toArray(Long[]::new)).update();
		}
	}

	/** A worker's own vouchers; officers the ones they issued (the province all). */
	@Transactional(readOnly = true)
	public List<Voucher> list(Actor actor) {
		var select = SELECT;
		if (actor.role() == Role.WORKER) {
			return jdbc.sql(select + " where v.person_index = :index order by v.id desc")
					.param("index", actor.scope().personIndex().bytes()).query(Voucher.class).list();
		}
		if (!actor.role().officer()) {
			throw new AccessDeniedException("vouchers are their holders' and the officers'");
		}
		return jdbc.sql(select + " where (:all or v.issued_by = :user) order by v.id desc limit 1000")
				.param("all", actor.is(Role.PROVINCE_OFFICER)).param("user", actor.username()).query(Voucher.class).list();
	}

	Voucher find(long id) {
		return jdbc.sql(SELECT + " where v.id = :id").param("id", id).query(Voucher.class).optional()
				.orElseThrow(() -> new NotFoundException("training.voucher.unknown", id));
	}

	private static final String SELECT = """
			select v.id, v.catalogue_entry_id, c.occupation_code, c.grade, v.status, v.enrolment_id, v.issued_by,
			       v.issued_at, v.valid_until, c.standard_yuan
			from training.voucher v join training.catalogue_entry c on c.id = v.catalogue_entry_id
			""";

	/** The same, with the holder's keyed index, to name them from the registry. */
	private static final String SELECT_WITH_HOLDER = """
			select v.person_index, v.id, v.catalogue_entry_id, c.occupation_code, c.grade, v.status, v.enrolment_id,
			       v.issued_by, v.issued_at, v.valid_until, c.standard_yuan
			from training.voucher v join training.catalogue_entry c on c.id = v.catalogue_entry_id
			""";

	public static final Map<String, String> SORTS = Map.of("issuedAt", "v.issued_at", "validUntil",
			"v.valid_until", "occupation", "c.occupation_code");
	public static final List<String> STATUSES = List.of("ISSUED", "REDEEMED", "TRAINED", "EVALUATED", "SUBSIDISED",
			"RECORDED", "CANCELLED");

	/**
	 * A page of the vouchers an officer issued (the province: all), with their holders, filtered by status,
	 * occupation and grade; newest first.
	 */
	@Transactional(readOnly = true)
	public Page<Voucher.Held> issued(Actor actor, TrainingFilter filter, PageRequest request) {
		actor.requireRegionalOfficer();
		var where = """
				 where (:all or v.issued_by = :user)
				  and (cast(:status as text) is null or v.status = :status)
				  and (cast(:occupation as text) is null or c.occupation_code = :occupation)
				  and (cast(:grade as text) is null or c.grade = :grade)
				""";
		var rows = jdbc.sql(SELECT_WITH_HOLDER + where + " order by "
				+ request.orderBy(SORTS, "v.id") + " limit :limit offset :offset")
				.param("all", actor.is(Role.PROVINCE_OFFICER)).param("user", actor.username())
				.param("status", filter.status()).param("occupation", filter.occupation()).param("grade", filter.grade())
				.param("limit", request.size()).param("offset", request.offset())
				.query((rs, i) -> Map.entry(IdNumberIndex.of(rs.getBytes("person_index")), new Voucher(rs.getLong("id"),
						rs.getLong("catalogue_entry_id"), rs.getString("occupation_code"), rs.getString("grade"),
						rs.getString("status"), (Long) rs.getObject("enrolment_id"), rs.getString("issued_by"),
						rs.getTimestamp("issued_at").toInstant(), rs.getDate("valid_until").toLocalDate(),
						(Integer) rs.getObject("standard_yuan"))))
				.list();
		var holders = new HashMap<IdNumberIndex, PersonProfile>();
		persons.profiles(rows.stream().map(Map.Entry::getKey).toList())
				.forEach(p -> holders.put(p.idNumberIndex(), p));
		var items = rows.stream().map(r -> {
			var holder = holders.get(r.getKey());
			return new Voucher.Held(r.getValue(), holder == null ? null : holder.name(),
					holder == null ? null : holder.idNumberMasked());
		}).toList();
		var total = jdbc.sql("select count(*) from training.voucher v join training.catalogue_entry c on c.id = v.catalogue_entry_id" + where)
				.param("all", actor.is(Role.PROVINCE_OFFICER)).param("user", actor.username())
				.param("status", filter.status()).param("occupation", filter.occupation()).param("grade", filter.grade())
				.query(Long.class).single();
		return Page.of(items, total, request);
	}

	/**
	 * The vouchers a trainee may bring to this class of the acting provider's: theirs by ID number and name, unused,
	 * in date, for the class's occupation (and grade, when the entry names one). None when the name does not match.
	 */
	@Transactional(readOnly = true)
	public List<Voucher> usableFor(Actor provider, TrainingClass c, String idNumber, String name) {
		if (!c.providerCode().equals(provider.scope().value())) {
			throw new NotFoundException("training.class.not-found");
		}
		IdNumber id;
		try {
			id = IdNumber.parse(idNumber);
		}
		catch (InvalidValueException notYetANumber) {
			return List.of();
		}
		var index = cipher.index(id);
		var holder = persons.profile(index);
		if (holder.isEmpty() || name == null || !holder.get().name().equals(name.strip())) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				 where v.person_index = :index and v.status = 'ISSUED' and v.valid_until >= :today
				   and c.occupation_code = :occupation and (c.grade is null or c.grade = :grade)
				 order by v.valid_until, v.id
				""").param("index", index).param("today", LocalDate.now(clock)).param("occupation", c.occupationCode())
				.param("grade", c.grade() == null ? "" : c.grade()).query(Voucher.class).list();
	}
}
