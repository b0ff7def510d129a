package cn.gongjiang.shared.security;

import java.io.Serializable;

/**
 * The signed-in account a request acts for: the principal of every authentication, passed explicitly to the
 * application services that check data scope. {@code mayUnmask}: may see full ID and mobile numbers (audited).
 */
public record Actor(long accountId, String username, String displayName, Role role, DataScope scope,
		boolean mayUnmask) implements Serializable {

	public boolean is(Role other) {
		return role == other;
	}

	/**
	 * An officer of a region acting on something placed at one of {@code paths} inside that region: the one
	 * test for "an officer acting in scope". A record the platform cannot place in a region is the province's; a
	 * department officer or a party answers false.
	 */
	public boolean officerCovering(String... paths) {
		if (!role.officer() || !scope.regional()) {
			return false;
		}
		for (var path : paths) {
			if (path == null ? scope.provinceWide() : scope.covers(path)) {
				return true;
			}
		}
		return false;
	}
}
