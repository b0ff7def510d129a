package cn.gongjiang.identity.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.security.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * X-1, MLPS: a record outside the caller's scope answers "not found", exactly like one that does not exist, so that
 * nobody learns what lies elsewhere; both are audited as {@code access.not-found} with the path asked for, so that
 * someone walking through other regions' numbers shows in the log. Static files are not business reads.
 */
final class NotFoundAudit extends OncePerRequestFilter {

	private final AuditLog audit;

	NotFoundAudit(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if (response.getStatus() == HttpStatus.NOT_FOUND.value()
				&& SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication signedIn
				&& !isStatic(request.getRequestURI())) {
			Actor actor = signedIn.getPrincipal();
			// the path only: a query string may carry an ID number, which the log must not hold in clear
			audit.record(actor, "access.not-found", request.getMethod() + " " + request.getRequestURI(),
					AuditOutcome.DENIED, null);
		}
	}

	private static boolean isStatic(String uri) {
		return uri.startsWith("/css/") || uri.startsWith("/js/") || uri.startsWith("/images/")
				|| uri.startsWith("/webjars/") || uri.startsWith("/maps/") || uri.startsWith("/favicon");
	}
}
