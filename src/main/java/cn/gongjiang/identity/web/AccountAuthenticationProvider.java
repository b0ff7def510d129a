package cn.gongjiang.identity.web;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import cn.gongjiang.identity.SignIn;
import cn.gongjiang.identity.SignInResult;

/** The console's password step, handing the decision to {@link SignIn}. */
class AccountAuthenticationProvider implements AuthenticationProvider {

	private final SignIn signIn;

	AccountAuthenticationProvider(SignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var result = signIn.password(authentication.getName(), String.valueOf(authentication.getCredentials()));
		if (result instanceof SignInResult.SignedIn signedIn) {
			return new ActorAuthentication(signedIn.actor(), signedIn.mustChangePassword());
		}
		if (result instanceof SignInResult.SecondFactorNeeded needed) {
			return new PasswordStepAuthentication(needed.accountId(), needed.username(), needed.enrolled());
		}
		throw new SignInRefusedException(((SignInResult.Refused) result).code());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
