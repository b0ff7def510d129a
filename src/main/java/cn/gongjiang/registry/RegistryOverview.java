package cn.gongjiang.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.security.Actor;

/** How many persons, enterprises and providers an account's scope holds: the first thing an officer's home shows. */
@Service
public class RegistryOverview {

	public record Counts(long persons, long enterprises, long providers) {
	}

	private final JdbcClient jdbc;

	RegistryOverview(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Counts of(Actor actor) {
		var persons = RegistryScope.bind(jdbc.sql("select count(*) from registry.person p where " + Persons.VISIBLE),
				actor.scope()).query(Long.class).single();
		var enterprises = RegistryScope.bind(jdbc.sql("select count(*) from registry.enterprise o where "
				+ Organisations.VISIBLE), actor.scope()).query(Long.class).single();
		var providers = RegistryScope.bind(jdbc.sql("select count(*) from registry.provider o where "
				+ Organisations.VISIBLE), actor.scope()).query(Long.class).single();
		return new Counts(persons, enterprises, providers);
	}
}
