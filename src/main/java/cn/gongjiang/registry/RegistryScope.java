package cn.gongjiang.registry;


import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * Binds a data scope to the parameters the registry's scope predicates use: {@code :scopeKind}, {@code :scopePath},
 * {@code :scopeOrganisation} and {@code :scopePerson} (the keyed index of a worker's ID number). Always bound,
 * never spliced.
 */
final class RegistryScope {

	private RegistryScope() {
	}

	static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, DataScope scope) {
		return statement.param("scopeKind", scope.kind().name())
				.param("scopePath", scope.regional() ? scope.regionPath() : "")
				.param("scopeOrganisation", scope.kind() == Role.ScopeKind.ORGANISATION ? scope.value() : "")
				.param("scopePerson", scope.kind() == Role.ScopeKind.PERSON ? scope.personIndex().bytes()
						: new byte[0]);
	}
}
