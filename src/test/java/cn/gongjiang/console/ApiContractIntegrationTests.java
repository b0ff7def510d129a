package cn.gongjiang.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.Page;
import cn.gongjiang.training.TrainingOrder;
import cn.gongjiang.training.Voucher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's OpenAPI document tells the truth: every operation's documented request body and 2xx answer have exactly
 * the properties of the Java records behind them, down through nested records, lists and pages; and no schema name
 * stands for two Java types (swagger-core's simple names once made every nested {@code Request} one schema). The
 * document it reads is written to {@code target/openapi.json}, which CI lints with Redocly.
 */
@IntegrationTest
class ApiContractIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JsonMapper json;

	@Autowired
	Api api;

	@Test
	void everyDocumentedBodyHasTheFieldsOfItsRecordAndEverySchemaNameOneType() throws Exception {
		var body = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/openapi.json"), body);
		var document = json.readTree(body);
		var contract = new Contract(document.path("components").path("schemas"));

		var operations = 0;
		for (var handler : handlers().entrySet()) {
			var path = handler.getKey().path();
			var verb = handler.getKey().verb();
			var operation = document.path("paths").path(path).path(verb);
			assertThat(operation.isObject()).as("%s %s is in the document", verb.toUpperCase(), path).isTrue();
			operations++;
			var method = handler.getValue();
			var where = verb.toUpperCase() + " " + path;
			for (var parameter : method.getMethodParameters()) {
				if (parameter.hasParameterAnnotation(RequestBody.class)) {
					var schema = firstSchema(operation.path("requestBody").path("content"));
					assertThat(schema).as("%s documents its request body", where).isPresent();
					contract.compare(ResolvableType.forMethodParameter(parameter), schema.get(), where + " request");
				}
			}
			var answer = answered(method.getReturnType());
			if (answer != null) {
				var success = successSchema(operation.path("responses"));
				if (success.isPresent()) {
					contract.compare(answer, success.get(), where + " response");
				}
				else {
					contract.problems.add(where + " response: the 2xx answer has no documented schema");
				}
			}
		}
		assertThat(operations).as("operations under /api/v1").isGreaterThan(150);
		assertThat(contract.records).as("record schemas compared").isGreaterThan(100);
		assertThat(contract.problems).as("differences between the document and the Java records").isEmpty();
		var shared = new TreeMap<String, Set<String>>();
		contract.typesByName.forEach((name, types) -> {
			if (types.size() > 1) {
				shared.put(name, types);
			}
		});
		assertThat(shared).as("schema names that stand for more than one Java type").isEmpty();
	}

	/** Issue 17: a refusal that names its fields has only members the document's Problem schema describes. */
	@Test
	void aRefusedBodyIsAProblemAsTheDocumentDescribesIt() throws Exception {
		var document = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		var schema = document.path("components").path("schemas").path("Problem");
		var refusal = json.readTree(mvc.perform(post("/api/v1/persons").header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"idNumber\": \"330603198506122421\", \"name\": \"陈刚\", \"residenceRegion\": \"330603\"}"))
				.andReturn().getResponse().getContentAsString());
		assertThat(refusal.path("errors").path(0).path("field").asString()).isEqualTo("idNumber");
		assertThat(refusal.propertyNames()).isSubsetOf(schema.path("properties").propertyNames())
				.containsAll(json.convertValue(schema.path("required"), List.class));
		assertThat(refusal.path("errors").path(0).propertyNames())
				.containsExactlyInAnyOrderElementsOf(schema.path("properties").path("errors").path("items")
						.path("properties").propertyNames());
	}

	/** What Redocly's recommended rules ask most often, checked here too so a local build sees it without Node. */
	@Test
	void everyOperationHasASummaryAStableUniqueIdAndDocumentsItsRefusals() throws Exception {
		var document = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		var ids = new TreeMap<String, String>();
		var problems = new ArrayList<String>();
		for (var path : document.path("paths").propertyNames()) {
			for (var verb : document.path("paths").path(path).propertyNames()) {
				var operation = document.path("paths").path(path).path(verb);
				var where = verb.toUpperCase() + " " + path;
				if (operation.path("summary").asString("").isBlank()) {
					problems.add(where + " has no summary");
				}
				var id = operation.path("operationId").asString("");
				if (!id.matches("[a-z][A-Za-z0-9]+")) {
					problems.add(where + " has operationId '" + id + "'");
				}
				var other = ids.put(id, where);
				if (other != null) {
					problems.add(where + " and " + other + " share operationId " + id);
				}
				if (operation.path("responses").propertyNames().stream().noneMatch(code -> code.startsWith("4"))) {
					problems.add(where + " documents no 4xx answer");
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(document.path("paths").path("/api/v1/auth/token").path("post").path("security").isEmpty())
				.as("the token endpoint is public").isTrue();
	}

	@Test
	void aSchemaIsNamedAfterItsOuterAndInnerTypes() {
		assertThat(SchemaNames.of(TrainingOrder.Request.class)).isEqualTo("TrainingOrderRequest");
		assertThat(SchemaNames.of(Voucher.Request.class)).isEqualTo("VoucherRequest");
		assertThat(SchemaNames.of(Page.class)).isEqualTo("Page");
	}

	record Endpoint(String verb, String path) implements Comparable<Endpoint> {

		@Override
		public int compareTo(Endpoint other) {
			return (path + verb).compareTo(other.path + other.verb);
		}
	}

	private Map<Endpoint, HandlerMethod> handlers() {
		var handlers = new TreeMap<Endpoint, HandlerMethod>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (var pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/v1/")) {
					continue;
				}
				// {code:\d+} is documented as {code}
				var path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
				for (var verb : info.getMethodsCondition().getMethods()) {
					handlers.put(new Endpoint(verb.name().toLowerCase(), path), method);
				}
			}
		});
		return handlers;
	}

	/** What the method answers in its body, without ResponseEntity; null for no body. */
	private static ResolvableType answered(MethodParameter returned) {
		var type = ResolvableType.forMethodParameter(returned);
		if (HttpEntity.class.isAssignableFrom(type.toClass())) {
			type = type.as(HttpEntity.class).getGeneric(0);
		}
		var raw = type.toClass();
		return raw == void.class || raw == Void.class || raw == Object.class ? null : type;
	}

	private static Optional<JsonNode> firstSchema(JsonNode content) {
		for (var media : content.propertyNames()) {
			var schema = content.path(media).path("schema");
			if (!schema.isMissingNode()) {
				return Optional.of(schema);
			}
		}
		return Optional.empty();
	}

	private static Optional<JsonNode> successSchema(JsonNode responses) {
		for (var code : responses.propertyNames()) {
			if (code.startsWith("2")) {
				return firstSchema(responses.path(code).path("content"));
			}
		}
		return Optional.empty();
	}

	/** Walks a Java type and a schema side by side, noting every difference and every name's Java types. */
	static final class Contract {

		final JsonNode schemas;
		final List<String> problems = new ArrayList<>();
		final Map<String, Set<String>> typesByName = new LinkedHashMap<>();
		final Set<String> compared = new HashSet<>();
		int records;

		Contract(JsonNode schemas) {
			this.schemas = schemas;
		}

		void compare(ResolvableType type, JsonNode schema, String where) {
			var raw = type.resolve(Object.class);
			if (raw == Optional.class) {
				compare(type.getGeneric(0), schema, where);
				return;
			}
			if (schema.has("$ref")) {
				var name = schema.get("$ref").asString().replace("#/components/schemas/", "");
				typesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(type.toString());
				if (!compared.add(name + "=" + type)) {
					return;
				}
				schema = schemas.path(name);
				if (schema.isMissingNode()) {
					problems.add(where + ": refers to " + name + ", which is not in the document");
					return;
				}
			}
			if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
				var element = raw.isArray() ? type.getComponentType() : type.as(Collection.class).getGeneric(0);
				if (raw == byte[].class) {
					return;
				}
				if (!"array".equals(typeOf(schema))) {
					problems.add(where + ": " + type + " is documented as " + typeOf(schema) + ", not an array");
					return;
				}
				compare(element, schema.path("items"), where + "[]");
				return;
			}
			if (!raw.isRecord()) {
				return;
			}
			records++;
			var components = new TreeMap<String, RecordComponent>();
			for (var component : raw.getRecordComponents()) {
				var field = fieldOf(raw, component);
				if (field.isAnnotationPresent(JsonIgnore.class) || component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
					continue;
				}
				components.put(jsonName(component, field), component);
			}
			var documented = new TreeSet<String>();
			schema.path("properties").propertyNames().forEach(documented::add);
			if (!documented.equals(components.keySet())) {
				var missing = new TreeSet<>(components.keySet());
				missing.removeAll(documented);
				var extra = new TreeSet<>(documented);
				extra.removeAll(components.keySet());
				problems.add(where + ": " + raw.getName() + " has " + components.keySet() + " but the schema "
						+ (missing.isEmpty() ? "" : "lacks " + missing + " ") + (extra.isEmpty() ? "" : "adds " + extra));
				return;
			}
			var properties = schema.path("properties");
			components.forEach((name, component) -> compare(ResolvableType.forField(fieldOf(raw, component), type),
					properties.path(name), where + "." + name));
		}

		private static String typeOf(JsonNode schema) {
			var type = schema.path("type");
			if (type.isArray()) {
				// OpenAPI 3.1 writes a nullable array as ["array", "null"]
				for (var t : type) {
					if (!t.asString().equals("null")) {
						return t.asString();
					}
				}
			}
			return type.asString("(no type)");
		}

		private static Field fieldOf(Class<?> record, RecordComponent component) {
			try {
				return record.getDeclaredField(component.getName());
			}
			catch (NoSuchFieldException e) {
				throw new IllegalStateException(e);
			}
		}

		private static String jsonName(RecordComponent component, Field field) {
			var renamed = Optional.ofNullable(component.getAccessor().getAnnotation(JsonProperty.class))
					.or(() -> Optional.ofNullable(field.getAnnotation(JsonProperty.class)))
					.or(() -> Optional.ofNullable(component.getAnnotation(JsonProperty.class)))
					.map(JsonProperty::value).filter(v -> !v.isEmpty());
			return renamed.orElse(component.getName());
		}
	}
}
