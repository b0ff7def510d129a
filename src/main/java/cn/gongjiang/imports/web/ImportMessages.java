package cn.gongjiang.imports.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.RowError;
import cn.gongjiang.shared.Violation;

/** An import code's message, as {@link Violation#message} words it ({@code import.x} reads as {@code x} without its own). */
@Component
class ImportMessages {

	private final MessageSource messages;

	ImportMessages(MessageSource messages) {
		this.messages = messages;
	}

	String of(RowError error, Locale locale) {
		return error.violation().message(messages, locale);
	}

	String of(String code, Object[] arguments, Locale locale) {
		return Violation.of(null, code, arguments).message(messages, locale);
	}
}
