package cn.gongjiang.training;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.OccupationCode;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Training orders (TRN-1, 000 (二) 精准接单): an enterprise orders training for a headcount; providers of the same city
 * (or any, for an online order) see it open and take it up in parts, each part a class, until its headcount is
 * planned; a class opened on its own may join an order before it begins; the enterprise follows what became of it.
 */
@Service
public class TrainingOrders {

	private final JdbcClient jdbc;
	private final OrganisationRegistry organisations;
	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;
	private final TrainingClasses classes;
	private final AuditLog audit;
	private final Clock clock;

	/** Recruitment's hires, when that module is there to count them. */
	private final List<ClassHires> hires;

	TrainingOrders(JdbcClient jdbc, OrganisationRegistry organisations, RegionDirectory regions,
			OccupationCatalogue occupations, TrainingClasses classes, AuditLog audit, Clock clock,
			List<ClassHires> hires) {
		this.hires = hires;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.regions = regions;
		this.occupations = occupations;
		this.classes = classes;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public TrainingOrder place(Actor actor, TrainingOrder.Request r) {
		var enterprise = organisations.enterprise(r.enterpriseCode())
				.orElseThrow(() -> new NotFoundException("training.enterprise.not-found", r.enterpriseCode())
						.about("enterpriseCode"));
		var enterprisePath = regions.pathOf(RegionCode.of(enterprise.region())).orElseThrow();
		var own = actor.role() == Role.ENTERPRISE && enterprise.creditCode().equals(actor.scope().value());
		var officer = actor.officerCovering(enterprisePath);
		if (!own && !officer) {
			throw actor.refuse("training.order.place", r.enterpriseCode(), null);
		}
		BusinessException.about("occupationCode", () -> occupations.find(OccupationCode.of(r.occupationCode())));
		var grade = r.grade() == null || r.grade().isBlank() ? null
				: BusinessException.about("grade", () -> SkillGrade.fromCode(r.grade()).code());
		if (r.headcount() == null || r.headcount() <= 0 || r.headcount() > 10_000) {
			throw InvalidValueException.of("headcount", "training.order.headcount", r.headcount());
		}
		if (r.wantedStart() == null || r.wantedStart().isBefore(LocalDate.now(clock))) {
			throw InvalidValueException.of("wantedStart", "training.order.wanted-start", r.wantedStart());
		}
		if (r.kind() == null || !TrainingClasses.KINDS.contains(r.kind())) {
			throw InvalidValueException.of("kind", "training.class.kind", r.kind());
		}
		var county = BusinessException.about("county",
				() -> regions.lookup(RegionCode.of(r.county() == null ? enterprise.region() : r.county())))
				.filter(c -> c.level() == RegionLevel.COUNTY)
				.orElseThrow(() -> InvalidValueException.of("county", "region.not-county", r.county()));
		if (r.demandItemId() != null && jdbc.sql("select count(*) from training.demand_item where id = :id and enterprise_code = :code")
				.param("id", r.demandItemId()).param("code", enterprise.creditCode()).query(Integer.class).single() == 0) {
			throw InvalidValueException.of("demandItemId", "training.order.demand-unknown", r.demandItemId());
		}
		var id = jdbc.sql("""
				insert into training.training_order (enterprise_code, enterprise_name, enterprise_path, demand_item_id,
				    occupation_code, grade, headcount, wanted_start, county, county_path, kind, supply_chain, created_by)
				values (:code, :name, :path, :demand, :occupation, :grade, :headcount, :start, :county, :countyPath,
				    :kind, :chain, :user)
				returning id
				""").param("code", enterprise.creditCode()).param("name", enterprise.name()).param("path", enterprisePath)
				.param("demand", r.demandItemId()).param("occupation", r.occupationCode()).param("grade", grade)
				.param("headcount", r.headcount()).param("start", r.wantedStart()).param("county", county.code())
				.param("countyPath", county.path()).param("kind", r.kind()).param("chain", r.supplyChain())
				.param("user", actor.username()).query(Long.class).single();
		audit.record(actor, "training.order.place", "order:" + id, AuditOutcome.SUCCESS, null);
		return byId(id);
	}

	/**
	 * Who sees an order: officers of its training county or of the enterprise's region, the enterprise, and every
	 * provider running a class of it.
	 */
	private static final String VISIBLE = "(" + TrainingScope.visible("o.county_path", "o.enterprise_code") + " or "
			+ TrainingScope.visible("o.enterprise_path", "o.provider_code")
			+ " or (:scopeKind = 'ORGANISATION' and exists (select 1 from training.training_class v"
			+ " where v.order_id = o.id and v.provider_code = :scopeValue)))";

	public static final Map<String, String> SORTS = Map.of("wantedStart", "o.wanted_start", "headcount",
			"o.headcount", "createdAt", "o.created_at", "enterprise", "o.enterprise_name");

	/** Open orders a provider may take up: in its own city, or online ones anywhere. */
	@Transactional(readOnly = true)
	public List<TrainingOrder> openFor(Actor actor) {
		return openFor(actor, TrainingFilter.NONE, PageRequest.of(1, PageRequest.MAX_SIZE, "wantedStart", SORTS,
				"wantedStart")).items();
	}

	/** A page of them, filtered by occupation, grade, county and enterprise name; soonest wanted first. */
	@Transactional(readOnly = true)
	public Page<TrainingOrder> openFor(Actor actor, TrainingFilter filter, PageRequest request) {
		var provider = classes.activeProvider(actor);
		var where = """
				where o.status = 'OPEN' and (o.county_path like :city || '%' or o.kind = 'ONLINE')
				  and (cast(:path as text) is null or o.county_path like :path || '%')
				  and (cast(:occupation as text) is null or o.occupation_code = :occupation)
				  and (cast(:grade as text) is null or o.grade = :grade)
				  and (cast(:name as text) is null or position(:name in o.enterprise_name) > 0)
				""";
		var city = cityPath(provider.region());
		var path = TrainingScope.filterPath(regions, filter.region());
		var items = jdbc.sql("select o.* from training.training_order o " + where + " order by "
				+ request.orderBy(SORTS, "o.id") + " limit :limit offset :offset").param("city", city).param("path", path)
				.param("occupation", filter.occupation()).param("grade", filter.grade()).param("name", filter.name())
				.param("limit", request.size()).param("offset", request.offset()).query(TrainingOrder.class).list();
		var total = jdbc.sql("select count(*) from training.training_order o " + where).param("city", city)
				.param("path", path).param("occupation", filter.occupation()).param("grade", filter.grade())
				.param("name", filter.name()).query(Long.class).single();
		return Page.of(items, total, request);
	}

	/** The open order a provider is about to take up, as it sees it; not found when out of its reach. */
	@Transactional(readOnly = true)
	public TrainingOrder openOrder(Actor actor, long orderId) {
		var provider = classes.activeProvider(actor);
		return jdbc.sql("""
				select o.* from training.training_order o where o.id = :id and o.status = 'OPEN'
				  and (o.county_path like :city || '%' or o.kind = 'ONLINE')
				""").param("id", orderId).param("city", cityPath(provider.region())).query(TrainingOrder.class)
				.optional().orElseThrow(() -> new NotFoundException("training.order.not-found"));
	}

	/** The provider's city path: a county's path cut after the city. */
	private String cityPath(String providerRegion) {
		return RegionPath.of(regions.pathOf(RegionCode.of(providerRegion)).orElseThrow()).upTo(RegionPath.CITY).value();
	}

	/**
	 * A provider takes up (接单) a part of an open order: the class it plans is opened with its seats, by default all
	 * that remain; the order is taken up once its headcount is planned. The order's row is locked, so two providers
	 * taking the last seats at once cannot both have them.
	 */
	@Transactional
	public TrainingClass accept(Actor actor, long orderId, TrainingClass.Plan plan) {
		var provider = classes.activeProvider(actor);
		var order = locked(orderId);
		if (!order.status().equals("OPEN")) {
			throw new ConflictException("training.order.taken", order.status());
		}
		openOrder(actor, orderId);
		var seats = plan.capacity() == null ? order.remaining() : plan.capacity();
		var forOrder = new TrainingClass.Plan(order.occupationCode(), order.grade(),
				plan.kind() == null ? order.kind() : plan.kind(), seats, plan.teachers(), plan.completionRate(),
				plan.sessions());
		takeSeats(order, seats, provider.creditCode(), provider.name());
		var opened = classes.open(actor, orderId, forOrder);
		audit.record(actor, "training.order.accept", "order:" + orderId, AuditOutcome.SUCCESS, "class:" + opened.id());
		return opened;
	}

	/**
	 * A provider's class opened on its own joins an open order it could take up (TRN-1): same occupation and grade,
	 * its seats counted as far as the order has some left, and only before its first session, since a class that has already met was not
	 * asked for by the enterprise (the {@code BACKDATED} signal holds such classes).
	 */
	@Transactional
	public TrainingClass attach(Actor actor, long classId, Long orderId, int version) {
		var provider = classes.activeProvider(actor);
		var current = classes.find(classId);
		if (!current.providerCode().equals(provider.creditCode())) {
			throw new NotFoundException("training.class.not-found");
		}
		if (orderId == null) {
			throw InvalidValueException.of("orderId", "training.class.order-required");
		}
		var order = locked(orderId);
		if (!order.status().equals("OPEN")) {
			throw new ConflictException("training.order.taken", order.status());
		}
		openOrder(actor, orderId);
		if (current.orderId() != null) {
			throw new ConflictException("training.class.has-order", current.orderId());
		}
		if (!current.status().equals("OPEN") || current.sessions().stream()
				.anyMatch(s -> !s.startsAt().isAfter(clock.instant()))) {
			throw new BusinessException("training.class.attach-after-start");
		}
		if (!current.occupationCode().equals(order.occupationCode())
				|| (order.grade() != null && !order.grade().equals(current.grade()))) {
			throw new BusinessException("training.class.attach-other-occupation");
		}
		takeSeats(order, current.capacity(), provider.creditCode(), provider.name());
		classes.joinOrder(classId, orderId, version);
		audit.record(actor, "training.order.attach", "order:" + orderId, AuditOutcome.SUCCESS, "class:" + classId);
		return classes.find(classId);
	}

	/** The open orders a class of the provider's own could join: same occupation and grade. */
	@Transactional(readOnly = true)
	public List<TrainingOrder> joinableBy(Actor actor, TrainingClass trainingClass) {
		if (trainingClass.orderId() != null || !trainingClass.status().equals("OPEN")) {
			return List.of();
		}
		var filter = new TrainingFilter(null, trainingClass.occupationCode(), null, null, null, null);
		return openFor(actor, filter, PageRequest.of(1, PageRequest.MAX_SIZE, "wantedStart", SORTS, "wantedStart"))
				.items().stream().filter(o -> o.grade() == null || o.grade().equals(trainingClass.grade())).toList();
	}

	/**
	 * Counts a class's seats against the order, as many as remain (a larger class fills its other seats from
	 * elsewhere); the order is taken up when none remain.
	 */
	private void takeSeats(TrainingOrder order, int capacity, String providerCode, String providerName) {
		if (capacity <= 0) {
			throw new InvalidValueException("training.class.capacity", capacity);
		}
		var seats = Math.min(capacity, order.remaining());
		int taken = jdbc.sql("""
				update training.training_order set planned = planned + :seats,
				    status = case when planned + :seats = headcount then 'ACCEPTED' else status end,
				    accepted_at = case when planned + :seats = headcount then now() else accepted_at end,
				    provider_code = coalesce(provider_code, :code), provider_name = coalesce(provider_name, :name)
				where id = :id and status = 'OPEN' and planned + :seats <= headcount
				""").param("seats", seats).param("code", providerCode).param("name", providerName)
				.param("id", order.id()).update();
		if (taken == 0) {
			throw new ConflictException("training.order.taken", "ACCEPTED");
		}
	}

	/** The order, its row locked until the transaction ends. */
	private TrainingOrder locked(long id) {
		return jdbc.sql("select * from training.training_order where id = :id for update").param("id", id)
				.query(TrainingOrder.class).optional().orElseThrow(() -> new NotFoundException("training.order.not-found"));
	}

	/** Orders the actor sees: an enterprise its own, a provider those it took, officers those of their region. */
	@Transactional(readOnly = true)
	public List<TrainingOrder> list(Actor actor) {
		return list(actor, TrainingFilter.NONE, PageRequest.of(1, PageRequest.MAX_SIZE, "-createdAt", SORTS,
				"-createdAt")).items();
	}

	/** A page of them, filtered by status, occupation, grade, region and enterprise name; newest first. */
	@Transactional(readOnly = true)
	public Page<TrainingOrder> list(Actor actor, TrainingFilter filter, PageRequest request) {
		var where = " where " + VISIBLE + """

				  and (cast(:status as text) is null or o.status = :status)
				  and (cast(:path as text) is null or o.county_path like :path || '%')
				  and (cast(:occupation as text) is null or o.occupation_code = :occupation)
				  and (cast(:grade as text) is null or o.grade = :grade)
				  and (cast(:name as text) is null or position(:name in o.enterprise_name) > 0)
				""";
		var path = TrainingScope.filterPath(regions, filter.region());
		var items = TrainingScope.bind(jdbc.sql("select o.* from training.training_order o" + where + " order by "
				+ request.orderBy(SORTS, "o.id") + " limit :limit offset :offset"), actor).param("status", filter.status())
				.param("path", path).param("occupation", filter.occupation()).param("grade", filter.grade())
				.param("name", filter.name()).param("limit", request.size()).param("offset", request.offset())
				.query(TrainingOrder.class).list();
		var total = TrainingScope.bind(jdbc.sql("select count(*) from training.training_order o" + where), actor)
				.param("status", filter.status()).param("path", path).param("occupation", filter.occupation())
				.param("grade", filter.grade()).param("name", filter.name()).query(Long.class).single();
		return Page.of(items, total, request);
	}

	/** The loop closed back to the enterprise: its order's classes, enrolled, completed and certified. */
	@Transactional(readOnly = true)
	public TrainingOrder.Outcome outcome(Actor actor, long orderId) {
		var order = visible(actor, orderId);
		return TrainingOrder.Outcome.of(order, outcomes(List.of(orderId)).getOrDefault(orderId, List.of()));
	}

	/** The outcomes of many orders at once, for a page of them: by order, its classes in the order they opened. */
	@Transactional(readOnly = true)
	public Map<Long, List<TrainingOrder.ClassOutcome>> outcomes(List<Long> orderIds) {
		var byOrder = new LinkedHashMap<Long, List<TrainingOrder.ClassOutcome>>();
		if (orderIds.isEmpty()) {
			return byOrder;
		}
		jdbc.sql("""
				select c.order_id, c.id as class_id, c.provider_name,
				       count(e.id) filter (where e.status <> 'WITHDRAWN') as enrolled,
				       count(e.id) filter (where e.status = 'COMPLETED') as completed,
				       count(e.id) filter (where e.certificate_number is not null) as certified
				from training.training_class c left join training.enrolment e on e.class_id = c.id
				where c.order_id = any(:orders) group by c.order_id, c.id, c.provider_name order by c.id
				""").param("orders", orderIds.toArray(Long[]::new))
				.query((rs, i) -> Map.entry(rs.getLong(1), new TrainingOrder.ClassOutcome(rs.getLong(2),
						rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), 0)))
				.list().forEach(e -> byOrder.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		var classIds = byOrder.values().stream().flatMap(List::stream).map(TrainingOrder.ClassOutcome::classId).toList();
		var hired = hires.stream().map(h -> h.hired(classIds)).findFirst().orElse(Map.of());
		byOrder.replaceAll((order, classes) -> classes.stream().map(c -> new TrainingOrder.ClassOutcome(c.classId(),
				c.providerName(), c.enrolled(), c.completed(), c.certified(), hired.getOrDefault(c.classId(), 0))).toList());
		return byOrder;
	}

	private TrainingOrder visible(Actor actor, long orderId) {
		return TrainingScope.bind(jdbc.sql("select o.* from training.training_order o where o.id = :id and " + VISIBLE),
				actor).param("id", orderId)
				.query(TrainingOrder.class).optional().orElseThrow(() -> new NotFoundException("training.order.not-found"));
	}

	/**
	 * The enterprise withdraws what no provider has taken up: an order with no class is cancelled; one with classes
	 * keeps them and takes no more (taken up as far as it went), closing when they finish.
	 */
	@Transactional
	public TrainingOrder cancel(Actor actor, long orderId) {
		var order = visible(actor, orderId);
		if (actor.role() != Role.ENTERPRISE && !actor.role().officer()) {
			throw actor.refuse("training.order.cancel", "order:" + orderId, null);
		}
		int changed = jdbc.sql("""
				update training.training_order set status = case when planned > 0 then 'ACCEPTED' else 'CANCELLED' end,
				    accepted_at = case when planned > 0 then now() else accepted_at end
				where id = :id and status = 'OPEN'
				""").param("id", order.id()).update();
		if (changed == 0) {
			throw new ConflictException("training.order.taken", order.status());
		}
		closeIfFinished(orderId);
		audit.record(actor, "training.order.cancel", "order:" + orderId, AuditOutcome.SUCCESS,
				order.planned() > 0 ? "remainder:" + order.remaining() : null);
		return byId(orderId);
	}

	/** Closes an accepted order once its classes are finished. */
	void closeIfFinished(long orderId) {
		jdbc.sql("""
				update training.training_order o set status = 'CLOSED' where o.id = :id and o.status = 'ACCEPTED'
				  and not exists (select 1 from training.training_class c where c.order_id = o.id and c.status <> 'FINISHED')
				""").param("id", orderId).update();
	}

	TrainingOrder byId(long id) {
		return jdbc.sql("select * from training.training_order where id = :id").param("id", id)
				.query(TrainingOrder.class).optional().orElseThrow(() -> new NotFoundException("training.order.not-found"));
	}
}
