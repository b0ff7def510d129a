package cn.gongjiang.identity.web;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import cn.gongjiang.shared.security.Actor;

/** A fully signed-in account: its role as authority, plus {@code SIGNED_IN} that every page and API call requires. */
final class ActorAuthentication extends AbstractAuthenticationToken {

	static final String SIGNED_IN = "SIGNED_IN";

	private final Actor actor;

	ActorAuthentication(Actor actor) {
		super(List.of(new SimpleGrantedAuthority(actor.role().authority()), new SimpleGrantedAuthority(SIGNED_IN)));
		this.actor = actor;
		setAuthenticated(true);
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
