package cn.gongjiang.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.Tables4kGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;

/**
 * Seals personal data for storage and computes its lookup index. A sealed value is
 * {@code version | algorithm | 12-byte nonce | ciphertext and 16-byte tag}, so values sealed under either algorithm
 * stay readable after the configured one changes. Keys are derived from one 256-bit master key with HKDF-SM3, a
 * separate key for each purpose; the index is HMAC-SM3 under its own key, so it reveals nothing without the key and
 * cannot be rebuilt from the encryption key alone.
 */
public final class PersonalDataCipher {

	private static final byte VERSION = 1;
	private static final int NONCE = 12;
	private static final int TAG_BITS = 128;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final Algorithm algorithm;
	private final byte[] sm4Key;
	private final byte[] aesKey;
	private final byte[] indexKey;
	private final byte[] auditChainKey;
	/*
	 * Per thread, keyed once: a bulk import seals and indexes two values a row, and keying (HMAC's two padded key
	 * blocks, SM4's key schedule and GCM's hash key) cost as much as the few bytes of the value itself (issue 18).
	 */
	private final ThreadLocal<HMac> indexMac = ThreadLocal.withInitial(this::keyedIndexMac);
	private final ThreadLocal<GCMModeCipher> sealer = ThreadLocal.withInitial(this::keyedSealer);

	public PersonalDataCipher(byte[] masterKey, Algorithm algorithm) {
		if (masterKey == null || masterKey.length != 32) {
			throw new IllegalArgumentException("the personal-data master key must be 32 bytes");
		}
		this.algorithm = algorithm;
		this.sm4Key = derive(masterKey, "gongjiang/seal/sm4", 16);
		this.aesKey = derive(masterKey, "gongjiang/seal/aes", 32);
		this.indexKey = derive(masterKey, "gongjiang/index/hmac-sm3", 32);
		this.auditChainKey = derive(masterKey, "gongjiang/audit/chain-hmac-sm3", 32);
	}

	/**
	 * The key that signs the audit log's hash chain and its checkpoints (X-1, MLPS): derived from the master key, so
	 * it is never in the database, and whoever can rewrite the database cannot recompute the chain.
	 */
	public byte[] auditChainKey() {
		return auditChainKey.clone();
	}

	public byte[] seal(String plaintext) {
		var nonce = new byte[NONCE];
		RANDOM.nextBytes(nonce);
		var cipher = sealer.get();
		// no key: the thread's cipher keeps its key schedule and only takes the new nonce
		cipher.init(true, new AEADParameters(null, TAG_BITS, nonce));
		var input = plaintext.getBytes(StandardCharsets.UTF_8);
		var out = new byte[2 + NONCE + cipher.getOutputSize(input.length)];
		out[0] = VERSION;
		out[1] = algorithm.id;
		System.arraycopy(nonce, 0, out, 2, NONCE);
		var n = cipher.processBytes(input, 0, input.length, out, 2 + NONCE);
		try {
			cipher.doFinal(out, 2 + NONCE + n);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException(e);
		}
		return out;
	}

	/** Opens a sealed value; a value that was altered or sealed under another key is refused. */
	public String open(byte[] sealed) {
		if (sealed == null || sealed.length < 2 + NONCE + TAG_BITS / 8 || sealed[0] != VERSION) {
			throw new IllegalArgumentException("not a sealed value");
		}
		var buffer = ByteBuffer.wrap(sealed);
		buffer.get();
		var sealedWith = Algorithm.of(buffer.get());
		var nonce = new byte[NONCE];
		buffer.get(nonce);
		var cipher = gcm(sealedWith, false, nonce);
		var body = sealed.length - 2 - NONCE;
		var out = new byte[cipher.getOutputSize(body)];
		var n = cipher.processBytes(sealed, 2 + NONCE, body, out, 0);
		try {
			n += cipher.doFinal(out, n);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalArgumentException("sealed value failed authentication", e);
		}
		return new String(out, 0, n, StandardCharsets.UTF_8);
	}

	/** The keyed lookup index of a value: equal values, equal index; nothing else is learnt from it. */
	public byte[] index(String plaintext) {
		var mac = indexMac.get();
		var input = plaintext.getBytes(StandardCharsets.UTF_8);
		mac.update(input, 0, input.length);
		var out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0); // and back to the keyed state
		return out;
	}

	/** The keyed index of an ID number, as the type every module finds a person by. */
	public IdNumberIndex index(IdNumber number) {
		return IdNumberIndex.of(index(number.value()));
	}

	public Algorithm algorithm() {
		return algorithm;
	}

	private HMac keyedIndexMac() {
		var mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(indexKey));
		return mac;
	}

	/** A sealing cipher keyed for the configured algorithm; its 4 KB multiplication tables are built once a thread. */
	private GCMModeCipher keyedSealer() {
		var multiplier = new Tables4kGCMMultiplier();
		var cipher = algorithm == Algorithm.SM4_GCM ? GCMBlockCipher.newInstance(new SM4Engine(), multiplier)
				: GCMBlockCipher.newInstance(AESEngine.newInstance(), multiplier);
		// keyed under a nonce no seal uses (a random one is never all zeros in practice, and GCM refuses a repeat)
		cipher.init(true, new AEADParameters(new KeyParameter(algorithm == Algorithm.SM4_GCM ? sm4Key : aesKey),
				TAG_BITS, new byte[NONCE]));
		return cipher;
	}

	private GCMModeCipher gcm(Algorithm which, boolean encrypt, byte[] nonce) {
		// values are a few bytes long: for one value, the basic multiplier beats building 4 KB tables
		var multiplier = new BasicGCMMultiplier();
		var cipher = which == Algorithm.SM4_GCM ? GCMBlockCipher.newInstance(new SM4Engine(), multiplier)
				: GCMBlockCipher.newInstance(AESEngine.newInstance(), multiplier);
		var key = which == Algorithm.SM4_GCM ? sm4Key : aesKey;
		cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce));
		return cipher;
	}

	private static byte[] derive(byte[] master, String purpose, int length) {
		var hkdf = new HKDFBytesGenerator(new SM3Digest());
		hkdf.init(new HKDFParameters(master, null, purpose.getBytes(StandardCharsets.US_ASCII)));
		var out = new byte[length];
		hkdf.generateBytes(out, 0, length);
		return out;
	}
}
