package cn.gongjiang.certification.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public certificate verification page (证书查验), no sign-in needed: number and holder's name in, the
 * certificate in plain words out, or why not (no match, asked too often).
 */
@Controller
class VerifyPageController {

	private final CertificateRegister register;

	VerifyPageController(CertificateRegister register) {
		this.register = register;
	}

	@GetMapping("/verify")
	String verify(@RequestParam(required = false) String number, @RequestParam(required = false) String name,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("number", number);
		model.addAttribute("name", name);
		var wait = request.getAttribute(VerificationRateLimit.RATE_LIMITED);
		if (wait != null) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("rateLimited", wait);
		}
		else if (number != null && name != null) {
			try {
				model.addAttribute("verification", register.verify(number, name));
			}
			catch (NotFoundException e) {
				model.addAttribute("noMatch", true);
			}
		}
		return "certification/verify";
	}
}
