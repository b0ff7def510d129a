package cn.gongjiang.targets;

import java.math.BigDecimal;

/** How a document states a figure: 以上 (at least), 超过 (more than), plain (equal), 左右 (about), ** (unknown). */
public enum Comparison {

	AT_LEAST("≥"), MORE_THAN(">"), EQUAL("="), ABOUT("≈"), UNKNOWN("");

	private final String symbol;

	Comparison(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return symbol;
	}

	/** Whether {@code actual} fulfils a target of {@code value}; a plain or approximate figure is met once reached. */
	boolean met(BigDecimal actual, BigDecimal value) {
		if (this == UNKNOWN || actual == null || value == null) {
			return false;
		}
		int c = actual.compareTo(value);
		return this == MORE_THAN ? c > 0 : c >= 0;
	}
}
