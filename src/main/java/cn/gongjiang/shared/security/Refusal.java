package cn.gongjiang.shared.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * The caller may not do this. It names who was refused, the action and what it was aimed at. A refusal with an
 * action is audited where it is made ({@link Actor#refuse}), in whatever context (a request, an import job); one
 * without (a refused read) is audited where it leaves a request, as {@code access.denied} with the path asked for.
 */
public class Refusal extends AccessDeniedException {

	private final transient Actor actor;

	private final String action;

	private final String target;

	private final String detail;

	private volatile boolean audited;

	Refusal(Actor actor, String action, String target, String detail) {
		super(detail == null ? "refused: " + action : detail);
		this.actor = actor;
		this.action = action;
		this.target = target;
		this.detail = detail;
	}

	public Actor actor() {
		return actor;
	}

	/** The audited action (e.g. {@code certificate.revoke}), or null for a refused read. */
	public String action() {
		return action;
	}

	public String target() {
		return target;
	}

	/** What the audit line says beside the action, or null. */
	public String detail() {
		return detail;
	}

	/** True once the audit log holds this refusal, so that nothing records it a second time. */
	public boolean audited() {
		return audited;
	}

	void markAudited() {
		audited = true;
	}
}
