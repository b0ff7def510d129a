package cn.gongjiang.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of money in yuan, to the fen (元, 分): never a bare {@code BigDecimal} or {@code int} across a boundary.
 * Held at scale 2; an amount finer than a fen is refused rather than rounded away. In JSON it is a plain number as
 * the amount reads ({@code 2250}, {@code 2000.5}), so API bodies are what they were before amounts had a type.
 */
public final class Money implements Comparable<Money> {

	public static final Money ZERO = new Money(BigDecimal.ZERO);

	private final BigDecimal yuan;

	private Money(BigDecimal yuan) {
		this.yuan = yuan.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** The amount in yuan; one finer than a fen is refused (400). */
	@JsonCreator
	public static Money of(BigDecimal yuan) {
		Objects.requireNonNull(yuan, "yuan");
		if (yuan.stripTrailingZeros().scale() > 2) {
			throw new InvalidValueException("money.fen", yuan.toPlainString());
		}
		return new Money(yuan);
	}

	/** Whole yuan. */
	public static Money yuan(long yuan) {
		return new Money(BigDecimal.valueOf(yuan));
	}

	/** The amount of a column or field that may be empty: null stays null. */
	public static Money ofNullable(BigDecimal yuan) {
		return yuan == null ? null : of(yuan);
	}

	/** The amount to bind to SQL or put in a sheet, as the number reads ({@link #json}): null stays null. */
	public static BigDecimal decimal(Money money) {
		return money == null ? null : money.json();
	}

	public BigDecimal toBigDecimal() {
		return yuan;
	}

	public Money plus(Money other) {
		return new Money(yuan.add(other.yuan));
	}

	public Money minus(Money other) {
		return new Money(yuan.subtract(other.yuan));
	}

	public Money times(int count) {
		return new Money(yuan.multiply(BigDecimal.valueOf(count)));
	}

	/** {@code percent} of the amount, rounded half up to the whole yuan (a rule's uplifted standard). */
	public Money percentToYuan(int percent) {
		return new Money(yuan.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 0,
				RoundingMode.HALF_UP));
	}

	public Money negate() {
		return new Money(yuan.negate());
	}

	public Money abs() {
		return new Money(yuan.abs());
	}

	public int signum() {
		return yuan.signum();
	}

	public boolean positive() {
		return yuan.signum() > 0;
	}

	public boolean isAtLeast(Money other) {
		return compareTo(other) >= 0;
	}

	public static Money max(Money a, Money b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	public static Money min(Money a, Money b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	@Override
	public int compareTo(Money other) {
		return yuan.compareTo(other.yuan);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Money m && yuan.equals(m.yuan);
	}

	@Override
	public int hashCode() {
		return yuan.hashCode();
	}

	/** The amount as JSON carries it: a number, no trailing zeros, never in exponent form. */
	@JsonValue
	public BigDecimal json() {
		var plain = yuan.stripTrailingZeros();
		return plain.scale() < 0 ? plain.setScale(0) : plain;
	}

	/** Plain, as it reads: {@code 2250}, {@code 2000.5}, {@code 0.01}. */
	@Override
	public String toString() {
		return json().toPlainString();
	}
}
