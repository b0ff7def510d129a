package cn.gongjiang.console;

import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

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
				.addSecurityItem(new SecurityRequirement().addList("bearer"));
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
