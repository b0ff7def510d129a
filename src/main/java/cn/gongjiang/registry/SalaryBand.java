package cn.gongjiang.registry;

import java.util.Arrays;
import java.util.stream.Collectors;

import cn.gongjiang.shared.InvalidValueException;

/** Monthly wage band in yuan, as employers report it; feeds the "扩中提低" analysis (ANA-2). */
public enum SalaryBand {
	BELOW_3K("3000元以下"), _3K_5K("3000-5000元"), _5K_8K("5000-8000元"), _8K_12K("8000-12000元"),
	_12K_20K("12000-20000元"), ABOVE_20K("20000元以上");

	private final String nameZh;

	SalaryBand(String nameZh) {
		this.nameZh = nameZh;
	}

	/** The stored code: the constant without the leading underscore Java needs. */
	public String code() {
		return name().startsWith("_") ? name().substring(1) : name();
	}

	/** As clerks write it in a file and the console shows it: 3000-5000元. */
	public String nameZh() {
		return nameZh;
	}

	/** A band by its code or its Chinese name. */
	public static SalaryBand fromCode(String code) {
		for (var band : values()) {
			if (band.code().equals(code) || band.nameZh.equals(code)) {
				return band;
			}
		}
		throw new InvalidValueException("salary-band.unknown", code);
	}

	/** "3000元以下、3000-5000元、…" for a template's column help. */
	static String listed() {
		return Arrays.stream(values()).map(SalaryBand::nameZh).collect(Collectors.joining("、"));
	}
}
