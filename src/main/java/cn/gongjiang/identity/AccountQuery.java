package cn.gongjiang.identity;

import cn.gongjiang.shared.security.Role;

/**
 * What the security administrator filters accounts by; every field optional. {@code text} matches the username or
 * the name; {@code status} is one of the states an account can be in.
 */
public record AccountQuery(String text, Role role, Status status) {

	public static final AccountQuery ALL = new AccountQuery(null, null, null);

	public AccountQuery {
		text = text == null || text.isBlank() ? null : text.strip();
	}

	/** 启用, 停用, 已锁定 (five failed sign-ins), 未绑定动态口令 (privileged roles only), 须改密 (reset). */
	public enum Status {
		ENABLED, DISABLED, LOCKED, NO_SECOND_FACTOR, MUST_CHANGE_PASSWORD
	}
}
