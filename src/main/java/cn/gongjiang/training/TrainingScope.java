package cn.gongjiang.training;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

import cn.gongjiang.shared.security.Actor;

/** Who sees which training records: officers by region path, an enterprise or provider by its credit code. */
final class TrainingScope {

	private TrainingScope() {
	}

	/** A predicate over a path column and an organisation column of the row. */
	static String visible(String pathColumn, String organisationColumn) {
		return "((:scopeKind = 'REGION' and " + pathColumn + " like :scopePath || '%') or (:scopeKind = 'ORGANISATION' and "
				+ organisationColumn + " = :scopeValue))";
	}

	static StatementSpec bind(StatementSpec spec, Actor actor) {
		var scope = actor.scope();
		return spec.param("scopeKind", scope.kind().name())
				.param("scopePath", scope.regionPath() == null ? "" : scope.regionPath())
				.param("scopeValue", scope.value() == null ? "" : scope.value());
	}
}
