package cn.gongjiang.identity.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.identity.ApiTokens;
import cn.gongjiang.identity.SignIn;
import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Refusal;
import cn.gongjiang.shared.web.ProblemWriter;

/**
 * Two filter chains: the JSON API and actuator with stateless bearer tokens and problem-details errors; the console
 * with a session, a two-step form sign-in, CSRF and a strict content security policy. Both record refused access.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The only authentication manager: with it declared, Spring Boot creates no default in-memory user, and a refused
	 * password is checked (and counted towards lockout) exactly once.
	 */
	@Bean
	AuthenticationManager authenticationManager(SignIn signIn) {
		return new ProviderManager(new AccountAuthenticationProvider(signIn));
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems, AuditLog audit)
			throws Exception {
		OpaqueTokenIntrospector introspector = token -> tokens.authenticate(token)
				.map(ActorPrincipal::new)
				.orElseThrow(() -> new BadOpaqueTokenException("unknown, lapsed or revoked token"));
		http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
				.csrf(c -> c.disable())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.securityContext(c -> c.securityContextRepository(new ConsoleSessionForDownloads()))
				.authorizeHttpRequests(a -> a
						.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
						.requestMatchers(HttpMethod.GET, "/api/v1/certificates/verify").permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs/**").permitAll()
						.requestMatchers("/actuator/**").hasRole("SYSTEM_ADMIN")
						.anyRequest().hasAuthority(ActorAuthentication.SIGNED_IN))
				.oauth2ResourceServer(o -> o
						.opaqueToken(t -> t.introspector(introspector)
								.authenticationConverter((token, principal) ->
										new ActorAuthentication(((ActorPrincipal) principal).actor())))
						.authenticationEntryPoint((request, response, e) -> {
							response.setHeader("WWW-Authenticate", "Bearer");
							problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.required");
						}))
				.exceptionHandling(e -> e
						.authenticationEntryPoint((request, response, ex) -> {
							response.setHeader("WWW-Authenticate", "Bearer");
							problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.required");
						})
						.accessDeniedHandler(audited(audit, (request, response, ex) ->
								problems.write(request, response, HttpStatus.FORBIDDEN, "auth.forbidden"))))
				.addFilterAfter(new NotFoundAudit(audit), AuthorizationFilter.class)
				.headers(this::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain console(HttpSecurity http, AuthenticationManager authenticationManager, AuditLog audit,
			SecurityContextRepository contexts, Environment environment,
			DemoMode demo) throws Exception {
		// nobody gets a session before signing in: the CSRF token of the sign-in and verification pages lives
		// in a cookie of its own (HttpOnly, SameSite, Secure like the session's), and no request is saved for later
		// (after the password the console always opens its home page)
		var csrfTokens = new CookieCsrfTokenRepository();
		var secure = SessionCookie.secure(environment.getProperty("gongjiang.secure-cookie"), demo.enabled());
		csrfTokens.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Strict").secure(secure));
		http.authenticationManager(authenticationManager)
				.csrf(c -> c.csrfTokenRepository(csrfTokens))
				.securityContext(c -> c.securityContextRepository(contexts))
				.authorizeHttpRequests(a -> a
						.requestMatchers("/login", "/verify", "/public/**", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/maps/**",
								"/error", "/swagger-ui.html", "/swagger-ui/**").permitAll()
						.requestMatchers("/login/totp").hasAuthority(PasswordStepAuthentication.AUTHORITY)
						.requestMatchers("/account/password").hasAnyAuthority(ActorAuthentication.SIGNED_IN,
								ActorAuthentication.PASSWORD_CHANGE_REQUIRED)
						.requestMatchers("/admin/accounts/**").hasRole("SECURITY_ADMIN")
						.requestMatchers("/audit/**").hasRole("AUDITOR")
						.requestMatchers("/system").hasRole("SYSTEM_ADMIN")
						.anyRequest().hasAuthority(ActorAuthentication.SIGNED_IN))
				.formLogin(f -> f.loginPage("/login")
						.successHandler(afterPassword())
						.failureHandler(refused()))
				.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
				.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
				.exceptionHandling(e -> e.accessDeniedHandler(audited(audit, (request, response, ex) -> {
					var authentication = SecurityContextHolder
							.getContext().getAuthentication();
					if (authentication instanceof PasswordStepAuthentication) {
						response.sendRedirect(request.getContextPath() + "/login/totp");
					}
					else if (authentication instanceof ActorAuthentication a && a.mustChangePassword()) {
						response.sendRedirect(request.getContextPath() + "/account/password");
					}
					else {
						response.sendError(HttpStatus.FORBIDDEN.value());
					}
				})))
				.addFilterAfter(new NotFoundAudit(audit), AuthorizationFilter.class)
				.headers(this::headers)
				.requestCache(c -> c.requestCache(new NullRequestCache()));
		return http.build();
	}

	private void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(c -> c.policyDirectives(CSP))
				.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
				.referrerPolicy(r -> r.policy(
						ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
	}

	private static AuthenticationSuccessHandler afterPassword() {
		return (request, response, authentication) -> response.sendRedirect(request.getContextPath()
				+ (authentication instanceof PasswordStepAuthentication ? "/login/totp"
						: authentication instanceof ActorAuthentication a && a.mustChangePassword() ? "/account/password"
								: "/"));
	}

	private static AuthenticationFailureHandler refused() {
		return (request, response, e) -> {
			var code = e instanceof SignInRefusedException r ? r.code() : "auth.bad-credentials";
			response.sendRedirect(request.getContextPath() + "/login?error=" + code);
		};
	}

	/**
	 * MLPS: refused access is an audit event, recorded once: a {@link Refusal} naming its action was recorded where it
	 * was made; any other refusal that leaves a request is recorded here as {@code access.denied} with the path.
	 */
	private static AccessDeniedHandler audited(AuditLog audit, AccessDeniedHandler then) {
		return (request, response, e) -> {
			var authentication = SecurityContextHolder.getContext()
					.getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
				var refusal = refusalIn(e);
				if (refusal != null && refusal.audited()) {
					// written down where it was made
				}
				else if (refusal != null && refusal.action() != null) {
					audit.record(actor, refusal.action(), refusal.target(), AuditOutcome.DENIED, refusal.detail());
				}
				else {
					audit.record(actor, "access.denied", request.getMethod() + " " + request.getRequestURI(),
							AuditOutcome.DENIED, null);
				}
			}
			then.handle(request, response, e);
		};
	}

	private static Refusal refusalIn(Throwable e) {
		for (var cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof Refusal refusal) {
				return refusal;
			}
		}
		return null;
	}

	/** The bearer token's principal as Spring Security's resource server wants it, carrying our actor. */
	record ActorPrincipal(Actor actor) implements OAuth2AuthenticatedPrincipal {

		@Override
		public Map<String, Object> getAttributes() {
			return Map.of();
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return List.of();
		}

		@Override
		public String getName() {
			return actor.username();
		}
	}
}
