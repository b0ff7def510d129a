package cn.gongjiang.privacy;

/** The block ciphers personal data may be sealed with; the choice is written into every sealed value. */
public enum Algorithm {

	/** GB/T 32907 SM4 in GCM mode: the 国密 default assessors expect. */
	SM4_GCM((byte) 1),
	/** AES-256 in GCM mode, for deployments that must use it. */
	AES_GCM((byte) 2);

	final byte id;

	Algorithm(byte id) {
		this.id = id;
	}

	static Algorithm of(byte id) {
		for (var a : values()) {
			if (a.id == id) {
				return a;
			}
		}
		throw new IllegalArgumentException("unknown algorithm " + id);
	}
}
