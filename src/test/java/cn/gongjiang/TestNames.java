package cn.gongjiang;

/** A distinct real-looking name for the n-th test person: names hold no digits, so n is written in 汉字. */
public final class TestNames {

	private static final String DIGITS = "零一二三四五六七八九";

	private TestNames() {
	}

	public static String of(String prefix, long n) {
		var name = new StringBuilder(prefix);
		for (var c : Long.toString(n).toCharArray()) {
			name.append(DIGITS.charAt(c - '0'));
		}
		return name.toString();
	}
}
