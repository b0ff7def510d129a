package cn.gongjiang.identity;

import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.security.Role;

/**
 * Password complexity (GB/T 22239-2019 level 3, 身份鉴别): officers and administrators need at least 10 characters
 * from at least three of upper case, lower case, digits and symbols, not containing the username; everybody else
 * at least 8 characters with letters and digits.
 */
final class PasswordPolicy {

	private PasswordPolicy() {
	}

	static void check(String password, String username, Role role) {
		if (password == null || password.isBlank()) {
			throw new InvalidValueException("password.required");
		}
		if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
			throw new InvalidValueException("password.contains-username");
		}
		var classes = (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
				+ (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
				+ (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
				+ (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
		if (role.privileged()) {
			if (password.length() < 10 || classes < 3) {
				throw new InvalidValueException("password.too-weak.privileged");
			}
		}
		else if (password.length() < 8 || !password.chars().anyMatch(Character::isLetter)
				|| !password.chars().anyMatch(Character::isDigit)) {
			throw new InvalidValueException("password.too-weak");
		}
	}
}
