package cn.gongjiang.console;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Names an OpenAPI schema after the Java type and the types it is nested in, {@code TrainingOrder.Request} as
 * {@code TrainingOrderRequest}: swagger-core's simple name would give every nested {@code Request} one schema, so the
 * document would describe a training order's body as a voucher's. A controller lends its name without the
 * {@code ApiController} suffix ({@code CertificateApiController.Revocation} is {@code CertificateRevocation}), and an
 * inner name that already starts with the outer one is not repeated. An explicit {@code @Schema(name)} still wins.
 */
final class SchemaNames extends TypeNameResolver {

	static String of(Class<?> type) {
		var name = type.getSimpleName();
		for (var outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
			var prefix = outer.getSimpleName().replaceFirst("(Api)?Controller$", "");
			if (!name.startsWith(prefix)) {
				name = prefix + name;
			}
		}
		return name;
	}

	@Override
	protected String getNameOfClass(Class<?> type) {
		return getUseFqn() ? super.getNameOfClass(type) : of(type);
	}
}
