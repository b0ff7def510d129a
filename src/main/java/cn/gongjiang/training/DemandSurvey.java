package cn.gongjiang.training;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.registry.Enterprise;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.OccupationCode;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * The skill-demand survey (DEM-1, 000 (一) 精准排摸): an enterprise states what it lacks; officers record what they
 * gathered on visits, questionnaires and reports for it, the source kept.
 */
@Service
public class DemandSurvey {

	static final Set<String> OFFICER_SOURCES = Set.of("VISIT", "QUESTIONNAIRE", "REPORT");
	/** Every source a demand line may have, in the order a filter lists them. */
	public static final List<String> SOURCES = List.of("ENTERPRISE", "VISIT", "QUESTIONNAIRE", "REPORT", "IMPORT");

	/** The same open line again (form or file) updates it; nothing changes when nothing differs. */
	static final String SAME_LINE = """
			on conflict (enterprise_code, occupation_code, coalesce(grade, ''), needed_by, place_county)
			    where status = 'OPEN'
			do update set headcount = excluded.headcount, monthly_wage = excluded.monthly_wage,
			    train_headcount = excluded.train_headcount, source = excluded.source,
			    recorded_by = excluded.recorded_by, recorded_at = now()
			where (training.demand_item.headcount, training.demand_item.monthly_wage, training.demand_item.train_headcount)
			      is distinct from (excluded.headcount, excluded.monthly_wage, excluded.train_headcount)
			""";

	private final JdbcClient jdbc;
	private final OrganisationRegistry organisations;
	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;
	private final AuditLog audit;
	private final Clock clock;

	DemandSurvey(JdbcClient jdbc, OrganisationRegistry organisations, RegionDirectory regions,
			OccupationCatalogue occupations, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.regions = regions;
		this.occupations = occupations;
		this.audit = audit;
		this.clock = clock;
	}

	/** A checked entry with the enterprise and place it concerns. */
	record Checked(Enterprise enterprise, String enterprisePath, DemandItem.Entry entry, String grade, Region place) {
	}

	@Transactional
	public DemandItem submit(Actor actor, DemandItem.Entry entry) {
		var c = check(actor, entry);
		var id = jdbc.sql("""
				insert into training.demand_item (enterprise_code, enterprise_name, enterprise_path, occupation_code,
				    grade, headcount, needed_by, monthly_wage, train_headcount, place_county, place_path, source,
				    recorded_by)
				values (:code, :name, :path, :occupation, :grade, :headcount, :neededBy, :wage, :train, :county,
				    :placePath, :source, :user)
				""" + SAME_LINE + """
				returning id
				""").param("code", c.enterprise().creditCode()).param("name", c.enterprise().name())
				.param("path", c.enterprisePath()).param("occupation", entry.occupationCode()).param("grade", c.grade())
				.param("headcount", entry.headcount()).param("neededBy", entry.neededBy())
				.param("wage", entry.monthlyWage()).param("train", entry.trainHeadcount() == null ? 0 : entry.trainHeadcount())
				.param("county", c.place().code()).param("placePath", c.place().path()).param("source", c.entry().source())
				.param("user", actor.username()).query(Long.class).optional()
				.orElseGet(() -> jdbc.sql("""
						select id from training.demand_item where enterprise_code = :code and occupation_code = :occupation
						  and grade is not distinct from cast(:grade as text) and needed_by = :neededBy
						  and place_county = :county and status = 'OPEN'
						""").param("code", c.enterprise().creditCode()).param("occupation", entry.occupationCode())
						.param("grade", c.grade()).param("neededBy", entry.neededBy()).param("county", c.place().code())
						.query(Long.class).single());
		audit.record(actor, "training.demand.submit", "demand:" + id, AuditOutcome.SUCCESS, entry.source());
		return find(actor, id);
	}

	/** Every rule of an entry; the source is the enterprise's own unless an officer records it. */
	Checked check(Actor actor, DemandItem.Entry entry) {
		var enterprise = organisations.enterprise(entry.enterpriseCode())
				.orElseThrow(() -> new NotFoundException("training.enterprise.not-found", entry.enterpriseCode())
						.about("enterpriseCode"));
		var enterprisePath = regions.pathOf(RegionCode.of(enterprise.region())).orElseThrow();
		if (actor.role() == Role.ENTERPRISE) {
			if (!enterprise.creditCode().equals(actor.scope().value())) {
				throw new AccessDeniedException("an enterprise states its own demand");
			}
			if (entry.source() != null && !"ENTERPRISE".equals(entry.source())) {
				throw InvalidValueException.of("source", "training.demand.source", entry.source());
			}
		}
		else if (actor.officerCovering(enterprisePath)) {
			if (!OFFICER_SOURCES.contains(entry.source()) && !"IMPORT".equals(entry.source())) {
				throw InvalidValueException.of("source", "training.demand.source", entry.source());
			}
		}
		else {
			throw new AccessDeniedException("not this enterprise's");
		}
		var normalised = new DemandItem.Entry(entry.enterpriseCode(), entry.occupationCode(), entry.grade(),
				entry.headcount(), entry.neededBy(), entry.monthlyWage(), entry.trainHeadcount(),
				entry.placeCounty(), actor.role() == Role.ENTERPRISE ? "ENTERPRISE" : entry.source());
		BusinessException.about("occupationCode", () -> occupations.find(OccupationCode.of(entry.occupationCode())));
		var grade = entry.grade() == null || entry.grade().isBlank() ? null
				: BusinessException.about("grade", () -> SkillGrade.fromCode(entry.grade()).code());
		if (entry.headcount() == null || entry.headcount() <= 0) {
			throw InvalidValueException.of("headcount", "training.demand.headcount", entry.headcount());
		}
		if (entry.trainHeadcount() != null && entry.trainHeadcount() < 0) {
			throw InvalidValueException.of("trainHeadcount", "training.demand.train-headcount", entry.trainHeadcount());
		}
		if (entry.neededBy() == null || entry.neededBy().isBefore(LocalDate.now(clock))) {
			throw InvalidValueException.of("neededBy", "training.demand.needed-by", entry.neededBy());
		}
		if (entry.monthlyWage() != null && (entry.monthlyWage() < 1000 || entry.monthlyWage() > 200_000)) {
			throw InvalidValueException.of("monthlyWage", "training.demand.wage", entry.monthlyWage());
		}
		var place = BusinessException.about("placeCounty", () -> regions.lookup(RegionCode.of(
				entry.placeCounty() == null ? enterprise.region() : entry.placeCounty())))
				.filter(r -> r.level() == RegionLevel.COUNTY)
				.orElseThrow(() -> InvalidValueException.of("placeCounty", "region.not-county", entry.placeCounty()));
		return new Checked(enterprise, enterprisePath, normalised, grade, place);
	}

	@Transactional
	public DemandItem close(Actor actor, long id) {
		var item = find(actor, id);
		jdbc.sql("update training.demand_item set status = 'CLOSED' where id = :id").param("id", item.id()).update();
		audit.record(actor, "training.demand.close", "demand:" + id, AuditOutcome.SUCCESS, null);
		return find(actor, id);
	}

	@Transactional(readOnly = true)
	public DemandItem find(Actor actor, long id) {
		return list(actor, "d.id = :id", id).stream().findFirst()
				.orElseThrow(() -> new NotFoundException("training.demand.not-found"));
	}

	/** Demand the actor sees: an enterprise its own, officers that of enterprises or places in their region. */
	@Transactional(readOnly = true)
	public List<DemandItem> open(Actor actor) {
		return list(actor, "d.status = 'OPEN' and :id = :id", 0L);
	}

	/**
	 * A page of the demand the actor sees, filtered by region (where the workers are needed or where the enterprise
	 * is), occupation, grade, source, status and enterprise name.
	 */
	@Transactional(readOnly = true)
	public Page<DemandItem> page(Actor actor, TrainingFilter filter, PageRequest request) {
		var items = rows(actor, filter, request.orderBy(ThreeLists.DEMAND_SORTS, "d.id"), request.size(),
				request.offset());
		var total = bindFilter(jdbc.sql("select count(*) from training.demand_item d where " + FILTERED), actor, filter)
				.query(Long.class).single();
		return Page.of(items, total, request);
	}

	List<DemandItem> rows(Actor actor, TrainingFilter filter, String orderBy, int limit, int offset) {
		return bindFilter(jdbc.sql("select d.* from training.demand_item d where " + FILTERED + " order by " + orderBy
				+ " limit :limit offset :offset"), actor, filter).param("limit", limit).param("offset", offset)
				.query(DemandItem.class).list();
	}

	private static final String FILTERED = "(" + TrainingScope.visible("d.enterprise_path", "d.enterprise_code") + " or "
			+ TrainingScope.visible("d.place_path", "d.enterprise_code") + """
			)
			  and (cast(:path as text) is null or d.place_path like :path || '%' or d.enterprise_path like :path || '%')
			  and (cast(:occupation as text) is null or d.occupation_code = :occupation)
			  and (cast(:grade as text) is null or d.grade = :grade)
			  and (cast(:source as text) is null or d.source = :source)
			  and (cast(:status as text) is null or d.status = :status)
			  and (cast(:name as text) is null or position(:name in d.enterprise_name) > 0)
			""";

	private JdbcClient.StatementSpec bindFilter(
			JdbcClient.StatementSpec spec, Actor actor, TrainingFilter filter) {
		return TrainingScope.bind(spec, actor).param("path", TrainingScope.filterPath(regions, filter.region()))
				.param("occupation", filter.occupation()).param("grade", filter.grade())
				.param("source", filter.source()).param("status", filter.status()).param("name", filter.name());
	}

	private List<DemandItem> list(Actor actor, String where, long id) {
		return TrainingScope.bind(jdbc.sql("select d.* from training.demand_item d where ("
				+ TrainingScope.visible("d.enterprise_path", "d.enterprise_code") + " or "
				+ TrainingScope.visible("d.place_path", "d.enterprise_code") + ") and " + where
				+ " order by d.needed_by, d.id limit 5000"), actor).param("id", id).query(DemandItem.class).list();
	}
}
