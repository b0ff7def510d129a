package cn.gongjiang;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.shared.DemoMode;

/** Signs demo accounts in through the real token endpoint and hands back the bearer header. */
@TestComponent
public class Api {

	private final MockMvc mvc;

	Api(MockMvc mvc) {
		this.mvc = mvc;
	}

	public String bearer(String username) {
		return "Bearer " + token(username, DemoMode.DEFAULT_PASSWORD, null);
	}

	public String token(String username, String password, String totp) {
		try {
			var body = totp == null
					? "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)
					: "{\"username\":\"%s\",\"password\":\"%s\",\"totp\":\"%s\"}".formatted(username, password, totp);
			var response = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body))
					.andReturn().getResponse();
			if (response.getStatus() != 200) {
				throw new AssertionError("token for " + username + ": " + response.getStatus() + " "
						+ response.getContentAsString());
			}
			return JsonPath.read(response.getContentAsString(), "$.token");
		}
		catch (AssertionError e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
