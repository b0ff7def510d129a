package cn.gongjiang.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.gongjiang.shared.NotFoundException;

@Service
public class CodeLists {

	public static final Set<String> LISTS = Set.of("person-group", "industry-field");

	private final JdbcClient jdbc;

	CodeLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An entry's name in the reader's language; the code itself when unknown. Lists change only by migration. */
	public String nameOf(String list, String code, Locale locale) {
		if (code == null || code.isBlank()) {
			return null;
		}
		var cached = items;
		if (cached == null) {
			var all = new HashMap<String, CodeItem>();
			for (var name : LISTS) {
				list(name).forEach(item -> all.put(name + ":" + item.code(), item));
			}
			cached = Map.copyOf(all);
			items = cached;
		}
		var item = cached.get(list + ":" + code);
		if (item == null) {
			return code;
		}
		return "en".equals(locale.getLanguage()) ? item.nameEn() : item.nameZh();
	}

	private volatile Map<String, CodeItem> items;

	public List<CodeItem> list(String list) {
		if (!LISTS.contains(list)) {
			throw new NotFoundException("catalogue.not-found", list);
		}
		return jdbc.sql("""
				select code, name_zh, name_en, parent_code, source from catalogue.code_item
				where list = :list order by sort_order
				""")
				.param("list", list)
				.query(CodeItem.class)
				.list();
	}
}
