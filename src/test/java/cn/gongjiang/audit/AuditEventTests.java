package cn.gongjiang.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** the audit chain's hash covers every field and the previous row, and needs the chain key. */
class AuditEventTests {

	private static final Instant AT = Instant.parse("2026-11-22T08:00:00.123456Z");
	private static final byte[] KEY = new byte[32];

	@Test
	void anyChangedFieldChangesTheHash() {
		var original = AuditEvent.chainHash(KEY, null, AT, "shaoxing", "CITY_OFFICER", "REGION:330600", "login", null,
				AuditOutcome.SUCCESS, "127.0.0.1", null);
		assertThat(AuditEvent.chainHash(KEY, null, AT, "shaoxing", "CITY_OFFICER", "REGION:330600", "login", null,
				AuditOutcome.FAILURE, "127.0.0.1", null)).isNotEqualTo(original);
		assertThat(AuditEvent.chainHash(KEY, null, AT.plusNanos(1000), "shaoxing", "CITY_OFFICER", "REGION:330600",
				"login", null, AuditOutcome.SUCCESS, "127.0.0.1", null)).isNotEqualTo(original);
		assertThat(AuditEvent.chainHash(KEY, original, AT, "shaoxing", "CITY_OFFICER", "REGION:330600", "login", null,
				AuditOutcome.SUCCESS, "127.0.0.1", null)).isNotEqualTo(original);
	}

	@Test
	void anEmptyFieldIsNotTheSameAsAMissingOne() {
		assertThat(AuditEvent.chainHash(KEY, null, AT, "", null, null, "login", null, AuditOutcome.SUCCESS, null, null))
				.isNotEqualTo(AuditEvent.chainHash(KEY, null, AT, null, null, null, "login", null, AuditOutcome.SUCCESS,
						null, null));
	}

	@Test
	void withoutTheKeyNobodyMakesTheSameLink() {
		var otherKey = new byte[32];
		otherKey[0] = 1;
		var keyed = AuditEvent.chainHash(KEY, null, AT, "shaoxing", null, null, "login", null, AuditOutcome.SUCCESS, null,
				null);
		assertThat(AuditEvent.chainHash(otherKey, null, AT, "shaoxing", null, null, "login", null, AuditOutcome.SUCCESS,
				null, null)).isNotEqualTo(keyed);
		assertThat(AuditEvent.legacyHash(null, AT, "shaoxing", null, null, "login", null, AuditOutcome.SUCCESS, null,
				null)).as("the plain SM3 an attacker can compute").isNotEqualTo(keyed);
	}

	@Test
	void theHashIsA256BitSm3Digest() {
		assertThat(AuditEvent.chainHash(KEY, null, AT, null, null, null, "x", null, AuditOutcome.SUCCESS, null, null))
				.hasSize(32);
	}
}
