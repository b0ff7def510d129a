package cn.gongjiang.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** One row of the log as read or about to be written. */
public record AuditEvent(long id, Instant occurredAt, String account, String role, String scope, String action,
		String target, AuditOutcome outcome, String clientAddress, String detail, byte[] previousHash, byte[] hash) {

	/** SM3 over the previous hash and every field but the ID, fields separated by a unit separator. */
	static byte[] chainHash(byte[] previousHash, Instant occurredAt, String account, String role, String scope,
			String action, String target, AuditOutcome outcome, String clientAddress, String detail) {
		var canonical = String.join("\u001f", hex(previousHash), Long.toString(micros(occurredAt)), nz(account),
				nz(role), nz(scope), action, nz(target), outcome.name(), nz(clientAddress), nz(detail));
		var bytes = canonical.getBytes(StandardCharsets.UTF_8);
		var digest = new SM3Digest();
		digest.update(bytes, 0, bytes.length);
		var out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return out;
	}

	byte[] expectedHash() {
		return chainHash(previousHash, occurredAt, account, role, scope, action, target, outcome, clientAddress,
				detail);
	}

	public String hashHex() {
		return hex(hash);
	}

	static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
	}

	private static String hex(byte[] bytes) {
		return bytes == null ? "" : HexFormat.of().formatHex(bytes);
	}

	private static String nz(String s) {
		return s == null ? "\u0000" : s;
	}
}
