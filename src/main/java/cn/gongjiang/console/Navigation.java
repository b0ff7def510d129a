package cn.gongjiang.console;

import java.util.ArrayList;
import java.util.List;

import cn.gongjiang.shared.security.Role;

/**
 * The sidebar: what each role works on, in groups, each item with its icon (Tabler icons). A role sees only what it
 * may open ({@code ConsoleCrawlBrowserTests} opens every item as every demo account and fails on a 403); hiding an
 * item is courtesy only, since every page and query checks scope itself.
 */
final class Navigation {

	record Item(String path, String labelKey, String icon) {
	}

	record Group(String labelKey, List<Item> items) {
	}

	private Navigation() {
	}

	static List<Group> forRole(Role role) {
		var groups = new ArrayList<Group>();
		groups.add(group(null, item("/", "nav.home", "layout-dashboard")));
		switch (role) {
			case PROVINCE_OFFICER, CITY_OFFICER, COUNTY_OFFICER -> officer(role, groups);
			case DEPARTMENT_OFFICER -> groups.add(group("nav.group.targets",
					item("/targets/department", "nav.department-tasks", "list-check"),
					item("/targets/returns", "nav.returns", "file-check"),
					item("/targets/milestones", "nav.milestones", "flag"),
					item("/imports?kind=target-returns", "nav.returns-import", "file-upload")));
			case ENTERPRISE -> {
				groups.add(group("nav.group.training", item("/training", "nav.enterprise-training", "clipboard-list")));
				groups.add(group("nav.group.recruitment", item("/recruitment", "nav.recruitment.enterprise", "briefcase")));
				groups.add(group("nav.group.subsidies", item("/subsidies/claims", "nav.claims", "file-invoice")));
				groups.add(group("nav.group.organisation", item("/enterprises", "nav.own-enterprise", "building-factory-2"),
						item("/imports", "nav.enterprise-imports", "file-upload")));
			}
			case TRAINING_PROVIDER, TECHNICAL_SCHOOL -> {
				groups.add(group("nav.group.training", item("/training", "nav.provider-training", "chalkboard"),
						item("/imports", "nav.provider-imports", "file-upload"),
						item("/evaluation-filings", "nav.own-evaluation-filings", "rosette-discount-check"),
						item("/analytics/sites", "nav.analytics.sites", "map-pin")));
				if (role == Role.TECHNICAL_SCHOOL) {
					groups.add(group("nav.group.enrolment", item("/enrolment", "nav.school-enrolment", "school")));
					groups.add(group("nav.group.recruitment", item("/recruitment", "nav.recruitment.school", "speakerphone")));
				}
				groups.add(group("nav.group.subsidies", item("/subsidies/claims", "nav.claims", "file-invoice")));
				groups.add(group("nav.group.organisation", item("/providers", "nav.own-provider", "building")));
			}
			case WORKER -> groups.add(group("nav.group.mine", item("/training", "nav.worker-training", "school"),
					item("/recruitment", "nav.recruitment.worker", "briefcase"), item("/me", "nav.archive", "id-badge-2"),
					item("/analytics/me", "nav.analytics.me", "chart-line")));
			case SYSTEM_ADMIN -> groups.add(group("nav.group.system", item("/system", "nav.system", "server")));
			case SECURITY_ADMIN -> groups.add(group("nav.group.system", item("/admin/accounts", "nav.accounts", "users-group")));
			case AUDITOR -> groups.add(group("nav.group.system", item("/audit", "nav.audit", "file-search")));
		}
		var reference = new ArrayList<Item>();
		if (role.officer() || role == Role.SYSTEM_ADMIN) {
			reference.add(item("/regions", "nav.regions", "map-2"));
		}
		if (role.readsBusinessData() || role == Role.SYSTEM_ADMIN) {
			reference.add(item("/occupations", "nav.occupations", "book"));
		}
		if (!reference.isEmpty()) {
			groups.add(new Group("nav.group.reference", reference));
		}
		return groups;
	}

	private static void officer(Role role, List<Group> groups) {
		var targets = new ArrayList<Item>(List.of(item("/targets", "nav.targets", "target-arrow"),
				item("/targets/returns", "nav.returns", "file-check")));
		if (role == Role.PROVINCE_OFFICER) {
			targets.add(item("/targets/milestones", "nav.milestones", "flag"));
			targets.add(item("/targets/department", "nav.department-tasks", "list-check"));
		}
		if (role != Role.COUNTY_OFFICER) {
			targets.add(item("/targets/reports", "nav.reports", "report"));
		}
		groups.add(new Group("nav.group.targets", targets));
		groups.add(group("nav.group.analytics", item("/analytics/shares", "nav.analytics.shares", "chart-pie"),
				item("/analytics/wages", "nav.analytics.wages", "coin-yuan"),
				item("/analytics/profiles", "nav.analytics.profiles", "user-search"),
				item("/analytics/circle", "nav.analytics.circle", "map-pins")));
		groups.add(group("nav.group.training", item("/training", "nav.training", "list-details"),
				item("/supervision", "nav.supervision", "shield-check"),
				item("/evaluation-filings", "nav.evaluation-filings", "rosette-discount-check")));
		groups.add(group("nav.group.subsidies", item("/subsidies", "nav.subsidies", "currency-yuan"),
				item("/subsidies/claims", "nav.claims.review", "file-invoice"),
				item("/subsidies/payments", "nav.payments", "building-bank"),
				item("/subsidies/budgets", "nav.budgets", "wallet"),
				item("/subsidies/simulations", "nav.simulations", "calculator")));
		groups.add(group("nav.group.enrolment", item("/enrolment", "nav.enrolment", "school"),
				item("/enrolment/duplicates", "nav.duplicates", "copy")));
		groups.add(group("nav.group.recruitment", item("/recruitment", "nav.recruitment", "briefcase")));
		groups.add(group("nav.group.registries", item("/persons", "nav.persons", "users"),
				item("/enterprises", "nav.enterprises", "building-factory-2"),
				item("/providers", "nav.providers", "building"),
				item("/imports", "nav.imports", "file-upload")));
	}

	/** The item a path belongs to: the longest item path it starts with. */
	static Item current(List<Group> groups, String path) {
		Item best = null;
		for (var group : groups) {
			for (var item : group.items()) {
				var itemPath = item.path().contains("?") ? item.path().substring(0, item.path().indexOf('?')) : item.path();
				var matches = itemPath.equals("/") ? path.equals("/") : path.equals(itemPath) || path.startsWith(itemPath + "/");
				if (matches && (best == null || itemPath.length() > best.path().length())) {
					best = item;
				}
			}
		}
		return best;
	}

	static Group groupOf(List<Group> groups, Item item) {
		return groups.stream().filter(g -> g.items().contains(item)).findFirst().orElse(null);
	}

	private static Item item(String path, String labelKey, String icon) {
		return new Item(path, labelKey, icon);
	}

	private static Group group(String labelKey, Item... items) {
		return new Group(labelKey, List.of(items));
	}
}
