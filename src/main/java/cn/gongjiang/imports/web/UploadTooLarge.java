package cn.gongjiang.imports.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.gongjiang.shared.web.UploadLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A console upload announcing more than the size limit goes back to the import page, which says so, instead of an
 * error page. It has to be turned away before Spring Security: the CSRF check reads the form's parameters, Tomcat
 * refuses to parse the oversized body, and the request would end on Tomcat's bare 413 page. (API uploads carry no
 * CSRF token and reach Spring, which answers them with a problem detail.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UploadTooLarge extends OncePerRequestFilter {

	private final long maxRequestBytes;

	UploadTooLarge(Environment environment) {
		this.maxRequestBytes = UploadLimit.maxRequestBytes(environment);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !request.getRequestURI().equals(request.getContextPath() + "/imports");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var type = request.getContentType();
		if (type != null && type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
				&& request.getContentLengthLong() > maxRequestBytes) {
			response.sendRedirect(request.getContextPath() + "/imports?refused=too-large");
			return;
		}
		chain.doFilter(request, response);
	}
}
