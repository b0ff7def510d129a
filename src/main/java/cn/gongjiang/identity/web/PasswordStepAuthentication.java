package cn.gongjiang.identity.web;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Between the two sign-in steps: the password was right, the TOTP code is still owed. Opens only /login/totp. */
final class PasswordStepAuthentication extends AbstractAuthenticationToken {

	static final String AUTHORITY = "FACTOR_PASSWORD";

	private final long accountId;
	private final String username;
	private final boolean enrolled;

	PasswordStepAuthentication(long accountId, String username, boolean enrolled) {
		super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
		this.accountId = accountId;
		this.username = username;
		this.enrolled = enrolled;
		setAuthenticated(true);
	}

	long accountId() {
		return accountId;
	}

	boolean enrolled() {
		return enrolled;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return username;
	}
}
