package cn.gongjiang.bench.web;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.bench.BareLookup;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The baseline of {@code certificates.verify}: the barest endpoint the same server answers, one look-up by the
 * certificate's unique number and a tiny JSON answer. It exists only while the bench command runs
 * ({@code gongjiang.bench.enabled}), never in a deployed application.
 */
@RestController
@ConditionalOnProperty(name = "gongjiang.bench.enabled", havingValue = "true")
class BenchEndpoints {

	private final BareLookup lookup;

	BenchEndpoints(BareLookup lookup) {
		this.lookup = lookup;
	}

	@GetMapping("/bench/certificate")
	Map<String, Boolean> certificate(@RequestParam String number) {
		return Map.of("found", lookup.certificateExists(number));
	}

	/**
	 * A console session for a province officer without the sign-in's second factor (the bench has no demo accounts
	 * and no authenticator): the session the console list pages are then measured with.
	 */
	@PostMapping("/bench/session")
	Map<String, Boolean> session(HttpServletRequest request) {
		var actor = new Actor(0, "bench-province", "省厅（基准测试）",
				Role.PROVINCE_OFFICER, DataScope.region(
						RegionCode.ZHEJIANG, "/330000/"), false);
		var authentication = UsernamePasswordAuthenticationToken
				.authenticated(actor, null, List.of(
						new SimpleGrantedAuthority(actor.role().authority()),
						new SimpleGrantedAuthority("SIGNED_IN")));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		request.getSession(true).setAttribute(org.springframework.security.web.context
				.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		return Map.of("signedIn", true);
	}

	@Bean
	@Order(0)
	SecurityFilterChain benchOnly(HttpSecurity http) throws Exception {
		return http.securityMatcher("/bench/**").csrf(c -> c.disable()).requestCache(c -> c.disable())
				.securityContext(c -> c.disable()).sessionManagement(s -> s.sessionCreationPolicy(
						SessionCreationPolicy.STATELESS))
				.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
	}
}
