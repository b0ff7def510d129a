package cn.gongjiang.shared;

/**
 * Unified social credit code of an organisation (统一社会信用代码, GB 32100-2015): 18 characters from a 31-letter
 * alphabet without I, O, S, V, Z; the last is a check character over the first 17.
 * <p>
 * Spaces and lower case are normalised. Codes from the 2015 pilot that fail the check character are refused
 * (docs/adr/0004-identity-numbers.md): the standard is what the registration authorities validate against.
 */
public record CreditCode(String value) {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public CreditCode {
		if (value == null || value.length() != 18) {
			throw new IllegalArgumentException("Use CreditCode.parse for untrusted input");
		}
	}

	public static CreditCode parse(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidValueException("credit-code.required");
		}
		var candidate = raw.replaceAll("\\s", "").toUpperCase();
		if (candidate.length() != 18 || !candidate.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			throw new InvalidValueException("credit-code.format");
		}
		if (!candidate.substring(2, 8).chars().allMatch(Character::isDigit)) {
			throw new InvalidValueException("credit-code.format");
		}
		if (candidate.charAt(17) != checkCharacter(candidate)) {
			throw new InvalidValueException("credit-code.check-character");
		}
		return new CreditCode(candidate);
	}

	/** The full code for 17 characters (for generators and test data): the check character appended. */
	public static String withCheckCharacter(String seventeen) {
		if (seventeen == null || seventeen.length() != 17) {
			throw new IllegalArgumentException("17 characters expected");
		}
		return seventeen + checkCharacter(seventeen);
	}

	static char checkCharacter(String code) {
		var sum = 0;
		for (var i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	/** The registering authority's region (positions 3-8). */
	public String region() {
		return value.substring(2, 8);
	}

	@Override
	public String toString() {
		return value;
	}
}
