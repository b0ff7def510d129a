package cn.gongjiang.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The Chinese names clerks write in import files for the registry's code lists, and the codes stored for them: a file
 * may say 大型 or LARGE, 技师学院 or TECHNICIAN_COLLEGE. The names are the ones the console shows (i18n/registry_zh_CN).
 */
final class RegistryCodes {

	static final Map<String, String> SIZES = names("微型", "MICRO", "小型", "SMALL", "中型", "MEDIUM", "大型", "LARGE");
	static final Map<String, String> SKILL_BASED = names("未申报", "NONE", "培育中", "CANDIDATE", "已认定", "RECOGNISED");
	static final Map<String, String> PROVIDER_KINDS = names("技工学校", "TECHNICAL_SCHOOL", "高级技工学校",
			"SENIOR_TECHNICAL_SCHOOL", "技师学院", "TECHNICIAN_COLLEGE", "职业院校", "VOCATIONAL_SCHOOL", "普通高校", "UNIVERSITY",
			"民办培训机构", "PRIVATE_INSTITUTION", "企业培训中心", "ENTERPRISE_CENTRE", "线上培训平台", "ONLINE_PLATFORM");
	static final Map<String, String> PROVIDER_STATUSES = names("正常", "ACTIVE", "暂停", "SUSPENDED", "退出", "EXITED",
			"已退出", "EXITED");

	private RegistryCodes() {
	}

	/** The code for a cell: the code itself, or the code of the name written; anything else as written (refused later). */
	static String code(Map<String, String> names, String cell) {
		if (cell == null || cell.isBlank()) {
			return cell;
		}
		var value = cell.strip();
		return names.getOrDefault(value, value);
	}

	/** "微型、小型、中型、大型" for a template's column help. */
	static String listed(Map<String, String> names) {
		var seen = new LinkedHashSet<String>();
		names.forEach((name, code) -> {
			if (seen.stream().noneMatch(n -> names.get(n).equals(code))) {
				seen.add(name);
			}
		});
		return String.join("、", seen);
	}

	private static Map<String, String> names(String... pairs) {
		var map = new LinkedHashMap<String, String>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}
}
