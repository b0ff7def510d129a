package cn.gongjiang;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Uploads a file through the real import API and waits for the job to finish. */
@TestComponent
public class Imports {

	private final MockMvc mvc;
	private final Api api;

	Imports(MockMvc mvc, Api api) {
		this.mvc = mvc;
		this.api = api;
	}

	public Map<String, Object> run(String account, String kind, String fileName, byte[] content) throws Exception {
		var response = mvc.perform(multipart("/api/v1/imports")
				.file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
				.param("kind", kind).header("Authorization", api.bearer(account)))
				.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
		return awaitDone(account, JsonPath.read(response, "$.id"));
	}

	public Map<String, Object> awaitDone(String account, String id) throws Exception {
		var token = api.bearer(account);
		var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			var body = mvc.perform(get("/api/v1/imports/" + id).header("Authorization", token))
					.andReturn().getResponse().getContentAsString();
			Map<String, Object> job = JsonPath.read(body, "$");
			if (job.get("status").equals("DONE") || job.get("status").equals("FAILED")) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

	/** Each error as {@code row|column|code}. */
	public List<String> errors(String account, Map<String, Object> job) throws Exception {
		var body = mvc.perform(get("/api/v1/imports/" + job.get("id") + "/errors").header("Authorization",
				api.bearer(account))).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> errors = JsonPath.read(body, "$");
		return errors.stream().map(e -> e.get("row") + "|" + e.get("column") + "|" + e.get("code")).toList();
	}
}
