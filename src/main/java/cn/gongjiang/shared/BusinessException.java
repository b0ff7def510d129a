package cn.gongjiang.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A rule of the domain said no. The code is stable, dotted ({@code region.not-found}) and is also the message key
 * in the module's {@code i18n/<module>_*.properties}; the arguments fill the message's placeholders.
 */
public class BusinessException extends RuntimeException {

	private final String code;
	private final transient List<Object> arguments;
	private String field;

	public BusinessException(String code, Object... arguments) {
		super(code);
		this.code = code;
		// not List.of: an argument may be absent (null), and building the exception must never throw in its place
		this.arguments = arguments == null ? List.of() : Collections.unmodifiableList(Arrays.asList(arguments.clone()));
	}

	/**
	 * What {@code check} returns; a refusal it throws is about {@code field}: how a service names the field of a rule
	 * that a value type or another service checked without knowing which field it was given.
	 */
	public static <T> T about(String field, Supplier<T> check) {
		try {
			return check.get();
		}
		catch (BusinessException e) {
			throw e.about(field);
		}
	}

	/** The same for a check that returns nothing. */
	public static void about(String field, Runnable check) {
		about(field, () -> {
			check.run();
			return null;
		});
	}

	/**
	 * This refusal, about {@code field} (a request property, a form field or a file's column), so that a form, the
	 * API and an import row say it where it belongs. A field the refusal names already is kept: who threw it knew.
	 */
	public BusinessException about(String field) {
		if (this.field == null) {
			this.field = field;
		}
		return this;
	}

	public String code() {
		return code;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

	/** The field this refusal is about, or null when it is about no one field. */
	protected String field() {
		return field;
	}

	/** The broken rules: this one, about its field (or none), unless a subclass knows the fields. */
	public List<Violation> violations() {
		return List.of(new Violation(field, code, arguments));
	}
}
