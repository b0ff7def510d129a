package cn.gongjiang.privacy;

/**
 * How personal data shows when the viewer may not see it whole: officials see an ID number's region and last
 * four ({@code 330102********1234}), the public only its first and last character; names keep the family name and
 * the last character ({@code 张*明}); mobiles keep the first three and last four.
 */
public final class Masking {

	private Masking() {
	}

	public static String idNumberForOfficial(String idNumber) {
		if (idNumber == null || idNumber.length() < 10) {
			return "****";
		}
		return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
	}

	public static String forPublic(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		if (value.length() <= 2) {
			return value.charAt(0) + "*";
		}
		return value.charAt(0) + "*".repeat(value.length() - 2) + value.charAt(value.length() - 1);
	}

	public static String name(String name) {
		return forPublic(name);
	}

	public static String mobile(String mobile) {
		if (mobile == null || mobile.length() < 7) {
			return "****";
		}
		return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
	}
}
