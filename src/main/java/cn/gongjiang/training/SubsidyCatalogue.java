package cn.gongjiang.training;

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
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.OccupationCode;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * The subsidised training catalogue (DEM-3; 000 (二) 调整完善政府补贴职业技能培训目录): kept by the province from the
 * orders, with a view of open demand against it so that occupations short of training stand out.
 */
@Service
public class SubsidyCatalogue {

	/** Open demand for one occupation and grade, and the catalogue entry in force for it, if any. */
	public record Unmet(String occupationCode, String grade, int headcount, int trainHeadcount, int enterprises,
			boolean inCatalogue, Long entryId, Integer standardYuan, boolean shortage) {
	}

	/** A new entry, or a new version of one from a date. */
	public record Entry(String occupationCode, String grade, Integer standardYuan, boolean shortage, LocalDate validFrom,
			LocalDate validUntil, String basis) {
	}

	private final JdbcClient jdbc;
	private final OccupationCatalogue occupations;
	private final RegionDirectory regions;
	private final AuditLog audit;
	private final Clock clock;

	SubsidyCatalogue(JdbcClient jdbc, OccupationCatalogue occupations, RegionDirectory regions, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.occupations = occupations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public CatalogueEntry add(Actor actor, Entry e) {
		if (!actor.is(Role.PROVINCE_OFFICER)) {
			throw actor.refuse("training.catalogue.add", e.occupationCode(), null);
		}
		BusinessException.about("occupationCode", () -> occupations.find(OccupationCode.of(e.occupationCode())));
		var grade = e.grade() == null || e.grade().isBlank() ? null
				: BusinessException.about("grade", () -> SkillGrade.fromCode(e.grade()).code());
		if (e.standardYuan() == null || e.standardYuan() < 0 || e.standardYuan() > 100_000) {
			throw InvalidValueException.of("standardYuan", "training.catalogue.standard", e.standardYuan());
		}
		if (e.validFrom() == null || (e.validUntil() != null && e.validUntil().isBefore(e.validFrom()))) {
			throw InvalidValueException.of("validFrom", "training.catalogue.validity");
		}
		if (e.basis() == null || e.basis().isBlank()) {
			throw InvalidValueException.of("basis", "training.catalogue.basis-required");
		}
		// the entry in force until now ends the day before the new one starts
		jdbc.sql("""
				update training.catalogue_entry set valid_until = cast(:from as date) - 1
				where occupation_code = :occupation and grade is not distinct from cast(:grade as text)
				  and valid_from < :from and (valid_until is null or valid_until >= :from)
				""").param("from", e.validFrom()).param("occupation", e.occupationCode()).param("grade", grade).update();
		var id = jdbc.sql("""
				insert into training.catalogue_entry (occupation_code, grade, standard_yuan, shortage, valid_from,
				    valid_until, basis, updated_by)
				values (:occupation, :grade, :standard, :shortage, :from, :until, :basis, :user)
				on conflict (occupation_code, coalesce(grade, ''), valid_from) do update set
				    standard_yuan = excluded.standard_yuan, shortage = excluded.shortage,
				    valid_until = excluded.valid_until, basis = excluded.basis, updated_by = excluded.updated_by,
				    updated_at = now()
				returning id
				""").param("occupation", e.occupationCode()).param("grade", grade).param("standard", e.standardYuan())
				.param("shortage", e.shortage()).param("from", e.validFrom()).param("until", e.validUntil())
				.param("basis", e.basis().strip()).param("user", actor.username()).query(Long.class).single();
		audit.record(actor, "training.catalogue.add", "catalogue:" + id, AuditOutcome.SUCCESS, null);
		return byId(id).orElseThrow();
	}

	/** The entries in force today. */
	@Transactional(readOnly = true)
	public List<CatalogueEntry> current() {
		return jdbc.sql("""
				select * from training.catalogue_entry
				where valid_from <= :today and (valid_until is null or valid_until >= :today)
				order by occupation_code, grade
				""").param("today", LocalDate.now(clock)).query(CatalogueEntry.class).list();
	}

	/**
	 * The entries in force on some day between {@code from} and {@code to}: what certificates issued then are read
	 * against (SUB-1, issue 16), an entry since ended or replaced included.
	 */
	public List<CatalogueEntry> inForceBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select * from training.catalogue_entry
				where valid_from <= :to and (valid_until is null or valid_until >= :from)
				order by occupation_code, grade, valid_from desc
				""").param("from", from).param("to", to).query(CatalogueEntry.class).list();
	}

	public Optional<CatalogueEntry> byId(long id) {
		return jdbc.sql("select * from training.catalogue_entry where id = :id").param("id", id)
				.query(CatalogueEntry.class).optional();
	}

	public static final Map<String, String> SORTS = Map.of("occupation", "occupation_code", "standard",
			"standard_yuan", "validFrom", "valid_from");

	/** A page of the entries in force today, filtered by occupation, grade, and shortage ({@code status} SHORTAGE). */
	@Transactional(readOnly = true)
	public Page<CatalogueEntry> page(TrainingFilter filter, PageRequest request) {
		var where = """
				where valid_from <= :today and (valid_until is null or valid_until >= :today)
				  and (cast(:occupation as text) is null or occupation_code = :occupation)
				  and (cast(:grade as text) is null or grade = :grade)
				  and (cast(:status as text) is null or (:status = 'SHORTAGE' and shortage))
				""";
		var items = jdbc.sql("select * from training.catalogue_entry " + where + " order by "
				+ request.orderBy(SORTS, "id") + " limit :limit offset :offset").param("today", LocalDate.now(clock))
				.param("occupation", filter.occupation()).param("grade", filter.grade()).param("status", filter.status())
				.param("limit", request.size()).param("offset", request.offset()).query(CatalogueEntry.class).list();
		var total = jdbc.sql("select count(*) from training.catalogue_entry " + where).param("today", LocalDate.now(clock))
				.param("occupation", filter.occupation()).param("grade", filter.grade()).param("status", filter.status())
				.query(Long.class).single();
		return Page.of(items, total, request);
	}

	/** Open demand by occupation and grade against the catalogue in force: not covered or shortage first. */
	@Transactional(readOnly = true)
	public List<Unmet> unmet(Actor actor) {
		return unmet(actor, TrainingFilter.NONE, PageRequest.first(PageRequest.MAX_SIZE)).items();
	}

	/**
	 * The same, filtered by region, occupation, and {@code status}: MISSING (not in the catalogue), SHORTAGE, COVERED.
	 */
	@Transactional(readOnly = true)
	public Page<Unmet> unmet(Actor actor, TrainingFilter filter, PageRequest request) {
		actor.requireRegionalOfficer();
		var grouped = """
				select d.occupation_code, d.grade, sum(d.headcount) as headcount,
				       sum(d.train_headcount) as train_headcount, count(distinct d.enterprise_code) as enterprises,
				       c.id is not null as in_catalogue,
				       c.id as entry_id, c.standard_yuan, coalesce(c.shortage, false) as shortage
				from training.demand_item d
				left join training.catalogue_entry c on c.occupation_code = d.occupation_code
				     and (c.grade is null or c.grade = d.grade)
				     and c.valid_from <= :today and (c.valid_until is null or c.valid_until >= :today)
				where d.status = 'OPEN' and (d.place_path like :path || '%' or d.enterprise_path like :path || '%')
				  and (cast(:region as text) is null or d.place_path like :region || '%' or d.enterprise_path like :region || '%')
				  and (cast(:occupation as text) is null or d.occupation_code = :occupation)
				  and (cast(:status as text) is null or (:status = 'MISSING' and c.id is null)
				       or (:status = 'SHORTAGE' and c.shortage) or (:status = 'COVERED' and c.id is not null))
				group by d.occupation_code, d.grade, c.id, c.standard_yuan, c.shortage
				""";
		var region = TrainingScope.filterPath(regions, filter.region());
		var items = jdbc.sql(grouped + """
				order by (c.id is null) desc, coalesce(c.shortage, false) desc, sum(d.train_headcount) desc,
				         d.occupation_code, d.grade
				limit :limit offset :offset
				""").param("today", LocalDate.now(clock)).param("path", actor.scope().regionPath()).param("region", region)
				.param("occupation", filter.occupation()).param("status", filter.status())
				.param("limit", request.size()).param("offset", request.offset()).query(Unmet.class).list();
		var total = jdbc.sql("select count(*) from (" + grouped + ") g").param("today", LocalDate.now(clock))
				.param("path", actor.scope().regionPath()).param("region", region)
				.param("occupation", filter.occupation()).param("status", filter.status()).query(Long.class).single();
		return Page.of(items, total, request);
	}
}
