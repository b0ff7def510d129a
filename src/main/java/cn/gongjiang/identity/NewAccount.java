package cn.gongjiang.identity;

import cn.gongjiang.shared.security.Role;

/**
 * What the security administrator enters to open an account. {@code scope} is a region code for regional
 * officers, a department code for department officers, a credit code for organisations, a person key for workers.
 */
public record NewAccount(String username, String displayName, Role role, String scope, String initialPassword,
		boolean mayUnmask) {

	public NewAccount(String username, String displayName, Role role, String scope, String initialPassword) {
		this(username, displayName, role, scope, initialPassword, false);
	}
}
