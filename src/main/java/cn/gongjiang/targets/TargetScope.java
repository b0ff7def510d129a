package cn.gongjiang.targets;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.security.access.AccessDeniedException;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Who sees which targets: region officers those of their region and below (the province also the departments'),
 * department officers those of the task lines their department is responsible for. Parties see none.
 */
final class TargetScope {

	static final String PROVINCE_PATH = "/330000/";

	/**
	 * SQL predicate over a row aliased {@code t} with region_code, region_path and task_line_id: a target or a return.
	 * A row without a region is a department figure of its task line, whose departments are the line's.
	 */
	static final String VISIBLE = """
			((:scopeKind = 'REGION' and t.region_path like :scopePath || '%')
			 or (:scopeKind = 'REGION' and :scopePath = '/330000/' and t.region_code is null)
			 or (:scopeKind = 'DEPARTMENT' and t.region_code is null and exists (select 1
			     from targets.task_line_department o where o.task_line_id = t.task_line_id and o.department = :scopeValue)))
			""";

	/** The departments of a row aliased {@code t}, joined as 附件1 prints them (省人力社保厅、省经信厅); null for a region's. */
	static final String DEPARTMENT = """
			(select string_agg(o.department, '、' order by o.position) from targets.task_line_department o
			 where o.task_line_id = t.task_line_id and t.region_code is null) as department
			""";

	/** SQL predicate: the row aliased {@code t} is a figure of {@code :department} (one of its task line's departments). */
	static final String OF_DEPARTMENT = """
			(t.region_code is null and exists (select 1 from targets.task_line_department o
			 where o.task_line_id = t.task_line_id and o.department = :department))
			""";

	private TargetScope() {
	}

	static void requireOfficer(Actor actor) {
		if (!actor.role().officer()) {
			throw new AccessDeniedException("targets are for officers");
		}
	}

	static StatementSpec bind(StatementSpec spec, Actor actor) {
		var scope = actor.scope();
		return spec.param("scopeKind", scope.kind().name()).param("scopePath", scope.regionPath() == null ? "" : scope.regionPath())
				.param("scopeValue", scope.value() == null ? "" : scope.value());
	}

	static boolean province(Actor actor) {
		return actor.role() == Role.PROVINCE_OFFICER;
	}
}
