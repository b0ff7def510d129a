package cn.gongjiang.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.RegistryOverview;
import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;

@Controller
class HomeController {

	private final DemoMode demo;
	private final RegionDirectory regions;
	private final RegistryOverview registry;

	HomeController(DemoMode demo, RegionDirectory regions, RegistryOverview registry) {
		this.demo = demo;
		this.regions = regions;
		this.registry = registry;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("demo", demo.enabled());
		model.addAttribute("scope", actor.scope().regional()
				? regions.find(RegionCode.of(actor.scope().value()), actor).name() + " (" + actor.scope().value() + ")"
				: actor.scope().value());
		if (actor.role().readsBusinessData()) {
			model.addAttribute("counts", registry.of(actor));
		}
		return "console/home";
	}

	@GetMapping("/system")
	String system(Model model) {
		model.addAttribute("demo", demo.enabled());
		model.addAttribute("javaVersion", Runtime.version().toString());
		return "console/system";
	}
}
