package cn.gongjiang.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.security.Role;

/** MLPS level 3 password complexity for officers and administrators. */
class PasswordPolicyTests {

	@ParameterizedTest(name = "{1} for {2} is refused: {3}")
	@CsvSource({
			"zhang,  short1A!,        CITY_OFFICER, password.too-weak.privileged",
			"zhang,  alllowercase12,  CITY_OFFICER, password.too-weak.privileged",
			"zhang,  Zhang@2026abc,   CITY_OFFICER, password.contains-username",
			"zhang,  lettersonly,     WORKER,       password.too-weak",
			"zhang,  '',              WORKER,       password.required" })
	void weakPasswordsAreRefusedWithTheRuleNamed(String username, String password, Role role, String code) {
		assertThatThrownBy(() -> PasswordPolicy.check(password, username, role))
				.isInstanceOf(InvalidValueException.class)
				.hasMessage(code);
	}

	@ParameterizedTest(name = "{1} is good enough for {2}")
	@CsvSource({
			"zhang, Gongjiang@2026,  SECURITY_ADMIN",
			"zhang, lower2026upper!, CITY_OFFICER",
			"zhang, worker2026,      WORKER" })
	void strongPasswordsPass(String username, String password, Role role) {
		assertThatCode(() -> PasswordPolicy.check(password, username, role)).doesNotThrowAnyException();
	}
}
