package cn.gongjiang.training;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;

/** Who sees which training records: officers by region path, an enterprise or provider by its credit code. */
final class TrainingScope {

	/** A path no row has: a filter on a region that does not exist finds nothing rather than everything. */
	static final String NOWHERE = "/none/";

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

	/** The path of the region a list is filtered by; null for no region filter. */
	static String filterPath(RegionDirectory regions, String code) {
		if (code == null) {
			return null;
		}
		try {
			return regions.pathOf(RegionCode.of(code)).orElse(NOWHERE);
		}
		catch (InvalidValueException notACode) {
			return NOWHERE;
		}
	}
}
