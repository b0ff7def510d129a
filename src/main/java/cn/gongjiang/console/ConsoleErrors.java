package cn.gongjiang.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ErrorStatus;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A refused rule on a console page: the error page with the message and the correlation ID, never a stack trace,
 * inside the reader's own frame (their menu and name), so they can carry on from where they are.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ConsoleErrors {

	@ExceptionHandler(BusinessException.class)
	ModelAndView refused(BusinessException e, HttpServletRequest request) {
		var status = ErrorStatus.of(e);
		var view = new ModelAndView("error", status);
		view.addObject("status", status.value());
		view.addObject("code", e.code());
		view.addObject("arguments", e.arguments());
		view.addObject("correlationId", request.getAttribute("correlationId"));
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			view.addObject("actor", actor);
			view.addObject("navigation", Navigation.forRole(actor.role()));
		}
		return view;
	}
}
