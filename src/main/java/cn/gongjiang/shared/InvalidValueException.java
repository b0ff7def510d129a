package cn.gongjiang.shared;

/** A value broke a format rule (check digit, date, pattern); the code names the rule. */
public class InvalidValueException extends BusinessException {

	public InvalidValueException(String code, Object... arguments) {
		super(code, arguments);
	}
}
