package cn.gongjiang.identity;


import org.springframework.stereotype.Component;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/** Names the scope of an account from the registries: a page of accounts needs at most one look-up a row. */
@Component
class ScopeNames {

	private final RegionDirectory regions;
	private final OrganisationRegistry organisations;
	private final PersonRegistry persons;

	ScopeNames(RegionDirectory regions, OrganisationRegistry organisations, PersonRegistry persons) {
		this.regions = regions;
		this.organisations = organisations;
		this.persons = persons;
	}

	ScopeName of(Role role, DataScope scope) {
		return switch (scope.kind()) {
			case NONE -> ScopeName.NONE;
			case REGION -> new ScopeName(scope.kind(), regions.placeOf(scope.value()), scope.value());
			case DEPARTMENT -> new ScopeName(scope.kind(), scope.value(), null);
			case ORGANISATION -> new ScopeName(scope.kind(), organisation(role, scope.value()), scope.value());
			case PERSON -> person(scope.value());
		};
	}

	/** The registered name; null when the organisation is not (yet) in the registry. */
	private String organisation(Role role, String creditCode) {
		return role == Role.ENTERPRISE ? organisations.enterprise(creditCode).map(e -> e.name()).orElse(null)
				: organisations.provider(creditCode).map(p -> p.name()).orElse(null);
	}

	/** A worker's scope is the keyed index of their ID number: the registry knows whose it is. */
	private ScopeName person(String index) {
		try {
			return persons.profile(IdNumberIndex.fromHex(index))
					.map(p -> new ScopeName(Role.ScopeKind.PERSON, p.name(), p.idNumberMasked()))
					.orElse(new ScopeName(Role.ScopeKind.PERSON, null, null));
		}
		catch (IllegalArgumentException notHex) {
			return new ScopeName(Role.ScopeKind.PERSON, null, null);
		}
	}
}
