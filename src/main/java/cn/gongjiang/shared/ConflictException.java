package cn.gongjiang.shared;

/** The record changed since it was read, or the change would break a uniqueness rule. */
public class ConflictException extends BusinessException {

	public ConflictException(String code, Object... arguments) {
		super(code, arguments);
	}
}
