package cn.gongjiang.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.security.Actor;

/**
 * Opaque bearer tokens for API clients. Only a SHA-256 of the token is stored. A token lapses after 30 minutes
 * without use (the same idle limit as a console session) and after 8 hours in any case.
 */
@Service
public class ApiTokens {

	static final Duration IDLE = Duration.ofMinutes(30);
	static final Duration MAXIMUM = Duration.ofHours(8);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	public record IssuedToken(String token, Instant expiresAt) {
	}

	@Transactional
	public IssuedToken issue(Actor actor) {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var now = clock.instant();
		var expires = now.plus(IDLE);
		jdbc.sql("""
				insert into identity.api_token (token_hash, account_id, issued_at, expires_at, max_expires_at)
				values (:hash, :account, :now, :expires, :max)
				""")
				.param("hash", hash(token))
				.param("account", actor.accountId())
				.param("now", Timestamp.from(now))
				.param("expires", Timestamp.from(expires))
				.param("max", Timestamp.from(now.plus(MAXIMUM)))
				.update();
		return new IssuedToken(token, expires);
	}

	/** The actor behind a live token, sliding its idle expiry; empty for unknown, lapsed or revoked tokens. */
	@Transactional
	public Optional<Actor> authenticate(String token) {
		var now = clock.instant();
		var accountId = jdbc.sql("""
				update identity.api_token
				set expires_at = least(:next, max_expires_at)
				where token_hash = :hash and revoked_at is null and expires_at > :now
				returning account_id
				""")
				.param("next", Timestamp.from(now.plus(IDLE)))
				.param("hash", hash(token))
				.param("now", Timestamp.from(now))
				.query(Long.class)
				.optional();
		return accountId.flatMap(accounts::byId)
				.filter(a -> a.enabled() && !a.lockedAt(now))
				.map(Account::actor);
	}

	@Transactional
	public void revokeAll(long accountId) {
		jdbc.sql("update identity.api_token set revoked_at = :now where account_id = :id and revoked_at is null")
				.param("now", Timestamp.from(clock.instant()))
				.param("id", accountId)
				.update();
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
