package cn.gongjiang.training;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.Enterprise;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * The three lists (三张清单, DEM-2, 000 (一)), always computed from the current survey: key enterprises with the reason
 * each is key, the labour-demand list, and the training-order list (what enterprises want trained, with the order
 * that took it up, if any).
 */
@Service
public class ThreeLists {

	/** What makes an enterprise key besides the officers' designation (configurable by the province). */
	public record KeyRule(boolean countClusters, List<String> sizes, int minHeadcount) {
	}

	/**
	 * One reason an enterprise is key, as a message code with its arguments so that it reads in the reader's
	 * language: {@code training.reason.designated} (the designation's reason), {@code training.reason.cluster}
	 * (the cluster), {@code training.reason.size.LARGE} …, {@code training.reason.headcount} (open, minimum).
	 */
	public record Reason(String code, List<Object> arguments) {

		static Reason of(String code, Object... arguments) {
			return new Reason(code, List.of(arguments));
		}
	}

	/** A key enterprise and why. {@code region} is its county's code. */
	public record KeyEnterprise(String creditCode, String name, String region, String cluster, String size,
			int openHeadcount, List<Reason> reasons) {
	}

	/**
	 * A line of the training-order list: a demand to train, and the order and provider that took it up, with the
	 * first class that order opened.
	 */
	public record TrainingWish(long demandId, String enterpriseCode, String enterpriseName, String occupationCode,
			String grade, int trainHeadcount, String placeCounty, Long orderId, String orderStatus,
			String providerName, Long classId) {
	}

	/** Order-list statuses a reader filters by: {@code NONE} for demand no order took up yet. */
	public static final List<String> WISH_STATUSES = List.of("NONE", "OPEN", "ACCEPTED", "CLOSED", "CANCELLED");

	public static final Map<String, String> DEMAND_SORTS = Map.of("neededBy", "d.needed_by", "headcount",
			"d.headcount", "enterprise", "d.enterprise_name", "train", "d.train_headcount", "recordedAt", "d.recorded_at");
	public static final Map<String, String> WISH_SORTS = Map.of("enterprise", "d.enterprise_name",
			"train", "d.train_headcount", "neededBy", "d.needed_by");
	/** Key enterprises are sorted in memory: by open headcount or by name. */
	public static final Map<String, String> KEY_SORTS = Map.of("headcount", "headcount", "name",
			"name");

	private final JdbcClient jdbc;
	private final DemandSurvey survey;
	private final OrganisationRegistry organisations;
	private final RegionDirectory regions;
	private final AuditLog audit;

	ThreeLists(JdbcClient jdbc, DemandSurvey survey, OrganisationRegistry organisations, RegionDirectory regions,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.survey = survey;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public KeyRule rule() {
		return jdbc.sql("select count_clusters, sizes, min_headcount from training.key_rule")
				.query((rs, i) -> new KeyRule(rs.getBoolean(1), List.of((String[]) rs.getArray(2).getArray()),
						rs.getInt(3)))
				.single();
	}

	@Transactional
	public KeyRule changeRule(Actor actor, KeyRule rule) {
		if (!actor.is(Role.PROVINCE_OFFICER)) {
			throw actor.refuse("training.key-rule", null, null);
		}
		if (rule.minHeadcount() <= 0 || rule.sizes() == null
				|| !List.of("MICRO", "SMALL", "MEDIUM", "LARGE").containsAll(rule.sizes())) {
			throw new InvalidValueException("training.key-rule.invalid");
		}
		jdbc.sql("""
				update training.key_rule set count_clusters = :clusters, sizes = :sizes, min_headcount = :min,
				    updated_by = :user, updated_at = now()
				""").param("clusters", rule.countClusters()).param("sizes", rule.sizes().toArray(String[]::new))
				.param("min", rule.minHeadcount()).param("user", actor.username()).update();
		audit.record(actor, "training.key-rule", null, AuditOutcome.SUCCESS, rule.toString());
		return rule();
	}

	/**
	 * Key enterprises in the actor's region: those the officers designated, and those with open demand that meet the
	 * rule (in a 415X cluster, of a listed size, or needing at least the rule's headcount). Each with its reasons.
	 * Filtered by region (the enterprise's) and name; most open headcount first, or by name.
	 */
	@Transactional(readOnly = true)
	public Page<KeyEnterprise> keyEnterprises(Actor actor, TrainingFilter filter, PageRequest request) {
		var all = new ArrayList<>(keyEnterprises(actor, filter));
		Comparator<KeyEnterprise> order = "name".equals(request.sort())
				? Comparator.comparing(KeyEnterprise::name, Collator.getInstance(Locale.CHINA))
				: Comparator.comparingInt(KeyEnterprise::openHeadcount);
		all.sort(request.descending() ? order.reversed() : order);
		return Page.slice(all, request);
	}

	/** Every key enterprise the filter lets through, for the list's file. */
	@Transactional(readOnly = true)
	public List<KeyEnterprise> keyEnterprises(Actor actor, TrainingFilter filter) {
		requireOfficer(actor);
		var rule = rule();
		var path = TrainingScope.filterPath(regions, filter.region());
		var demand = new LinkedHashMap<String, Integer>();
		jdbc.sql("""
				select d.enterprise_code, sum(d.headcount) from training.demand_item d
				where d.status = 'OPEN' and (d.enterprise_path like :scope || '%' or d.place_path like :scope || '%')
				group by d.enterprise_code
				""").param("scope", actor.scope().regionPath())
				.query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
				.forEach(e -> demand.put(e.getKey(), e.getValue()));
		var candidates = new LinkedHashMap<String, Enterprise>();
		organisations.keyEnterprises(actor).forEach(e -> candidates.put(e.creditCode(), e));
		demand.keySet().forEach(code -> organisations.enterprise(code).ifPresent(e -> candidates.putIfAbsent(code, e)));
		var places = path == null ? Map.<String, Region>of() : regions.all();
		var result = new ArrayList<KeyEnterprise>();
		for (var e : candidates.values()) {
			if (filter.name() != null && !e.name().contains(filter.name())) {
				continue;
			}
			if (path != null && (places.get(e.region()) == null || !places.get(e.region()).path().startsWith(path))) {
				continue;
			}
			int open = demand.getOrDefault(e.creditCode(), 0);
			var reasons = new ArrayList<Reason>();
			if (e.keyEnterprise()) {
				reasons.add(Reason.of("training.reason.designated", e.keyReason() == null ? "" : e.keyReason()));
			}
			if (open > 0) {
				if (rule.countClusters() && e.cluster() != null) {
					reasons.add(Reason.of("training.reason.cluster", e.cluster()));
				}
				if (e.size() != null && rule.sizes().contains(e.size())) {
					reasons.add(Reason.of("training.reason.size." + e.size()));
				}
				if (open >= rule.minHeadcount()) {
					reasons.add(Reason.of("training.reason.headcount", open, rule.minHeadcount()));
				}
			}
			if (!reasons.isEmpty()) {
				result.add(new KeyEnterprise(e.creditCode(), e.name(), e.region(), e.cluster(), e.size(), open,
						List.copyOf(reasons)));
			}
		}
		result.sort((a, b) -> Integer.compare(b.openHeadcount(), a.openHeadcount()));
		return result;
	}

	/** 用工需求清单: open demand in the actor's region, soonest first, filtered and paged. */
	@Transactional(readOnly = true)
	public Page<DemandItem> labourDemand(Actor actor, TrainingFilter filter, PageRequest request) {
		requireOfficer(actor);
		return survey.page(actor, filter.status() == null ? filter.withStatus("OPEN") : filter, request);
	}

	/** Every line of the labour-demand list the filter lets through, for its file (capped). */
	@Transactional(readOnly = true)
	public List<DemandItem> labourDemand(Actor actor, TrainingFilter filter) {
		requireOfficer(actor);
		return survey.rows(actor, filter.status() == null ? filter.withStatus("OPEN") : filter,
				"d.needed_by asc, d.id asc", EXPORT_ROWS, 0);
	}

	/** The most rows a list's file holds; a larger set is narrowed by its filters first. */
	public static final int EXPORT_ROWS = 50_000;

	/** 职业技能培训订单清单: what enterprises want trained, and who took it up; filtered and paged. */
	@Transactional(readOnly = true)
	public Page<TrainingWish> trainingOrders(Actor actor, TrainingFilter filter, PageRequest request) {
		requireOfficer(actor);
		var items = wishes(actor, filter, request.orderBy(WISH_SORTS, "d.id"), request.size(), request.offset());
		var total = bindWish(jdbc.sql("select count(*) " + WISH_FROM), actor, filter).query(Long.class).single();
		return Page.of(items, total, request);
	}

	@Transactional(readOnly = true)
	public List<TrainingWish> trainingOrders(Actor actor, TrainingFilter filter) {
		requireOfficer(actor);
		return wishes(actor, filter, "d.id asc", EXPORT_ROWS, 0);
	}

	private static final String WISH_FROM = """
			from training.demand_item d
			left join lateral (select o.id, o.status, o.provider_name from training.training_order o
			                   where o.demand_item_id = d.id order by o.id desc limit 1) o on true
			where d.status = 'OPEN' and d.train_headcount > 0
			  and (d.enterprise_path like :scope || '%' or d.place_path like :scope || '%')
			  and (cast(:path as text) is null or d.place_path like :path || '%' or d.enterprise_path like :path || '%')
			  and (cast(:occupation as text) is null or d.occupation_code = :occupation)
			  and (cast(:grade as text) is null or d.grade = :grade)
			  and (cast(:name as text) is null or position(:name in d.enterprise_name) > 0)
			  and (cast(:status as text) is null or (:status = 'NONE' and o.id is null) or o.status = :status)
			""";

	private List<TrainingWish> wishes(Actor actor, TrainingFilter filter, String orderBy, int limit, int offset) {
		return bindWish(jdbc.sql("""
				select d.id, d.enterprise_code, d.enterprise_name, d.occupation_code, d.grade, d.train_headcount,
				       d.place_county, o.id as order_id, o.status, o.provider_name,
				       (select min(c.id) from training.training_class c where c.order_id = o.id) as class_id
				""" + WISH_FROM + " order by " + orderBy + " limit :limit offset :offset"), actor, filter)
				.param("limit", limit).param("offset", offset)
				.query((rs, i) -> new TrainingWish(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getInt(6), rs.getString(7), (Long) rs.getObject(8), rs.getString(9),
						rs.getString(10), (Long) rs.getObject(11)))
				.list();
	}

	private JdbcClient.StatementSpec bindWish(
			JdbcClient.StatementSpec spec, Actor actor, TrainingFilter filter) {
		return spec.param("scope", actor.scope().regionPath())
				.param("path", TrainingScope.filterPath(regions, filter.region()))
				.param("occupation", filter.occupation()).param("grade", filter.grade()).param("name", filter.name())
				.param("status", filter.status());
	}

	private static void requireOfficer(Actor actor) {
		actor.requireRegionalOfficer();
	}
}
