package cn.gongjiang.console;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/** The API's front page in /v3/api-docs and Swagger UI: what it is, and that it wants a bearer token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI gongjiangApi() {
		return new OpenAPI()
				.info(new Info().title("Gongjiang 工匠 API").version("v1")
						.description("Zhejiang's vocational-skills platform. Get a token with POST /api/v1/auth/token "
								+ "and send it as 'Authorization: Bearer …'. Errors are RFC 9457 problem details with "
								+ "a stable 'code'; send Accept-Language: en for English messages."))
				.components(new Components().addSecuritySchemes("bearer",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
				.addSecurityItem(new SecurityRequirement().addList("bearer"))
				// relative: the document describes the server that serves it, whatever its host name
				.servers(List.of(new Server().url("/").description("the server this document came from")));
	}

	/**
	 * Operation IDs from the controller and the method ({@code trainingPlace}, {@code enrolmentApprove}) instead of
	 * springdoc's {@code approve_2}, whose number depends on the order controllers are scanned in and so changes
	 * under a client generated from it. Where two would meet, the method declares its own.
	 */
	@Bean
	OperationCustomizer stableOperationIds() {
		return (operation, handler) -> {
			var declared = handler.getMethodAnnotation(Operation.class);
			if (declared != null && !declared.operationId().isEmpty()) {
				return operation;
			}
			var area = handler.getBeanType().getSimpleName().replaceFirst("(Api)?Controller$", "");
			var method = handler.getMethod().getName();
			var id = method.toLowerCase().startsWith(area.toLowerCase()) ? method
					: Character.toLowerCase(area.charAt(0)) + area.substring(1) + Character.toUpperCase(method.charAt(0))
							+ method.substring(1);
			return operation.operationId(id);
		};
	}

	/**
	 * Every operation may be refused, and every refusal is a problem detail ({@code ProblemDetailsAdvice}): the
	 * document says so once, as a {@code 4XX} answer of each operation that does not describe its own.
	 */
	@Bean
	OpenApiCustomizer problemAnswers() {
		return api -> {
			api.getComponents().addSchemas("Problem", problemSchema()).addResponses("Problem", new ApiResponse()
					.description("Refused, as an RFC 9457 problem detail with a stable code: 400 a value broke a rule, "
							+ "401 no or an expired token, 403 not this role's to do, 404 not found or out of scope, "
							+ "409 changed meanwhile or already done, 422 a business rule said no")
					.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
			api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
				var refusals = operation.getResponses().keySet().stream().anyMatch(code -> code.startsWith("4"));
				if (!refusals) {
					operation.getResponses().addApiResponse("4XX",
							new ApiResponse().$ref("#/components/responses/Problem"));
				}
			}));
		};
	}

	private static Schema<Object> problemSchema() {
		var error = object(Map.of("field", text("the field, as named in the request"), "code",
				text("the rule the field broke"), "message", text("the rule in the caller's language")));
		var problem = object(Map.of("type", text("https://gongjiang.zj.gov.cn/problems/ followed by the code"),
				"title", text("the status in words"), "status", typed("integer", "the HTTP status"),
				"detail", text("what was refused, in the caller's language (Accept-Language)"),
				"instance", text("the request path"), "code", text("the stable, dotted code, e.g. region.not-found"),
				"correlationId", text("the ID the server's log records the request under"),
				"errors", typed("array", "for a value that broke a rule, one entry per field it concerns").items(error)));
		return problem.required(List.of("type", "title", "status", "code"));
	}

	private static Schema<Object> object(Map<String, Schema<?>> properties) {
		var schema = typed("object", null);
		new TreeMap<>(properties).forEach(schema::addProperty);
		return schema;
	}

	private static Schema<Object> text(String description) {
		return typed("string", description);
	}

	// OpenAPI 3.1 writes the set of types, 3.0 the single type: both are set so either version reads it
	private static Schema<Object> typed(String type, String description) {
		var schema = new Schema<Object>().type(type).types(Set.of(type));
		return description == null ? schema : schema.description(description);
	}

	/**
	 * swagger-core's resolver with {@link SchemaNames}. Springdoc registers it in place of the default resolver (same
	 * class); first in bean order it lands last in the chain, behind springdoc's own converters, like the default.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ModelConverter outerInnerSchemaNames(ObjectMapperProvider mappers, SpringDocConfigProperties properties) {
		return new ModelResolver(mappers.jsonMapper(), new SchemaNames()).openapi31(properties.isOpenapi31());
	}
}
