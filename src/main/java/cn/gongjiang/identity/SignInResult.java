package cn.gongjiang.identity;

import cn.gongjiang.shared.security.Actor;

/** What a sign-in step decided. */
public sealed interface SignInResult {

	/** Signed in; with {@code mustChangePassword} only the password page opens until the password is changed. */
	record SignedIn(Actor actor, boolean mustChangePassword) implements SignInResult {
	}

	/** The password was right; an officer or administrator must now give a TOTP code (or enrol one). */
	record SecondFactorNeeded(long accountId, String username, boolean enrolled) implements SignInResult {
	}

	/** Refused, with the message code to show. */
	record Refused(String code) implements SignInResult {
	}
}
