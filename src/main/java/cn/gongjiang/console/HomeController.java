package cn.gongjiang.console;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.RegistryOverview;
import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ToDo;

/**
 * The home page: who you are and for what, then your to-dos with their counts and links, collected from every
 * module's {@link ToDo.Source}; for officers, what their region holds.
 */
@Controller
class HomeController {

	private final DemoMode demo;
	private final RegionDirectory regions;
	private final RegistryOverview registry;
	private final OrganisationRegistry organisations;
	private final List<ToDo.Source> toDos;
	private final MessageSource messages;

	HomeController(DemoMode demo, RegionDirectory regions, RegistryOverview registry,
			OrganisationRegistry organisations, List<ToDo.Source> toDos, MessageSource messages) {
		this.demo = demo;
		this.regions = regions;
		this.registry = registry;
		this.organisations = organisations;
		this.toDos = toDos;
		this.messages = messages;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		model.addAttribute("demo", demo.enabled());
		model.addAttribute("scope", scopeName(actor, locale));
		model.addAttribute("toDos", toDos.stream().flatMap(source -> source.of(actor).stream())
				.filter(t -> t.count() > 0).sorted(Comparator.comparing(ToDo::due).reversed()).toList());
		if (actor.regionalOfficer()) {
			model.addAttribute("counts", registry.of(actor));
		}
		return "console/home";
	}

	/** The scope in words: 绍兴市柯桥区, 绍兴示范机械有限公司, 省经信厅, 本人. */
	private String scopeName(Actor actor, Locale locale) {
		var scope = actor.scope();
		return switch (scope.kind()) {
			case REGION -> regions.placeOf(scope.value());
			case DEPARTMENT -> scope.value();
			case ORGANISATION -> actor.role() == Role.ENTERPRISE
					? organisations.enterprise(scope.value()).map(e -> e.name()).orElse(scope.value())
					: organisations.provider(scope.value()).map(p -> p.name()).orElse(scope.value());
			case PERSON -> messages.getMessage("home.scope.self", null, locale);
			case NONE -> messages.getMessage("home.scope.none", null, locale);
		};
	}

	@GetMapping("/system")
	String system(Model model) {
		model.addAttribute("demo", demo.enabled());
		model.addAttribute("javaVersion", Runtime.version().toString());
		return "console/system";
	}
}
