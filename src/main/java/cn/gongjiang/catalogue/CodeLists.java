package cn.gongjiang.catalogue;

import java.util.List;
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
