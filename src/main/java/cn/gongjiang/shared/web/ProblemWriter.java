package cn.gongjiang.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;

import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import cn.gongjiang.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details from places outside Spring MVC (security filters), in the same shape as
 * {@link ProblemDetailsAdvice}.
 */
@Component
public class ProblemWriter {

	private final MessageSource messages;
	private final LocaleResolver locales;
	private final JsonMapper json;

	ProblemWriter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			Object... arguments) throws IOException {
		var locale = locales.resolveLocale(request);
		var body = new LinkedHashMap<String, Object>();
		body.put("type", "https://gongjiang.zj.gov.cn/problems/" + code);
		body.put("title", messages.getMessage("problem." + status.value(), null, status.getReasonPhrase(), locale));
		body.put("status", status.value());
		body.put("detail", Violation.of(null, code, arguments).message(messages, locale));
		body.put("instance", request.getRequestURI());
		body.put("code", code);
		body.put("correlationId", MDC.get(CorrelationIdFilter.MDC_KEY));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(body));
	}
}
