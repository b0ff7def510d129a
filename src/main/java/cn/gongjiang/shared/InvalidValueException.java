package cn.gongjiang.shared;

import java.util.List;

/** A value broke a format rule (check digit, date, pattern); the code names the rule. */
public class InvalidValueException extends BusinessException {

	private final transient List<Violation> violations;

	public InvalidValueException(String code, Object... arguments) {
		super(code, arguments);
		this.violations = List.of(Violation.of(null, code(), arguments()));
	}

	/**
	 * Every rule the values broke, each naming its field; the first is the refusal's code and message (a form or an
	 * API answer names them all).
	 */
	public InvalidValueException(List<Violation> violations) {
		super(violations.get(0).code(), violations.get(0).argumentArray());
		this.violations = List.copyOf(violations);
	}

	/** One rule broken by one field's value. */
	public static InvalidValueException of(String field, String code, Object... arguments) {
		var refused = new InvalidValueException(List.of(Violation.of(field, code, arguments)));
		refused.about(field);
		return refused;
	}

	/** Each rule the values broke; one that names no field is about the field this refusal was said to be about. */
	@Override
	public List<Violation> violations() {
		return field() == null ? violations
				: violations.stream().map(v -> v.field() == null ? v.in(field()) : v).toList();
	}
}
