package cn.gongjiang.shared;

/**
 * A code of the national occupational classification (职业分类大典, 2022): {@code 6} 大类, {@code 6-18} 中类,
 * {@code 6-18-01} 小类, {@code 6-18-01-01} 细类 (occupation).
 */
public record OccupationCode(String value) {

	public OccupationCode {
		if (value == null || !value.matches("\\d(-\\d{2}){0,3}")) {
			throw new InvalidValueException("occupation.code.format", value);
		}
	}

	public static OccupationCode of(String value) {
		return new OccupationCode(value == null ? null : value.strip());
	}

	/** 1 = 大类 … 4 = 细类. */
	public int level() {
		return value.split("-").length;
	}

	@Override
	public String toString() {
		return value;
	}
}
