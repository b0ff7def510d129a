package cn.gongjiang.identity;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * RFC 6238 time-based one-time passwords, as authenticator apps compute them: HMAC-SHA1, 6 digits, 30-second steps,
 * one step of clock drift either way. The caller stores the accepted step so a code cannot be replayed.
 */
final class Totp {

	private static final Duration STEP = Duration.ofSeconds(30);
	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);
	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	static String newSecret() {
		var bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return new Base32().encodeToString(bytes).replace("=", "");
	}

	static String code(String secret, Instant at) {
		try {
			return GENERATOR.generateOneTimePasswordString(key(secret), at);
		}
		catch (InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The time step the code belongs to, if it is valid now and later than {@code lastUsedStep}. */
	static OptionalLong verify(String secret, String code, Instant now, Long lastUsedStep) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		var step = now.getEpochSecond() / STEP.getSeconds();
		for (long candidate = step - 1; candidate <= step + 1; candidate++) {
			if (lastUsedStep != null && candidate <= lastUsedStep) {
				continue;
			}
			if (code(secret, Instant.ofEpochSecond(candidate * STEP.getSeconds())).equals(code.strip())) {
				return OptionalLong.of(candidate);
			}
		}
		return OptionalLong.empty();
	}

	static String otpauthUri(String username, String secret) {
		return "otpauth://totp/Gongjiang:%s?secret=%s&issuer=Gongjiang&digits=6&period=30".formatted(username, secret);
	}

	private static SecretKeySpec key(String secret) {
		return new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
	}
}
