package cn.gongjiang.identity;

import java.time.Duration;
import java.time.Instant;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/** An account as stored. Changes go through the repository with the version read. */
record Account(long id, String username, String displayName, String passwordHash, Role role, DataScope scope,
		String totpSecret, Long totpLastStep, boolean totpExempt, int failedAttempts, Instant lockedUntil,
		boolean enabled, Instant lastLoginAt, boolean mayUnmask, boolean mustChangePassword, int version) {

	/** MLPS level 3: five failures in a row lock the account for fifteen minutes. */
	static final int MAX_FAILED_ATTEMPTS = 5;
	static final Duration LOCKOUT = Duration.ofMinutes(15);

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Officers and administrators give a TOTP code; the demo accounts' exemption holds only in demo mode. */
	boolean needsSecondFactor(boolean demoMode) {
		return role.privileged() && !(totpExempt && demoMode);
	}

	boolean totpEnrolled() {
		return totpSecret != null;
	}

	Actor actor() {
		return new Actor(id, username, displayName, role, scope, mayUnmask && role.readsBusinessData());
	}
}
