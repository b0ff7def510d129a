package cn.gongjiang.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A resident identity number (公民身份号码, GB 11643-1999): 6-digit region of first issue, 8-digit birth date,
 * 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
 * <p>
 * Decisions (docs/adr/0004-identity-numbers.md): a lower-case {@code x} is accepted and stored as {@code X};
 * 15-digit first-generation numbers are refused (those cards lost validity on 2013-01-01, so the person has an
 * 18-digit number); the region part is checked only for a province that exists, because a number keeps the region
 * code in force when it was issued (330103 下城区 was merged in 2021). Residence permits for Hong Kong, Macao and
 * Taiwan residents (81, 82, 83) and the 2023 foreign permanent resident card (9 + province) are accepted.
 */
public record IdNumber(String value) {

	// compiled once: parsing runs for every row of a bulk import
	private static final Pattern EIGHTEEN = Pattern.compile("\\d{17}[\\dX]");
	private static final Pattern FIFTEEN = Pattern.compile("\\d{15}");
	private static final Pattern SEVENTEEN = Pattern.compile("\\d{17}");
	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82", "83");

	public IdNumber {
		if (value == null || !EIGHTEEN.matcher(value).matches()) {
			throw new IllegalArgumentException("Use IdNumber.parse for untrusted input");
		}
	}

	/** Checks every rule and names the first one broken. */
	public static IdNumber parse(String raw) {
		// Beijing's day: a number born "tomorrow" in UTC is today's newborn in Zhejiang
		return parse(raw, LocalDate.now(ZoneId.of("Asia/Shanghai")));
	}

	static IdNumber parse(String raw, LocalDate today) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidValueException("id-number.required");
		}
		var candidate = raw.strip().replace('x', 'X');
		if (FIFTEEN.matcher(candidate).matches()) {
			throw new InvalidValueException("id-number.legacy-15-digit");
		}
		if (!EIGHTEEN.matcher(candidate).matches()) {
			throw new InvalidValueException("id-number.format");
		}
		if (!provinceExists(candidate)) {
			throw new InvalidValueException("id-number.region");
		}
		var birth = birthDate(candidate);
		if (birth == null || birth.getYear() < 1900 || birth.isAfter(today)) {
			throw new InvalidValueException("id-number.birth-date");
		}
		if (candidate.charAt(17) != checkCharacter(candidate)) {
			throw new InvalidValueException("id-number.check-digit");
		}
		return new IdNumber(candidate);
	}

	public static boolean isValid(String raw) {
		try {
			parse(raw);
			return true;
		}
		catch (InvalidValueException e) {
			return false;
		}
	}

	/** The full number for 17 digits (for generators and test data): the check character appended. */
	public static String withCheckDigit(String seventeen) {
		if (seventeen == null || !SEVENTEEN.matcher(seventeen).matches()) {
			throw new IllegalArgumentException("17 digits expected");
		}
		return seventeen + checkCharacter(seventeen);
	}

	static char checkCharacter(String seventeenOrMore) {
		var sum = 0;
		for (var i = 0; i < 17; i++) {
			sum += (seventeenOrMore.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	private static boolean provinceExists(String number) {
		var prefix = number.substring(0, 2);
		// 2023 foreign permanent resident card: 9, then the issuing province's two digits
		return PROVINCES.contains(prefix) || (number.charAt(0) == '9' && PROVINCES.contains(number.substring(1, 3)));
	}

	private static LocalDate birthDate(String number) {
		try {
			return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
					Integer.parseInt(number.substring(12, 14)));
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	public LocalDate birthDate() {
		return birthDate(value);
	}

	public boolean male() {
		return (value.charAt(16) - '0') % 2 == 1;
	}

	/** The region code of first issue, as printed in the number (may be a code no longer in force). */
	public String issuingRegion() {
		return value.substring(0, 6);
	}

	/** 330102********1234: what an officer sees by default. */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}
}
