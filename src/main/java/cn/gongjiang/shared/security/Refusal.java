package cn.gongjiang.shared.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * The caller may not do this. It names the action refused and what it was aimed at, so that the one place a
 * refusal leaves a request (the security layer's access-denied handler) audits it once under that action; a refusal
 * without an action is audited as {@code access.denied} with the request's path.
 */
public class Refusal extends AccessDeniedException {

	private final String action;

	private final String target;

	private final String detail;

	/** {@code detail}: what the audit line says beside the action, or null. */
	public Refusal(String action, String target, String detail) {
		super(detail == null ? "refused: " + action : detail);
		this.action = action;
		this.target = target;
		this.detail = detail;
	}

	/** The audited action (e.g. {@code certificate.revoke}), or null for a refused read. */
	public String action() {
		return action;
	}

	public String target() {
		return target;
	}

	public String detail() {
		return detail;
	}
}
