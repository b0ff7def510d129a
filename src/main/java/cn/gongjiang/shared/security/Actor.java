package cn.gongjiang.shared.security;

import java.io.Serializable;

/**
 * The signed-in account a request acts for: the principal of every authentication, passed explicitly to the
 * application services that check data scope.
 */
public record Actor(long accountId, String username, String displayName, Role role, DataScope scope)
		implements Serializable {

	public boolean is(Role other) {
		return role == other;
	}
}
