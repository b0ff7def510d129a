package cn.gongjiang.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** the session cookie is Secure unless demo mode is on, and an explicit setting has the last word. */
class SessionCookieTests {

	@Test
	void theSessionCookieIsSecureOutsideDemoMode() {
		assertThat(SessionCookie.secure(null, false)).isTrue();
		assertThat(SessionCookie.secure("", false)).isTrue();
		assertThat(SessionCookie.secure(null, true)).as("demo on a laptop over http://localhost").isFalse();
		assertThat(SessionCookie.secure("false", false)).isFalse();
		assertThat(SessionCookie.secure("true", true)).isTrue();
	}
}
