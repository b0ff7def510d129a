package cn.gongjiang.shared;

/** Nothing by that key that the caller may see: the same answer whether it does not exist or is out of scope. */
public class NotFoundException extends BusinessException {

	public NotFoundException(String code, Object... arguments) {
		super(code, arguments);
	}
}
