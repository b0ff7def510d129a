package cn.gongjiang.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Problem details for API requests no controller method was chosen for: an unknown address, a verb or a content type
 * the address does not take, an upload over the size limit (413). {@link ProblemDetailsAdvice} only sees errors of a
 * REST controller's methods, and without this Spring answered these with an empty body; console pages keep their
 * error pages.
 */
@Component
class ApiRoutingProblems implements HandlerExceptionResolver, Ordered {

	private final ProblemWriter problems;
	private final String maxUpload;

	ApiRoutingProblems(ProblemWriter problems, Environment environment) {
		this.problems = problems;
		this.maxUpload = UploadLimit.of(environment);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception e) {
		if (handler instanceof HandlerMethod || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		try {
			if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
				problems.write(request, response, HttpStatus.NOT_FOUND, "request.not-found");
			}
			else if (e instanceof HttpRequestMethodNotSupportedException unsupported) {
				if (unsupported.getSupportedMethods() != null) {
					response.setHeader(HttpHeaders.ALLOW,
							StringUtils.arrayToCommaDelimitedString(unsupported.getSupportedMethods()));
				}
				problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "request.method.unsupported",
						unsupported.getMethod());
			}
			else if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
				problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media-type.unsupported",
						String.valueOf(unsupported.getContentType()));
			}
			else if (UploadLimit.exceeded(e)) {
				problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.upload.too-large", maxUpload);
			}
			else if (e instanceof HttpMediaTypeNotAcceptableException) {
				problems.write(request, response, HttpStatus.NOT_ACCEPTABLE, "request.not-acceptable");
			}
			else {
				return null;
			}
			return new ModelAndView();
		}
		catch (IOException io) {
			throw new UncheckedIOException(io);
		}
	}
}
