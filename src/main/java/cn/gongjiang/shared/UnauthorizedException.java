package cn.gongjiang.shared;

/** The caller could not be authenticated (answered 401). */
public class UnauthorizedException extends BusinessException {

	public UnauthorizedException(String code, Object... arguments) {
		super(code, arguments);
	}
}
