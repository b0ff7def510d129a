package cn.gongjiang.identity.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.identity.SignIn;
import cn.gongjiang.shared.DemoMode;
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
	private final MessageSource messages;
	private final DemoMode demo;

	LoginController(SignIn signIn, SecurityContextRepository contexts, MessageSource messages, DemoMode demo) {
		this.demo = demo;
		this.signIn = signIn;
		this.contexts = contexts;
		this.messages = messages;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, Model model) {
		model.addAttribute("demo", demo.enabled());
		if (error != null && error.matches("auth\\.[a-z-]+")) {
			model.addAttribute("error", error);
		}
		return "identity/login";
	}

	/**
	 * The second step: the code from the authenticator app, or on first sign-in the enrolment, the secret shown as a
	 * QR code to scan and in groups of four to type.
	 */
	@GetMapping("/login/totp")
	String totp(HttpSession session, Locale locale, Model model) {
		var step = passwordStep();
		model.addAttribute("username", String.valueOf(step.getPrincipal()));
		if (!step.enrolled()) {
			var secret = (String) session.getAttribute(ENROLMENT_SECRET);
			if (secret == null) {
				secret = signIn.newTotpSecret();
				session.setAttribute(ENROLMENT_SECRET, secret);
			}
			var uri = signIn.enrolmentUri(String.valueOf(step.getPrincipal()), secret);
			model.addAttribute("secret", secret);
			model.addAttribute("secretGroups", String.join(" ", secret.split("(?<=\\G.{4})")));
			model.addAttribute("otpauthUri", uri);
			model.addAttribute("qrCode", QrCodeSvg.of(uri, messages.getMessage("totp.qr", null, locale)));
		}
		return "identity/totp";
	}

	@PostMapping("/login/totp")
	String verifyTotp(@RequestParam String code, HttpServletRequest request, HttpServletResponse response,
			HttpSession session, Locale locale, Model model) {
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
		return totp(session, locale, model);
	}

	private static PasswordStepAuthentication passwordStep() {
		return (PasswordStepAuthentication) SecurityContextHolder.getContext().getAuthentication();
	}
}
