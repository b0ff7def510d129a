package cn.gongjiang.identity.web;

import org.springframework.security.core.AuthenticationException;

/** Carries the message code of a refused sign-in to the failure handler. */
final class SignInRefusedException extends AuthenticationException {

	private final String code;

	SignInRefusedException(String code) {
		super(code);
		this.code = code;
	}

	String code() {
		return code;
	}
}
