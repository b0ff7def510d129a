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
		if (role.officer() || role == Role.SYSTEM_ADMIN) {
			items.add(new Item("/regions", "nav.regions"));
		}
		if (!role.administrator() || role == Role.SYSTEM_ADMIN) {
			items.add(new Item("/occupations", "nav.occupations"));
		}
		return items;
	}
}
