package cn.gongjiang.certification.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.gongjiang.shared.web.ProblemWriter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Public verification is open to anyone, so it is rationed per client address (a token bucket, default 30 a minute):
 * enough for a person or an employer checking certificates, too little to enumerate numbers. Over the limit: 429 with
 * Retry-After, as problem details from the API and as a sentence on the page.
 */
@Component
class VerificationRateLimit extends OncePerRequestFilter {

	private static final int MAX_CLIENTS = 100_000;

	/** Set on a refused page request: the seconds until the client may ask again. */
	static final String RATE_LIMITED = "gongjiang.verify.rate-limited";

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
	private final ProblemWriter problems;
	private final long perMinute;

	VerificationRateLimit(ProblemWriter problems, Environment environment) {
		this.problems = problems;
		this.perMinute = environment.getProperty("gongjiang.verify.rate-per-minute", Long.class, 30L);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI();
		return !(path.equals("/api/v1/certificates/verify") || (path.equals("/verify") && request.getParameter("number") != null));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (buckets.size() > MAX_CLIENTS) {
			buckets.clear(); // a flood of addresses: start counting afresh rather than grow without bound
		}
		var bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
				.build());
		var probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
			chain.doFilter(request, response);
			return;
		}
		var seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
		response.setHeader("Retry-After", Long.toString(seconds));
		if (request.getRequestURI().startsWith("/api/")) {
			problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "certificate.verify.rate-limited", seconds);
			return;
		}
		// the page says it in words, on the page, with the form kept; it does not look the certificate up
		request.setAttribute(RATE_LIMITED, seconds);
		chain.doFilter(request, response);
	}
}
