package cn.gongjiang.shared.web;

import java.io.IOException;
import java.util.UUID;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every request an ID that the log, the error page and the problem details share, and puts the client's
 * address where the audit log finds it without knowing about HTTP.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

	static final String MDC_KEY = "correlationId";
	public static final String CLIENT_ADDRESS = "clientAddress";
	static final String HEADER = "X-Correlation-Id";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var id = UUID.randomUUID().toString().substring(0, 13);
		MDC.put(MDC_KEY, id);
		MDC.put(CLIENT_ADDRESS, request.getRemoteAddr());
		request.setAttribute(MDC_KEY, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
			MDC.remove(CLIENT_ADDRESS);
		}
	}
}
