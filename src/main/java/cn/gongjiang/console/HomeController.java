package cn.gongjiang.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.security.Actor;

@Controller
class HomeController {

	private final DemoMode demo;

	HomeController(DemoMode demo) {
		this.demo = demo;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("demo", demo.enabled());
		return "console/home";
	}

	@GetMapping("/system")
	String system(Model model) {
		model.addAttribute("demo", demo.enabled());
		model.addAttribute("javaVersion", Runtime.version().toString());
		return "console/system";
	}
}
