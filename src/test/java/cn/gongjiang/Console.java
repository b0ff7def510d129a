package cn.gongjiang;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.shared.DemoMode;

/** Signs a demo account in through the real console form and hands back its session. */
@TestComponent
public class Console {

	private final MockMvc mvc;

	Console(MockMvc mvc) {
		this.mvc = mvc;
	}

	public MockHttpSession session(String username) {
		try {
			var result = mvc.perform(post("/login").with(csrf()).param("username", username)
					.param("password", DemoMode.DEFAULT_PASSWORD)).andReturn();
			var location = result.getResponse().getRedirectedUrl();
			if (location == null || location.contains("error")) {
				throw new AssertionError("console sign-in of " + username + " went to " + location);
			}
			return (MockHttpSession) result.getRequest().getSession(false);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
