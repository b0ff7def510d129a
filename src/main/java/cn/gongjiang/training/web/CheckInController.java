package cn.gongjiang.training.web;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.training.Attendance;
import cn.gongjiang.training.ClassEnrolments;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A trainee's check-in (TRN-3), from a phone: the QR code on the provider's screen opens
 * {@code /training/check-in?session=…&code=…}, which names the session (class, provider, time in Beijing) and asks
 * for one press; or the trainee picks today's session from their own page and types the code.
 */
@Controller
class CheckInController {

	private final ClassEnrolments enrolments;
	private final Attendance attendance;
	private final FormAttempt attempt;

	CheckInController(ClassEnrolments enrolments, Attendance attendance, FormAttempt attempt) {
		this.enrolments = enrolments;
		this.attendance = attendance;
		this.attempt = attempt;
	}

	@GetMapping("/training/check-in")
	String confirmation(@RequestParam(required = false) Long session, @RequestParam(required = false) String code,
			@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("sitting", session == null ? null : enrolments.traineeSession(actor, session).orElse(null));
		model.addAttribute("code", code == null || !code.strip().matches("\\d{6}") ? null : code.strip());
		return "training/check-in";
	}

	@PostMapping("/training/check-in")
	String checkIn(@RequestParam long sessionId, @RequestParam(required = false) String code,
			@RequestParam(required = false) String returnTo, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletRequest request, RedirectAttributes redirect) {
		attempt.run(redirect, locale, request, () -> attendance.checkIn(actor, sessionId, code));
		return "confirmation".equals(returnTo) ? "redirect:/training/check-in?session=" + sessionId : "redirect:/training";
	}
}
