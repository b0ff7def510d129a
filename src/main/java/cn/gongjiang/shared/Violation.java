package cn.gongjiang.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * One broken rule, the same for a console form, the JSON API and an import row: the field it concerns (a request
 * property, a form field or a file's column; null when the rule is about no one field), the rule's stable code (a
 * message key) and what fills the message's placeholders.
 */
public record Violation(String field, String code, List<Object> arguments) {

	/** An import files a rule under this prefix ({@code import.required}), so a file's error may read its own way. */
	public static final String IMPORT_PREFIX = "import.";

	public Violation {
		// not List.copyOf: an argument may be absent (null)
		arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
	}

	public static Violation of(String field, String code, Object... arguments) {
		return new Violation(field, code, arguments == null ? List.of() : Arrays.asList(arguments));
	}

	/** The same rule, about another field (a request property read as the file's column). */
	public Violation in(String otherField) {
		return new Violation(otherField, code, arguments);
	}

	public Object[] argumentArray() {
		return arguments.toArray();
	}

	/**
	 * The rule in the reader's words, the one way every refusal is put into words: the code's message with the
	 * arguments; an import's code without a message of its own reads as its rule's ({@code import.x} as {@code x});
	 * a code without any message reads as itself.
	 */
	public String message(MessageSource messages, Locale locale) {
		var arguments = argumentArray();
		var own = messages.getMessage(code, arguments, null, locale);
		if (own != null) {
			return own;
		}
		var rule = code.startsWith(IMPORT_PREFIX) ? code.substring(IMPORT_PREFIX.length()) : code;
		return messages.getMessage(rule, arguments, code, locale);
	}
}
