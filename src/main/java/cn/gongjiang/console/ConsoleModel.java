package cn.gongjiang.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.PageLinks;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Puts the frame of every console page into its model: the signed-in actor, their menu with the item this page
 * belongs to (for the highlight and the breadcrumb), and {@code links} for list pages.
 */
@ControllerAdvice
class ConsoleModel {

	@ModelAttribute
	void frame(@AuthenticationPrincipal Actor actor, HttpServletRequest request, Model model) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			return;
		}
		model.addAttribute("currentPath", path);
		model.addAttribute("links", PageLinks.of(request));
		if (actor != null) {
			var navigation = Navigation.forRole(actor.role());
			var current = Navigation.current(navigation, path);
			model.addAttribute("actor", actor);
			model.addAttribute("navigation", navigation);
			model.addAttribute("currentItem", current);
			model.addAttribute("currentGroup", current == null ? null : Navigation.groupOf(navigation, current));
		}
	}
}
