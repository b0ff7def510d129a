package cn.gongjiang.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.gongjiang.shared.BusinessException;

/**
 * Every error of the JSON API as RFC 9457 problem details: a localized title and detail, the stable {@code code},
 * field errors in {@code errors[]}, and the correlation ID that also stands in the log.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ProblemDetailsAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BusinessException.class)
	ResponseEntity<ProblemDetail> business(BusinessException e) {
		var status = ErrorStatus.of(e);
		var problem = problem(status, e.code(), e.arguments());
		return ResponseEntity.status(status).body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		var problem = problem(HttpStatus.BAD_REQUEST, "request.parameter.invalid", e.getName());
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var locale = LocaleContextHolder.getLocale();
		var problem = problem(HttpStatus.BAD_REQUEST, "request.invalid");
		List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
				.map(f -> Map.of("field", f.getField(), "code", String.valueOf(f.getCode()),
						"message", messages.getMessage(f, locale)))
				.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// a record's compact constructor refused a value: that refusal, with its code, is the answer
		for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof BusinessException refused) {
				var problem = problem(ErrorStatus.of(refused), refused.code(), refused.arguments());
				return ResponseEntity.status(ErrorStatus.of(refused)).body(problem);
			}
		}
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "request.body.unreadable"));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			problem.setProperty("correlationId", MDC.get(CorrelationIdFilter.MDC_KEY));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ProblemDetail problem(HttpStatus status, String code, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		var problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("https://gongjiang.zj.gov.cn/problems/" + code));
		problem.setTitle(messages.getMessage("problem." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setDetail(messages.getMessage(code, arguments, code, locale));
		problem.setProperty("code", code);
		problem.setProperty("correlationId", MDC.get(CorrelationIdFilter.MDC_KEY));
		return problem;
	}
}
