package cn.gongjiang.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

import cn.gongjiang.shared.security.Actor;

/** Puts the signed-in actor and their navigation into every console page's model. */
@ControllerAdvice
class ConsoleModel {

	@ModelAttribute
	void frame(@AuthenticationPrincipal Actor actor, jakarta.servlet.http.HttpServletRequest request, Model model) {
		model.addAttribute("currentPath", request.getRequestURI());
		if (actor != null) {
			model.addAttribute("actor", actor);
			model.addAttribute("navigation", Navigation.forRole(actor.role()));
		}
	}
}
