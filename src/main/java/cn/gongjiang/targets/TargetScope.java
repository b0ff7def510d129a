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

	/** SQL predicate over a row aliased {@code t} with region_path, department and task_line_id. */
	static final String VISIBLE = """
			((:scopeKind = 'REGION' and t.region_path like :scopePath || '%')
			 or (:scopeKind = 'REGION' and :scopePath = '/330000/' and t.department is not null)
			 or (:scopeKind = 'DEPARTMENT' and t.department is not null
			     and :scopeValue = any(string_to_array(t.department, '、'))))
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
