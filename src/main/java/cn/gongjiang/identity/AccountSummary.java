package cn.gongjiang.identity;

import java.time.Instant;

import cn.gongjiang.shared.security.Role;

/** An account as the security administrator sees it: never the password hash or TOTP secret. */
public record AccountSummary(long id, String username, String displayName, Role role, String scope,
		boolean enabled, boolean locked, boolean totpEnrolled, Instant lastLoginAt, boolean mayUnmask, int version) {
}
