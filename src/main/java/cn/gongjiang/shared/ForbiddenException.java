package cn.gongjiang.shared;

/**
 * The caller may not act on this record (answered 403 with the rule's code). Where telling "unknown" from "not
 * yours" would confirm whose a number is, both answer with this one code.
 */
public class ForbiddenException extends BusinessException {

	public ForbiddenException(String code, Object... arguments) {
		super(code, arguments);
	}
}
