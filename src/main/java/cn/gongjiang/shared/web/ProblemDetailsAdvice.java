package cn.gongjiang.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.Violation;

import tools.jackson.core.JacksonException;

/**
 * Every error of the JSON API as RFC 9457 problem details: a localized title and detail, the stable {@code code},
 * the fields a refused value concerns in {@code errors[]} (field, code, message), and the correlation ID that also
 * stands in the log.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ProblemDetailsAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BusinessException.class)
	ResponseEntity<ProblemDetail> business(BusinessException e) {
		return ResponseEntity.status(ErrorStatus.of(e)).body(refused(e, null));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		var problem = problem(HttpStatus.BAD_REQUEST, "request.parameter.invalid", e.getName());
		errors(problem, List.of(Violation.of(e.getName(), "request.parameter.invalid", e.getName())));
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
			HttpMessageNotReadableException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// a record's compact constructor refused a value: that refusal, with its code, is the answer; the property
		// the reader stood at is the field, where the refusal names none
		String field = null;
		for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof JacksonException read && field == null) {
				field = field(read);
			}
			if (cause instanceof BusinessException refused) {
				return ResponseEntity.status(ErrorStatus.of(refused)).body(refused(refused, field));
			}
		}
		var problem = problem(HttpStatus.BAD_REQUEST, "request.body.unreadable");
		if (field != null) {
			errors(problem, List.of(Violation.of(field, "request.field.unreadable")));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			problem.setProperty("correlationId", MDC.get(CorrelationIdFilter.MDC_KEY));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	/** A refusal, with one {@code errors[]} entry per field it names ({@code field} where it names none). */
	private ProblemDetail refused(BusinessException e, @Nullable String field) {
		var problem = problem(ErrorStatus.of(e), e.code(), e.arguments());
		errors(problem, e.violations().stream().map(v -> v.field() == null && field != null ? v.in(field) : v)
				.filter(v -> v.field() != null).toList());
		return problem;
	}

	private void errors(ProblemDetail problem, List<Violation> violations) {
		if (violations.isEmpty()) {
			return;
		}
		var locale = LocaleContextHolder.getLocale();
		problem.setProperty("errors", violations.stream().map(v -> Map.of("field", v.field(), "code", v.code(),
				"message", v.message(messages, locale))).toList());
	}

	/** Where in the body the reader stopped: {@code groups[1]}, {@code lines[0].amount}. */
	private static @Nullable String field(JacksonException e) {
		var path = new StringBuilder();
		for (var reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private ProblemDetail problem(HttpStatus status, String code, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		var problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("https://gongjiang.zj.gov.cn/problems/" + code));
		problem.setTitle(messages.getMessage("problem." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setDetail(Violation.of(null, code, arguments).message(messages, locale));
		problem.setProperty("code", code);
		problem.setProperty("correlationId", MDC.get(CorrelationIdFilter.MDC_KEY));
		return problem;
	}
}
