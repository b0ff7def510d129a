package cn.gongjiang.console;

import java.util.ArrayList;
import java.util.List;

import cn.gongjiang.shared.security.Role;

/**
 * The sidebar: what each role works on. Hiding an item is courtesy only; every page and query checks scope itself.
 */
final class Navigation {

	record Item(String path, String labelKey) {
	}

	private Navigation() {
	}

	static List<Item> forRole(Role role) {
		var items = new ArrayList<Item>();
		items.add(new Item("/", "nav.home"));
		switch (role) {
			case SECURITY_ADMIN -> items.add(new Item("/admin/accounts", "nav.accounts"));
			case AUDITOR -> items.add(new Item("/audit", "nav.audit"));
			case SYSTEM_ADMIN -> items.add(new Item("/system", "nav.system"));
			default -> {
			}
		}
		if (role.officer()) {
			items.add(new Item("/targets", "nav.targets"));
			if (role != Role.DEPARTMENT_OFFICER) {
				items.add(new Item("/training", "nav.training"));
				items.add(new Item("/supervision", "nav.supervision"));
				items.add(new Item("/subsidies", "nav.subsidies"));
			}
			if (role != Role.DEPARTMENT_OFFICER) {
				items.add(new Item("/enrolment", "nav.enrolment"));
			}
			items.add(new Item("/persons", "nav.persons"));
			items.add(new Item("/enterprises", "nav.enterprises"));
			items.add(new Item("/providers", "nav.providers"));
			items.add(new Item("/imports", "nav.imports"));
		}
		if (role == Role.ENTERPRISE || role == Role.TRAINING_PROVIDER || role == Role.TECHNICAL_SCHOOL
				|| role == Role.WORKER) {
			items.add(new Item("/training", "nav.training"));
		}
		if (role == Role.ENTERPRISE || role == Role.TRAINING_PROVIDER || role == Role.TECHNICAL_SCHOOL) {
			items.add(new Item("/subsidies/claims", "nav.claims"));
		}
		if (role == Role.ENTERPRISE) {
			items.add(new Item("/enterprises", "nav.own-enterprise"));
		}
		if (role == Role.TECHNICAL_SCHOOL) {
			items.add(new Item("/enrolment", "nav.enrolment"));
		}
		if (role == Role.TRAINING_PROVIDER || role == Role.TECHNICAL_SCHOOL) {
			items.add(new Item("/providers", "nav.own-provider"));
			items.add(new Item("/imports?kind=certificates", "nav.certificates-import"));
		}
		if (role == Role.WORKER) {
			items.add(new Item("/me", "nav.archive"));
		}
		if (role.officer() || role == Role.SYSTEM_ADMIN) {
			items.add(new Item("/regions", "nav.regions"));
		}
		if (!role.administrator() || role == Role.SYSTEM_ADMIN) {
			items.add(new Item("/occupations", "nav.occupations"));
		}
		return items;
	}
}
