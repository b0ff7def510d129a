package cn.gongjiang.identity;

import java.time.Instant;

import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * An account as the security administrator sees it: never the password hash or TOTP secret. {@code scopeName} is
 * the scope in words; {@code secondFactorRequired} whether the role signs in with a TOTP code.
 */
public record AccountSummary(long id, String username, String displayName, Role role, DataScope scope,
		ScopeName scopeName, boolean enabled, boolean locked, boolean totpEnrolled, Instant lastLoginAt,
		boolean mayUnmask, boolean mustChangePassword, int version) {

	public boolean secondFactorRequired() {
		return role.privileged();
	}
}
