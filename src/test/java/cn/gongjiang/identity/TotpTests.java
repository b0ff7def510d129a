package cn.gongjiang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** Officers' second factor: RFC 6238 as authenticator apps compute it. */
class TotpTests {

	// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890"
	private static final String RFC_SECRET = new Base32().encodeToString("12345678901234567890".getBytes());

	@Test
	void codesMatchTheRfc6238TestVectors() {
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}

	@Test
	void aCodeFromThePreviousOrNextStepIsAcceptedForClockDrift() {
		var now = Instant.ofEpochSecond(1111111109);
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(30)), now, null)).isPresent();
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now.plusSeconds(30)), now, null)).isPresent();
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(90)), now, null)).isEmpty();
	}

	@Test
	void aCodeCannotBeUsedTwice() {
		var now = Instant.ofEpochSecond(1111111109);
		var code = Totp.code(RFC_SECRET, now);
		var step = Totp.verify(RFC_SECRET, code, now, null).getAsLong();
		assertThat(Totp.verify(RFC_SECRET, code, now, step)).isEmpty();
	}

	@Test
	void malformedCodesAreRefused() {
		var now = Instant.now();
		assertThat(Totp.verify(RFC_SECRET, null, now, null)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, "12ab56", now, null)).isEmpty();
	}

	@Test
	void newSecretsAre160BitBase32() {
		assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
	}
}
