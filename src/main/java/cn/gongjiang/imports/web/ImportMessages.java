package cn.gongjiang.imports.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.RowError;

/** An import code's message: its own key if there is one, else the rule's own message ({@code import.x} → {@code x}). */
@Component
class ImportMessages {

	private final MessageSource messages;

	ImportMessages(MessageSource messages) {
		this.messages = messages;
	}

	String of(RowError error, Locale locale) {
		return of(error.code(), error.arguments().toArray(), locale);
	}

	String of(String code, Object[] arguments, Locale locale) {
		var own = messages.getMessage(code, arguments, null, locale);
		if (own != null) {
			return own;
		}
		var rule = code.startsWith("import.") ? code.substring("import.".length()) : code;
		return messages.getMessage(rule, arguments, code, locale);
	}
}
