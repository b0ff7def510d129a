package cn.gongjiang.identity.web;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import cn.gongjiang.shared.security.Actor;

/** A fully signed-in account: its role as authority, plus {@code SIGNED_IN} that every page and API call requires. */
final class ActorAuthentication extends AbstractAuthenticationToken {

	static final String SIGNED_IN = "SIGNED_IN";
	/** Instead of SIGNED_IN while a password set by someone else has not been changed: only the password page opens. */
	static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	private final Actor actor;

	ActorAuthentication(Actor actor) {
		this(actor, false);
	}

	ActorAuthentication(Actor actor, boolean mustChangePassword) {
		super(List.of(new SimpleGrantedAuthority(actor.role().authority()),
				new SimpleGrantedAuthority(mustChangePassword ? PASSWORD_CHANGE_REQUIRED : SIGNED_IN)));
		this.actor = actor;
		setAuthenticated(true);
	}

	boolean mustChangePassword() {
		return getAuthorities().stream().anyMatch(a -> PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Actor getPrincipal() {
		return actor;
	}

	@Override
	public String getName() {
		return actor.username();
	}
}
