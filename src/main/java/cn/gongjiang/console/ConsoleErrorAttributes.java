package cn.gongjiang.console;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** Adds the correlation ID to Spring Boot's error page model, so a user can quote it. */
@Component
class ConsoleErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		var attributes = super.getErrorAttributes(request, options);
		attributes.put("correlationId", request.getAttribute("correlationId", RequestAttributes.SCOPE_REQUEST));
		return attributes;
	}
}
