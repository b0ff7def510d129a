package cn.gongjiang.identity;

import java.time.Clock;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.security.Actor;

/**
 * The sign-in rules for console and API alike: password, lockout after five failures, and the TOTP second factor
 * for officers and administrators. Every attempt is audited, successful or not.
 */
@Service
public class SignIn {

	private final Accounts accounts;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final Clock clock;
	private final DemoMode demo;
	private final ApiTokens tokens;
	private final String dummyHash;

	SignIn(Accounts accounts, PasswordEncoder passwords, AuditLog audit, Clock clock, DemoMode demo,
			ApiTokens tokens) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.demo = demo;
		this.dummyHash = passwords.encode("timing-equaliser");
	}

	public SignInResult password(String username, String password) {
		var now = clock.instant();
		var found = accounts.byUsername(username == null ? "" : username.strip());
		if (found.isEmpty()) {
			passwords.matches(String.valueOf(password), dummyHash); // same time as a real check
			audit.recordAnonymous(typed(username), "login", null, AuditOutcome.FAILURE, "unknown account");
			return new SignInResult.Refused("auth.bad-credentials");
		}
		var account = found.get();
		// a disabled or locked account answers like an unknown one unless the password is right, so that
		// refusals never tell an attacker which accounts exist; its owner learns why with their own password
		var passwordRight = password != null && passwords.matches(password, account.passwordHash());
		if (!account.enabled()) {
			audit.recordAnonymous(account.username(), "login", null, AuditOutcome.DENIED, "disabled");
			return new SignInResult.Refused(passwordRight ? "auth.disabled" : "auth.bad-credentials");
		}
		if (account.lockedAt(now)) {
			audit.recordAnonymous(account.username(), "login", null, AuditOutcome.DENIED, "locked");
			return new SignInResult.Refused(passwordRight ? "auth.locked" : "auth.bad-credentials");
		}
		if (!passwordRight) {
			return failure(account, "bad password");
		}
		if (account.needsSecondFactor(demo.enabled())) {
			return new SignInResult.SecondFactorNeeded(account.id(), account.username(), account.totpEnrolled());
		}
		return success(account, "password");
	}

	/**
	 * What was typed as a username, for the audit log: no username is longer than 64 characters (the account table's
	 * check), and the log's account index cannot hold an entry of several kilobytes, so a longer one is abbreviated.
	 */
	private static String typed(String username) {
		return username != null && username.length() > 64 ? username.substring(0, 64) + "…" : username;
	}

	/** The second step. The password step must have succeeded for this account in the same session or request. */
	public SignInResult secondFactor(long accountId, String code) {
		var account = accounts.byId(accountId).orElseThrow();
		var now = clock.instant();
		if (account.lockedAt(now)) {
			audit.recordAnonymous(account.username(), "login", null, AuditOutcome.DENIED, "locked");
			return new SignInResult.Refused("auth.locked");
		}
		if (!account.totpEnrolled()) {
			return new SignInResult.Refused("auth.totp-not-enrolled");
		}
		var step = Totp.verify(account.totpSecret(), code, now, account.totpLastStep());
		if (step.isEmpty() || !accounts.acceptTotpStep(account.id(), step.getAsLong())) {
			return failure(account, "bad totp");
		}
		return success(account, "password+totp");
	}

	/** First sign-in of an officer: the code proves the authenticator app holds the new secret. */
	public SignInResult enrol(long accountId, String secret, String code) {
		var account = accounts.byId(accountId).orElseThrow();
		var step = Totp.verify(secret, code, clock.instant(), null);
		if (step.isEmpty()) {
			return failure(account, "bad totp at enrolment");
		}
		accounts.enrolTotp(account.id(), secret, step.getAsLong());
		audit.recordAnonymous(account.username(), "totp.enrol", account.username(), AuditOutcome.SUCCESS, null);
		return success(account, "password+totp-enrolment");
	}

	public String newTotpSecret() {
		return Totp.newSecret();
	}

	public String enrolmentUri(String username, String secret) {
		return Totp.otpauthUri(username, secret);
	}

	private SignInResult failure(Account account, String detail) {
		accounts.recordFailure(account.id(), clock.instant());
		audit.recordAnonymous(account.username(), "login", null, AuditOutcome.FAILURE, detail);
		return new SignInResult.Refused("auth.bad-credentials");
	}

	private SignInResult success(Account account, String method) {
		accounts.recordSuccess(account.id(), clock.instant());
		var actor = account.actor();
		audit.record(actor, "login", null, AuditOutcome.SUCCESS, method);
		return new SignInResult.SignedIn(actor, account.mustChangePassword());
	}

	/**
	 * The owner changes their own password: the current one must be right (a failure counts towards lockout), the new
	 * one must meet the policy and differ from the current one. Every API token of the account is revoked.
	 */
	@Transactional
	public void changeOwnPassword(Actor actor, String current, String replacement) {
		var account = accounts.byId(actor.accountId()).orElseThrow();
		if (current == null || !passwords.matches(current, account.passwordHash())) {
			accounts.recordFailure(account.id(), clock.instant());
			audit.record(actor, "account.password.change", account.username(), AuditOutcome.FAILURE, "wrong current");
			throw new InvalidValueException("password.current-wrong");
		}
		PasswordPolicy.check(replacement, account.username(), account.role());
		if (passwords.matches(replacement, account.passwordHash())) {
			throw new InvalidValueException("password.unchanged");
		}
		accounts.changeOwnPassword(account.id(), passwords.encode(replacement));
		tokens.revokeAll(account.id());
		audit.record(actor, "account.password.change", account.username(), AuditOutcome.SUCCESS, null);
	}
}
