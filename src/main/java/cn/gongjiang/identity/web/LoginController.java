package cn.gongjiang.identity.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.identity.SignIn;
import cn.gongjiang.identity.SignInResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** The sign-in pages: the password form (posted to Spring Security) and the TOTP step that follows it. */
@Controller
class LoginController {

	private static final String ENROLMENT_SECRET = "gongjiang.totp.enrolment-secret";

	private final SignIn signIn;
	private final SecurityContextRepository contexts;

	LoginController(SignIn signIn, SecurityContextRepository contexts) {
		this.signIn = signIn;
		this.contexts = contexts;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, Model model) {
		if (error != null && error.matches("auth\\.[a-z-]+")) {
			model.addAttribute("error", error);
		}
		return "identity/login";
	}

	@GetMapping("/login/totp")
	String totp(HttpSession session, Model model) {
		var step = passwordStep();
		if (!step.enrolled()) {
			var secret = (String) session.getAttribute(ENROLMENT_SECRET);
			if (secret == null) {
				secret = signIn.newTotpSecret();
				session.setAttribute(ENROLMENT_SECRET, secret);
			}
			model.addAttribute("secret", secret);
			model.addAttribute("otpauthUri", signIn.enrolmentUri(String.valueOf(step.getPrincipal()), secret));
		}
		return "identity/totp";
	}

	@PostMapping("/login/totp")
	String verifyTotp(@RequestParam String code, HttpServletRequest request, HttpServletResponse response,
			HttpSession session, Model model) {
		var step = passwordStep();
		var result = step.enrolled() ? signIn.secondFactor(step.accountId(), code)
				: signIn.enrol(step.accountId(), (String) session.getAttribute(ENROLMENT_SECRET), code);
		if (result instanceof SignInResult.SignedIn signedIn) {
			session.removeAttribute(ENROLMENT_SECRET);
			request.changeSessionId();
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(new ActorAuthentication(signedIn.actor(), signedIn.mustChangePassword()));
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			return signedIn.mustChangePassword() ? "redirect:/account/password" : "redirect:/";
		}
		var refusal = ((SignInResult.Refused) result).code();
		if ("auth.locked".equals(refusal)) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			return "redirect:/login?error=auth.locked";
		}
		model.addAttribute("error", "auth.totp-invalid");
		return totp(session, model);
	}

	private static PasswordStepAuthentication passwordStep() {
		return (PasswordStepAuthentication) SecurityContextHolder.getContext().getAuthentication();
	}
}
