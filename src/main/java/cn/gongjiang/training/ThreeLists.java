package cn.gongjiang.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.registry.Enterprise;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.shared.InvalidValueException;
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

	/** A key enterprise and why. */
	public record KeyEnterprise(String creditCode, String name, String region, String cluster, String size,
			int openHeadcount, List<String> reasons) {
	}

	/** A line of the training-order list: a demand to train, and the order and provider that took it up. */
	public record TrainingWish(long demandId, String enterpriseCode, String enterpriseName, String occupationCode,
			String grade, int trainHeadcount, String placeCounty, Long orderId, String orderStatus,
			String providerName) {
	}

	private final JdbcClient jdbc;
	private final DemandSurvey survey;
	private final OrganisationRegistry organisations;
	private final AuditLog audit;

	ThreeLists(JdbcClient jdbc, DemandSurvey survey, OrganisationRegistry organisations, AuditLog audit) {
		this.jdbc = jdbc;
		this.survey = survey;
		this.organisations = organisations;
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
			audit.record(actor, "training.key-rule", null, AuditOutcome.DENIED, null);
			throw new AccessDeniedException("the province sets the key-enterprise rule");
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
	 */
	@Transactional(readOnly = true)
	public List<KeyEnterprise> keyEnterprises(Actor actor) {
		requireOfficer(actor);
		var rule = rule();
		var demand = new LinkedHashMap<String, Integer>();
		survey.open(actor).forEach(d -> demand.merge(d.enterpriseCode(), d.headcount(), Integer::sum));
		var candidates = new LinkedHashMap<String, Enterprise>();
		organisations.keyEnterprises(actor).forEach(e -> candidates.put(e.creditCode(), e));
		demand.keySet().forEach(code -> organisations.enterprise(code).ifPresent(e -> candidates.putIfAbsent(code, e)));
		var result = new ArrayList<KeyEnterprise>();
		for (var e : candidates.values()) {
			int open = demand.getOrDefault(e.creditCode(), 0);
			var reasons = new ArrayList<String>();
			if (e.keyEnterprise()) {
				reasons.add("认定重点企业：" + e.keyReason());
			}
			if (open > 0) {
				if (rule.countClusters() && e.cluster() != null) {
					reasons.add("415X集群：" + e.cluster());
				}
				if (e.size() != null && rule.sizes().contains(e.size())) {
					reasons.add("企业规模：" + e.size());
				}
				if (open >= rule.minHeadcount()) {
					reasons.add("用工需求 " + open + " 人（≥ " + rule.minHeadcount() + "）");
				}
			}
			if (!reasons.isEmpty()) {
				result.add(new KeyEnterprise(e.creditCode(), e.name(), e.region(), e.cluster(), e.size(), open, reasons));
			}
		}
		result.sort((a, b) -> Integer.compare(b.openHeadcount(), a.openHeadcount()));
		return result;
	}

	/** 用工需求清单: open demand in the actor's region, soonest first. */
	@Transactional(readOnly = true)
	public List<DemandItem> labourDemand(Actor actor) {
		requireOfficer(actor);
		return survey.open(actor);
	}

	/** 职业技能培训订单清单: what enterprises want trained, and who took it up. */
	@Transactional(readOnly = true)
	public List<TrainingWish> trainingOrders(Actor actor) {
		requireOfficer(actor);
		var orders = new java.util.HashMap<Long, Map<String, Object>>();
		jdbc.sql("select id, demand_item_id, status, provider_name from training.training_order where demand_item_id is not null")
				.query().listOfRows().forEach(o -> orders.put(((Number) o.get("demand_item_id")).longValue(), o));
		return survey.open(actor).stream().filter(d -> d.trainHeadcount() > 0).map(d -> {
			var o = orders.get(d.id());
			return new TrainingWish(d.id(), d.enterpriseCode(), d.enterpriseName(), d.occupationCode(), d.grade(),
					d.trainHeadcount(), d.placeCounty(), o == null ? null : ((Number) o.get("id")).longValue(),
					o == null ? null : (String) o.get("status"), o == null ? null : (String) o.get("provider_name"));
		}).toList();
	}

	private static void requireOfficer(Actor actor) {
		if (!actor.role().officer() || !actor.scope().regional()) {
			throw new AccessDeniedException("the three lists are the officers'");
		}
	}
}
