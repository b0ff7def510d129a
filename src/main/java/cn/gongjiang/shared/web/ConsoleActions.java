package cn.gongjiang.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.Violation;

/**
 * How a console form's change comes back to its page (post, redirect, get): {@code saved} when it went through, or
 * {@code error} with the refused rule's message in the user's language, and {@code fieldErrors} (field → message)
 * for the fields the refusal names, so that a page can show each under its field.
 */
@Component
public class ConsoleActions {

	private final MessageSource messages;

	ConsoleActions(MessageSource messages) {
		this.messages = messages;
	}

	public void attempt(RedirectAttributes redirect, Locale locale, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", true);
		}
		catch (BusinessException e) {
			redirect.addFlashAttribute("error", message(e, locale));
			var fields = fieldErrors(e.violations(), locale);
			if (!fields.isEmpty()) {
				redirect.addFlashAttribute("fieldErrors", fields);
			}
		}
	}

	public String message(BusinessException e, Locale locale) {
		return message(Violation.of(null, e.code(), e.arguments()), locale);
	}

	public String message(Violation violation, Locale locale) {
		return violation.message(messages, locale);
	}

	/** Field → message, the first rule of each field that the violations name. */
	public Map<String, String> fieldErrors(List<Violation> violations, Locale locale) {
		var fields = new LinkedHashMap<String, String>();
		violations.stream().filter(v -> v.field() != null)
				.forEach(v -> fields.putIfAbsent(v.field(), message(v, locale)));
		return fields;
	}
}
