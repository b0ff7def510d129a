package cn.gongjiang.shared.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.BusinessException;

/**
 * How a console form's change comes back to its page (post, redirect, get): {@code saved} when it went through, or
 * {@code error} with the refused rule's message in the user's language.
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
		}
	}

	public String message(BusinessException e, Locale locale) {
		return messages.getMessage(e.code(), e.arguments(), e.code(), locale);
	}
}
