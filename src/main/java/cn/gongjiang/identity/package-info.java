/**
 * Accounts, roles and data scopes, sign-in with lockout and a TOTP second factor, API tokens, and the security
 * administrator's account management. Owns schema {@code identity} (TOTP secrets sealed by {@code privacy}); every sign-in and account change goes to the
 * audit log. Depends on {@code region} to turn a region code into the path a scope is checked against, and on
 * {@code registry} to name an account's organisation or worker for the security administrator.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "region", "privacy",
		"registry" })
package cn.gongjiang.identity;
