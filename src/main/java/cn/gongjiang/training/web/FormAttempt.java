package cn.gongjiang.training.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.web.ConsoleActions;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A training form's post and its way back to the page (post, redirect, get): {@code saved} when it went through;
 * when a rule refused it, the message under the field it concerns ({@code fieldErrors}) or above the form
 * ({@code error}), and what was typed ({@code form}) so that the form shows it again.
 */
@Component
class FormAttempt {

	private final ConsoleActions actions;

	FormAttempt(ConsoleActions actions) {
		this.actions = actions;
	}

	/** Runs {@code change}; a refusal is said under the field it names when this form posted that field. */
	boolean run(RedirectAttributes redirect, Locale locale, HttpServletRequest request, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", true);
			return true;
		}
		catch (BusinessException e) {
			// a service's field the form does not have is said above the form
			var posted = request.getParameterMap();
			var errors = actions.fieldErrors(e.violations().stream()
					.map(v -> v.in(v.field() != null && posted.containsKey(v.field()) ? v.field() : null)).toList(), locale);
			if (errors.isEmpty()) {
				redirect.addFlashAttribute("error", actions.message(e, locale));
			}
			else {
				redirect.addFlashAttribute("fieldErrors", errors);
			}
			redirect.addFlashAttribute("form", typed(request));
			return false;
		}
	}

	String message(BusinessException e, Locale locale) {
		return actions.message(e, locale);
	}

	/** A page's form starts empty unless a refused post left what was typed. */
	static void defaults(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
	}

	private static Map<String, String> typed(HttpServletRequest request) {
		var typed = new LinkedHashMap<String, String>();
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals("_csrf") && values.length > 0) {
				typed.put(name, values[0]);
			}
		});
		return typed;
	}
}
