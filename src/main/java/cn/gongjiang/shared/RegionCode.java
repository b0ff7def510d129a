package cn.gongjiang.shared;

import java.util.regex.Pattern;

/**
 * A region code: six digits (GB/T 2260) for province, city and county, nine digits for a township
 * (the first nine of its 12-digit statistics code). Existence is the region module's business.
 */
public record RegionCode(String value) {

	private static final Pattern FORMAT = Pattern.compile("\\d{6}|\\d{9}");

	public static final RegionCode ZHEJIANG = new RegionCode("330000");

	public RegionCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidValueException("region.code.format", value);
		}
	}

	public static RegionCode of(String value) {
		return new RegionCode(value == null ? null : value.strip());
	}

	public boolean inZhejiang() {
		return value.startsWith("33");
	}

	@Override
	public String toString() {
		return value;
	}
}
