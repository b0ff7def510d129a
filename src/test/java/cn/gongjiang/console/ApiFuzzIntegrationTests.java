package cn.gongjiang.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every POST, PUT and PATCH of the OpenAPI document, sent what a careless or hostile client sends: broken JSON, an
 * empty object, each property of the wrong type, 10,000 characters in every string. Each answer must be a 4xx
 * problem detail, never a 5xx. Each operation is sent as the first demo account it does not refuse (401/403); one
 * that every account is refused fails the test. Path variables name records that do not exist, so nothing the test
 * sends can change the demo data other tests read; a 404 problem detail is an answer like any other.
 */
@IntegrationTest
class ApiFuzzIntegrationTests {

	static final List<String> ACCOUNTS = List.of("province", "shaoxing", "keqiao", "hangzhou", "economy-dept",
			"enterprise-demo", "provider-demo", "school-demo", "worker-demo", "sysadmin", "secadmin", "auditor");

	/** Operations that take no input at all, so there is nothing to get wrong; sending them would run them. */
	static final Map<String, String> NO_INPUT = Map.of(
			"POST /api/v1/targets/rollups/rebuild", "rebuilds the daily rollups; takes no body and no parameter",
			"POST /api/v1/subsidies/decisions/bulk", "decides every undecided certificate; takes no input",
			"POST /api/v1/enrolment/duplicates/run", "runs the duplicate batch; takes no input",
			"POST /api/v1/audit-events/verification", "verifies the audit hash chain; takes no input",
			"POST /api/v1/analytics/rebuilds", "rebuilds the analytics tables; takes no input");

	/** Path variables: records that do not exist, in the shape the endpoint expects. */
	static final Map<String, String> PATH_VALUES = Map.of("city", "339900", "year", "1999", "quarter", "1",
			"code", "339999", "number", "NO-SUCH-CERTIFICATE", "change", "withdraw");

	/**
	 * 10,000 CJK characters that do not repeat in a pattern: PostgreSQL compresses a run of one character to almost
	 * nothing, which would hide an index entry too large for a b-tree.
	 */
	static final String LONG = new Random(16).ints(10_000, 0x4E00, 0x9FA6)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JsonMapper json;

	/** Operations whose empty body is a valid request, not a refusal. */
	static final Map<String, String> EMPTY_IS_VALID = Map.of(
			"POST /api/v1/persons/search", "a search without filters lists the persons in scope");

	/** {@code refusedLater}: an upload accepted (202) whose background job then failed with a code, as designed. */
	record Sent(String label, MockHttpServletResponse response, Exception failure, String refusedLater) {

		Sent(String label, MockHttpServletResponse response, Exception failure) {
			this(label, response, failure, null);
		}
	}

	@Test
	void everyWriteOperationAnswersBadInputWithAProblemDetailNeverA5xx() throws Exception {
		var document = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		var schemas = document.path("components").path("schemas");
		var bearers = new LinkedHashMap<String, String>();
		for (var account : ACCOUNTS) {
			bearers.put(account, api.bearer(account));
		}
		var problems = new ArrayList<String>();
		var unreached = new ArrayList<String>();
		var fuzzed = new TreeMap<String, String>();
		for (var path : document.path("paths").propertyNames()) {
			if (!path.startsWith("/api/v1/")) {
				continue;
			}
			for (var verb : List.of("post", "put", "patch")) {
				var operation = document.path("paths").path(path).path(verb);
				if (operation.isMissingNode()) {
					continue;
				}
				var name = verb.toUpperCase() + " " + path;
				if (NO_INPUT.containsKey(name)) {
					continue;
				}
				var endpoint = new Operation(HttpMethod.valueOf(verb.toUpperCase()), path, operation, schemas);
				var account = reachingAccount(endpoint, bearers);
				if (account == null) {
					unreached.add(name);
					continue;
				}
				fuzzed.put(name, account);
				for (var sent : endpoint.fuzz(bearers.get(account))) {
					var problem = judge(name, sent);
					if (problem != null) {
						problems.add(problem);
					}
				}
			}
		}
		assertThat(unreached).as("operations every demo account is refused (401/403), so never fuzzed").isEmpty();
		assertThat(fuzzed).as("operations fuzzed").hasSizeGreaterThan(70);
		assertThat(problems).as("answers that are not a 4xx problem detail").isEmpty();
	}

	@Test
	void anAddressVerbOrContentTypeNoOperationTakesIsAProblemDetailToo() throws Exception {
		var bearer = api.bearer("shaoxing");
		var unknown = mvc.perform(get("/api/v1/no-such-thing").header("Authorization", bearer)).andReturn().getResponse();
		var verb = mvc.perform(request(HttpMethod.DELETE, "/api/v1/regions/330600").header("Authorization", bearer))
				.andReturn().getResponse();
		var type = mvc.perform(request(HttpMethod.POST, "/api/v1/persons").header("Authorization", bearer)
				.contentType(MediaType.TEXT_PLAIN).content("x")).andReturn().getResponse();
		assertThat(List.of(unknown.getStatus(), verb.getStatus(), type.getStatus())).containsExactly(404, 405, 415);
		for (var response : List.of(unknown, verb, type)) {
			assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
		assertThat(unknown.getContentAsString()).contains("\"code\":\"request.not-found\"");
		assertThat(verb.getHeader("Allow")).contains("GET");
	}

	/** The first account the operation does not refuse; the token endpoint is public. */
	private String reachingAccount(Operation endpoint, Map<String, String> bearers) throws Exception {
		if (endpoint.path.equals("/api/v1/auth/token")) {
			return "province";
		}
		for (var account : bearers.keySet()) {
			var sent = endpoint.send("reach", bearers.get(account), endpoint.emptyBody());
			if (sent.failure != null || (sent.response.getStatus() != 401 && sent.response.getStatus() != 403)) {
				return account;
			}
		}
		return null;
	}

	private static String judge(String operation, Sent sent) throws Exception {
		var where = operation + " [" + sent.label + "]";
		if (sent.failure != null) {
			var cause = sent.failure;
			while (cause.getCause() instanceof Exception inner && cause != inner) {
				cause = inner;
			}
			return where + ": 500, " + cause;
		}
		var status = sent.response.getStatus();
		var body = sent.response.getContentAsString(StandardCharsets.UTF_8);
		var type = sent.response.getContentType();
		if (sent.refusedLater != null || (status < 300 && sent.label.equals("empty body")
				&& EMPTY_IS_VALID.containsKey(operation))) {
			return null;
		}
		if (status < 400 || status >= 500) {
			return where + ": " + status + " " + abbreviate(body);
		}
		if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type))
				|| !body.contains("\"code\"")) {
			return where + ": " + status + " is not a problem detail with a code (" + type + ") " + abbreviate(body);
		}
		return null;
	}

	private static String abbreviate(String body) {
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}

	/** One documented operation and the requests that probe it. */
	final class Operation {

		final HttpMethod method;
		final String path;
		final JsonNode operation;
		final JsonNode schemas;

		Operation(HttpMethod method, String path, JsonNode operation, JsonNode schemas) {
			this.method = method;
			this.path = path;
			this.operation = operation;
			this.schemas = schemas;
		}

		boolean isUpload() {
			return operation.path("requestBody").path("content").has(MediaType.MULTIPART_FORM_DATA_VALUE);
		}

		JsonNode bodySchema() {
			return resolve(operation.path("requestBody").path("content").path(MediaType.APPLICATION_JSON_VALUE)
					.path("schema"));
		}

		String emptyBody() {
			return "array".equals(typeOf(bodySchema())) ? "[]" : "{}";
		}

		List<Sent> fuzz(String bearer) throws Exception {
			var sent = new ArrayList<Sent>();
			if (isUpload()) {
				sent.add(upload(bearer, new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]), "empty file"));
				sent.add(upload(bearer, new MockMultipartFile("file", "virus.exe", "application/octet-stream",
						new byte[] { 0x4d, 0x5a, (byte) 0x90, 0, 3, 0, 0, 0 }), "wrong file"));
				sent.add(upload(bearer, new MockMultipartFile("file", "persons.xlsx", "application/vnd.ms-excel",
						"not a workbook".getBytes(StandardCharsets.UTF_8)), "broken workbook"));
				sent.add(send("json instead of a file", bearer, "{}"));
				return sent;
			}
			sent.add(send("malformed JSON", bearer, "{\"broken\": "));
			sent.add(send("not JSON", bearer, "<xml/>"));
			if (path.contains("{")) {
				sent.add(send("path variable of the wrong type", bearer, emptyBody(), "not-a-number"));
			}
			var schema = bodySchema();
			if (schema.isMissingNode()) {
				sent.add(send("no body", bearer, null));
				return sent;
			}
			sent.add(send("empty body", bearer, emptyBody()));
			var array = "array".equals(typeOf(schema));
			var object = array ? resolve(schema.path("items")) : schema;
			if (array) {
				sent.add(send("object instead of an array", bearer, "{}"));
				sent.add(send("array of nulls", bearer, "[null]"));
			}
			else {
				sent.add(send("array instead of an object", bearer, "[]"));
			}
			for (var property : object.path("properties").propertyNames()) {
				var body = json.createObjectNode();
				body.set(property, wrong(object.path("properties").path(property)));
				sent.add(send("wrong type for " + property, bearer, wrap(body, array)));
				if ("array".equals(typeOf(resolve(object.path("properties").path(property))))) {
					// a list with a hole in it: the element a loop over the list would dereference
					for (var element : List.of("null", "{}")) {
						sent.add(send(property + " holding " + element, bearer,
								wrap(json.readTree("{\"" + property + "\": [" + element + "]}"), array)));
					}
				}
			}
			var filled = longValue(object, 0);
			if (filled.toString().contains(LONG)) {
				sent.add(send("10,000 characters in every string", bearer, wrap(filled, array)));
			}
			return sent;
		}

		private String wrap(JsonNode body, boolean array) {
			return array ? json.createArrayNode().add(body).toString() : body.toString();
		}

		Sent send(String label, String bearer, String body) {
			return send(label, bearer, body, null);
		}

		Sent send(String label, String bearer, String body, String pathValue) {
			var builder = request(method, uri(pathValue)).header("Authorization", bearer);
			if (body != null) {
				builder.contentType(MediaType.APPLICATION_JSON).content(body);
			}
			return perform(label, query(builder));
		}

		/**
		 * An import is accepted and runs in the background: a file it cannot read is refused by its job, which
		 * fails with a code the uploader reads; that counts as refused.
		 */
		Sent upload(String bearer, MockMultipartFile file, String label) throws Exception {
			var builder = multipart(uri(null)).file(file).header("Authorization", bearer);
			var sent = perform(label, query(builder));
			if (sent.response == null || sent.response.getStatus() != 202) {
				return sent;
			}
			var job = sent.response.getHeader("Location");
			for (int i = 0; i < 100; i++) {
				var state = json.readTree(mvc.perform(get(job).header("Authorization", bearer)).andReturn().getResponse()
						.getContentAsString());
				var status = state.path("status").asString();
				if (status.equals("FAILED") && !state.path("failureCode").asString("").isEmpty()) {
					return new Sent(label, sent.response, null, state.path("failureCode").asString());
				}
				if (status.equals("DONE")) {
					break;
				}
				Thread.sleep(100);
			}
			return sent;
		}

		private Sent perform(String label, AbstractMockHttpServletRequestBuilder<?> builder) {
			try {
				return new Sent(label, mvc.perform(builder).andReturn().getResponse(), null);
			}
			catch (Exception e) {
				return new Sent(label, null, e);
			}
		}

		/** Required query parameters get a plausible value, so that the body is what is being tested. */
		private AbstractMockHttpServletRequestBuilder<?> query(AbstractMockHttpServletRequestBuilder<?> builder) {
			for (var parameter : operation.path("parameters")) {
				if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean(false)) {
					var name = parameter.path("name").asString();
					var type = typeOf(parameter.path("schema"));
					builder.param(name, name.equals("kind") ? "persons" : type.equals("string") ? "x" : "1");
				}
			}
			return builder;
		}

		private String uri(String pathValue) {
			var uri = path;
			for (var parameter : operation.path("parameters")) {
				if (!parameter.path("in").asString().equals("path")) {
					continue;
				}
				var name = parameter.path("name").asString();
				var value = pathValue != null ? pathValue
						: PATH_VALUES.getOrDefault(name, "integer".equals(typeOf(parameter.path("schema")))
								? "999999999" : "no-such-" + name);
				uri = uri.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
			return uri;
		}

		/** A value of the wrong JSON type for a property. */
		private JsonNode wrong(JsonNode property) {
			var schema = resolve(property);
			var type = typeOf(schema);
			var format = schema.path("format").asString("");
			return switch (type) {
				case "integer", "number" -> json.getNodeFactory().stringNode("not a number");
				case "boolean" -> json.getNodeFactory().stringNode("not a boolean");
				case "array", "object" -> json.getNodeFactory().stringNode("not a structure");
				default -> schema.has("enum") ? json.getNodeFactory().stringNode("NO_SUCH_VALUE")
						: format.startsWith("date") ? json.getNodeFactory().stringNode("2026-13-45")
								: json.createObjectNode().put("not", "a string");
			};
		}

		/** The schema's properties filled, every string with 10,000 characters. */
		private JsonNode longValue(JsonNode property, int depth) {
			var schema = resolve(property);
			var type = typeOf(schema);
			var nodes = json.getNodeFactory();
			switch (type) {
				case "string":
					return nodes.stringNode(LONG);
				case "integer", "number":
					return nodes.numberNode(1);
				case "boolean":
					return nodes.booleanNode(true);
				case "array": {
					ArrayNode array = json.createArrayNode();
					if (depth < 3) {
						array.add(longValue(schema.path("items"), depth + 1));
					}
					return array;
				}
				default: {
					ObjectNode object = json.createObjectNode();
					if (depth < 3) {
						for (var name : schema.path("properties").propertyNames()) {
							object.set(name, longValue(schema.path("properties").path(name), depth + 1));
						}
					}
					return object;
				}
			}
		}

		private JsonNode resolve(JsonNode schema) {
			if (schema.has("$ref")) {
				return schemas.path(schema.get("$ref").asString().replace("#/components/schemas/", ""));
			}
			return schema;
		}
	}

	static String typeOf(JsonNode schema) {
		var type = schema.path("type");
		if (type.isArray()) {
			for (var t : type) {
				if (!t.asString().equals("null")) {
					return t.asString();
				}
			}
		}
		if (type.isMissingNode() && schema.has("properties")) {
			return "object";
		}
		return type.asString("object");
	}
}
