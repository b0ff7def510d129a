package cn.gongjiang.registry.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.PersonArchive;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.security.Actor;

/** The registries in the console: find a person and open their archive; the enterprises and providers in scope. */
@Controller
class RegistryPageController {

	private final PersonRegistry persons;
	private final PersonArchive archives;
	private final OrganisationRegistry organisations;

	RegistryPageController(PersonRegistry persons, PersonArchive archives, OrganisationRegistry organisations) {
		this.persons = persons;
		this.archives = archives;
		this.organisations = organisations;
	}

	/** Searching by ID number posts the form, so the number stays out of URLs, history and proxy logs. */
	@org.springframework.web.bind.annotation.RequestMapping(path = "/persons", method = {
			org.springframework.web.bind.annotation.RequestMethod.GET,
			org.springframework.web.bind.annotation.RequestMethod.POST })
	String persons(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
			@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("idNumber", idNumber);
		model.addAttribute("name", name);
		try {
			model.addAttribute("persons", persons.search(actor, idNumber, name));
		}
		catch (BusinessException e) {
			model.addAttribute("searchError", e.code());
			model.addAttribute("persons", java.util.List.of());
		}
		return "registry/persons";
	}

	@GetMapping("/persons/{id}")
	String person(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("archive", archives.of(actor, id));
		model.addAttribute("mayUnmask", actor.mayUnmask());
		return "registry/person";
	}

	/** Full numbers for an account with the permission; audited in the service. Answers an htmx fragment. */
	@PostMapping("/persons/{id}/unmasked")
	String unmask(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("unmasked", persons.unmask(actor, id));
		return "registry/person :: unmasked";
	}

	/** A worker's own archive. */
	@GetMapping("/me")
	String me(@AuthenticationPrincipal Actor actor) {
		return "redirect:/persons/" + persons.self(actor).id();
	}

	@GetMapping("/enterprises")
	String enterprises(@RequestParam(required = false) String q, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("enterprises", organisations.enterprises(actor, null, q));
		return "registry/enterprises";
	}

	@GetMapping("/providers")
	String providers(@RequestParam(required = false) String q, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("providers", organisations.providers(actor, null, q));
		return "registry/providers";
	}
}
