package cn.gongjiang.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** One row of the log as read or about to be written. */
public record AuditEvent(long id, Instant occurredAt, String account, String role, String scope, String action,
		String target, AuditOutcome outcome, String clientAddress, String detail, byte[] previousHash, byte[] hash,
		boolean keyed) {

	/**
	 * HMAC-SM3 under the chain key over the previous hash and every field but the ID, fields separated by a unit
	 * separator. Without the key nobody can make a changed row fit, however many later rows they recompute.
	 */
	static byte[] chainHash(byte[] key, byte[] previousHash, Instant occurredAt, String account, String role,
			String scope, String action, String target, AuditOutcome outcome, String clientAddress, String detail) {
		return mac(key, canonical(previousHash, occurredAt, account, role, scope, action, target, outcome,
				clientAddress, detail));
	}

	/** The unkeyed SM3 of rows written before the chain was keyed, checked once when they are re-signed. */
	static byte[] legacyHash(byte[] previousHash, Instant occurredAt, String account, String role, String scope,
			String action, String target, AuditOutcome outcome, String clientAddress, String detail) {
		var bytes = canonical(previousHash, occurredAt, account, role, scope, action, target, outcome, clientAddress,
				detail);
		Digest digest = new SM3Digest();
		digest.update(bytes, 0, bytes.length);
		var out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return out;
	}

	static byte[] mac(byte[] key, byte[] message) {
		var mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(key));
		mac.update(message, 0, message.length);
		var out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return out;
	}

	private static byte[] canonical(byte[] previousHash, Instant occurredAt, String account, String role,
			String scope, String action, String target, AuditOutcome outcome, String clientAddress, String detail) {
		return String.join("\u001f", hex(previousHash), Long.toString(micros(occurredAt)), nz(account), nz(role),
				nz(scope), action, nz(target), outcome.name(), nz(clientAddress), nz(detail))
				.getBytes(StandardCharsets.UTF_8);
	}

	byte[] expectedHash(byte[] key) {
		return chainHash(key, previousHash, occurredAt, account, role, scope, action, target, outcome, clientAddress,
				detail);
	}

	byte[] expectedLegacyHash() {
		return legacyHash(previousHash, occurredAt, account, role, scope, action, target, outcome, clientAddress,
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
