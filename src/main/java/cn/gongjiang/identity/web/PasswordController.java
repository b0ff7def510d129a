package cn.gongjiang.identity.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.identity.SignIn;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Changing one's own password; the only page open while a password set by someone else is still in use. */
@Controller
class PasswordController {

	private final SignIn signIn;
	private final SecurityContextRepository contexts;

	PasswordController(SignIn signIn, SecurityContextRepository contexts) {
		this.signIn = signIn;
		this.contexts = contexts;
	}

	@GetMapping("/account/password")
	String form(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("required", required());
		model.addAttribute("privileged", actor != null && actor.role().privileged());
		return "identity/password";
	}

	@PostMapping("/account/password")
	String change(@RequestParam String current, @RequestParam String replacement, @RequestParam String confirmation,
			@AuthenticationPrincipal Actor actor, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		try {
			if (!replacement.equals(confirmation)) {
				throw new InvalidValueException("password.confirmation-differs");
			}
			signIn.changeOwnPassword(actor, current, replacement);
		}
		catch (InvalidValueException e) {
			model.addAttribute("error", e.code());
			return form(actor, model);
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ActorAuthentication(actor));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		return "redirect:/?passwordChanged";
	}

	private static boolean required() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication a
				&& a.mustChangePassword();
	}
}
