package cn.gongjiang.certification.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.shared.NotFoundException;

/** The public certificate verification page (证书查验), no sign-in needed. */
@Controller
class VerifyPageController {

	private final CertificateRegister register;

	VerifyPageController(CertificateRegister register) {
		this.register = register;
	}

	@GetMapping("/verify")
	String verify(@RequestParam(required = false) String number, @RequestParam(required = false) String name,
			Model model) {
		model.addAttribute("number", number);
		model.addAttribute("name", name);
		if (number != null && name != null) {
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
