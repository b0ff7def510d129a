package cn.gongjiang.registry;

/** Monthly wage band in yuan, as employers report it; feeds the "扩中提低" analysis (ANA-2). */
public enum SalaryBand {
	BELOW_3K, _3K_5K, _5K_8K, _8K_12K, _12K_20K, ABOVE_20K;

	/** The stored code: the constant without the leading underscore Java needs. */
	public String code() {
		return name().startsWith("_") ? name().substring(1) : name();
	}

	public static SalaryBand fromCode(String code) {
		for (var band : values()) {
			if (band.code().equals(code)) {
				return band;
			}
		}
		throw new cn.gongjiang.shared.InvalidValueException("salary-band.unknown", code);
	}
}
