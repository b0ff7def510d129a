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
}
