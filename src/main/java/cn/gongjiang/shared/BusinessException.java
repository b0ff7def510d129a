package cn.gongjiang.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A rule of the domain said no. The code is stable, dotted ({@code region.not-found}) and is also the message key
 * in the module's {@code i18n/<module>_*.properties}; the arguments fill the message's placeholders.
 */
public class BusinessException extends RuntimeException {

	private final String code;
	private final transient List<Object> arguments;

	public BusinessException(String code, Object... arguments) {
		super(code);
		this.code = code;
		// not List.of: an argument may be absent (null), and building the exception must never throw in its place
		this.arguments = arguments == null ? List.of() : Collections.unmodifiableList(Arrays.asList(arguments.clone()));
	}

	public String code() {
		return code;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

	/** The broken rules: this one, about no field in particular, unless a subclass knows the fields. */
	public List<Violation> violations() {
		return List.of(new Violation(null, code, arguments));
	}
}
