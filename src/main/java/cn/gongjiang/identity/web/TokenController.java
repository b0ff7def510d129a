package cn.gongjiang.identity.web;

import java.time.Instant;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.identity.ApiTokens;
import cn.gongjiang.identity.SignIn;
import cn.gongjiang.identity.SignInResult;
import cn.gongjiang.shared.UnauthorizedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class TokenController {

	private final SignIn signIn;
	private final ApiTokens tokens;

	TokenController(SignIn signIn, ApiTokens tokens) {
		this.signIn = signIn;
		this.tokens = tokens;
	}

	record TokenRequest(@NotBlank String username, @NotBlank String password, String totp) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	@Operation(summary = "Exchange credentials (and a TOTP code for officers and administrators) for a bearer token",
			description = "The token lapses after 30 minutes without use and 8 hours after issue. "
					+ "Wrong credentials count towards the five-failure lockout.")
	@SecurityRequirements // public: this is where a token comes from
	@PostMapping("/token")
	TokenResponse token(@Valid @RequestBody TokenRequest request) {
		var result = signIn.password(request.username(), request.password());
		if (result instanceof SignInResult.SecondFactorNeeded needed) {
			if (!needed.enrolled()) {
				throw new UnauthorizedException("auth.totp-not-enrolled");
			}
			if (request.totp() == null || request.totp().isBlank()) {
				throw new UnauthorizedException("auth.totp-required");
			}
			result = signIn.secondFactor(needed.accountId(), request.totp());
		}
		if (result instanceof SignInResult.SignedIn signedIn) {
			if (signedIn.mustChangePassword()) {
				throw new UnauthorizedException("auth.password-change-required");
			}
			var issued = tokens.issue(signedIn.actor());
			return new TokenResponse(issued.token(), issued.expiresAt());
		}
		throw new UnauthorizedException(((SignInResult.Refused) result).code());
	}
}
