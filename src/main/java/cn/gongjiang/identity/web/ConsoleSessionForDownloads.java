package cn.gongjiang.identity.web;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets a signed-in console session read the JSON API's files (reports, lists, bank files, exports) with a plain
 * link, so the console has one implementation of every download with the audit record the API writes. Only
 * for GET and HEAD without a bearer token: nothing that changes state is reachable with the cookie, so the API
 * needs no CSRF token; the cookie is SameSite=Strict besides. Never creates or saves a session.
 */
final class ConsoleSessionForDownloads implements SecurityContextRepository {

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
	private final RequestAttributeSecurityContextRepository none = new RequestAttributeSecurityContextRepository();

	ConsoleSessionForDownloads() {
		sessions.setAllowSessionCreation(false);
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		return fromSession(request) ? sessions.loadDeferredContext(request) : none.loadDeferredContext(request);
	}

	@Override
	@SuppressWarnings("deprecation")
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return loadDeferredContext(holder.getRequest()).get();
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return false;
	}

	private static boolean fromSession(HttpServletRequest request) {
		var safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		return safe && request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null;
	}
}
