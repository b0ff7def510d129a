package cn.gongjiang.shared.web;

import org.springframework.http.HttpStatus;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.ForbiddenException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.UnauthorizedException;

/** The HTTP status of a refused rule, the same for the API and the console. */
public final class ErrorStatus {

	private ErrorStatus() {
	}

	public static HttpStatus of(BusinessException e) {
		if (e instanceof NotFoundException) {
			return HttpStatus.NOT_FOUND;
		}
		if (e instanceof InvalidValueException) {
			return HttpStatus.BAD_REQUEST;
		}
		if (e instanceof UnauthorizedException) {
			return HttpStatus.UNAUTHORIZED;
		}
		if (e instanceof ForbiddenException) {
			return HttpStatus.FORBIDDEN;
		}
		if (e instanceof ConflictException) {
			return HttpStatus.CONFLICT;
		}
		return HttpStatus.UNPROCESSABLE_CONTENT;
	}
}
