package cn.gongjiang.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.catalogue.CodeLists;
import cn.gongjiang.registry.OrganisationFilter;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.PensionRecord;
import cn.gongjiang.registry.PersonFilter;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ConsoleActions;

/**
 * The registries in the console (REG-1..4, X-4): the persons of an officer's region, paged by keyset with the total
 * at once and filtered by what officers look for; a person's pension and full numbers (their page, with the archive,
 * is the archive module's); the enterprises and providers in scope, each with its own page.
 */
@Controller
class RegistryPageController {

	private static final Map<String, String> ORGANISATION_SORTS = Map.of("name", "name",
			"region", "region");

	private final PersonRegistry persons;
	private final OrganisationRegistry organisations;
	private final CodeLists codeLists;
	private final ConsoleActions actions;

	RegistryPageController(PersonRegistry persons, OrganisationRegistry organisations,
			CodeLists codeLists, ConsoleActions actions) {
		this.persons = persons;
		this.organisations = organisations;
		this.codeLists = codeLists;
		this.actions = actions;
	}

	@GetMapping("/persons")
	String persons(@RequestParam(required = false) String name, @RequestParam(required = false) String region,
			@RequestParam(required = false) String group, @RequestParam(required = false) String sex,
			@RequestParam(required = false) String employer, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String after, @RequestParam(required = false) String before,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal Actor actor, Locale locale,
			Model model) {
		var filter = new PersonFilter(name, region, group, sex, employer);
		model.addAttribute("filter", filter);
		model.addAttribute("groups", codeLists.list("person-group"));
		try {
			model.addAttribute("page", persons.list(actor, filter, sort, after, before, page, PageRequest.DEFAULT_SIZE));
		}
		catch (BusinessException e) {
			model.addAttribute("searchError", actions.message(e, locale));
			model.addAttribute("page", Page.of(List.of(), 0, PageRequest.first(PageRequest.DEFAULT_SIZE)));
		}
		return "registry/persons";
	}

	/** Finding a person by ID number posts the form, so the number stays out of URLs, history and proxy logs. */
	@PostMapping("/persons")
	String findByIdNumber(@RequestParam(required = false) String idNumber, @AuthenticationPrincipal Actor actor,
			Locale locale, Model model) {
		model.addAttribute("filter", PersonFilter.NONE);
		model.addAttribute("groups", codeLists.list("person-group"));
		model.addAttribute("idNumber", idNumber);
		try {
			var found = persons.search(actor, idNumber, null);
			model.addAttribute("page", Page.of(found, found.size(),
					PageRequest.first(PageRequest.DEFAULT_SIZE)));
		}
		catch (BusinessException e) {
			model.addAttribute("searchError", actions.message(e, locale));
			model.addAttribute("page", Page.of(List.of(), 0, PageRequest.first(PageRequest.DEFAULT_SIZE)));
		}
		return "registry/persons";
	}

	/** SUB-1: whether the person draws a monthly pension, as an officer of their region learned it. */
	@PostMapping("/persons/{id}/pension")
	String pension(@PathVariable long id, @RequestParam(required = false) Boolean drawing,
			@RequestParam(required = false) String source, @RequestParam(required = false) LocalDate asOf,
			@RequestParam(required = false) Integer version, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> persons.recordPension(actor, PersonId.of(id),
				new PensionRecord(drawing, source, asOf, version)));
		return "redirect:/persons/" + id;
	}

	/** Full numbers for an account with the permission; audited in the service. Answers an htmx fragment. */
	@PostMapping("/persons/{id}/unmasked")
	String unmask(@PathVariable long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal Actor actor, Model model, Locale locale) {
		try {
			model.addAttribute("unmasked", persons.unmask(actor, id, reason));
		}
		catch (InvalidValueException e) {
			model.addAttribute("unmaskError", actions.message(e, locale));
		}
		model.addAttribute("personId", id);
		return "registry/person :: unmasked";
	}

	@GetMapping("/enterprises")
	String enterprises(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(required = false) String field, @RequestParam(required = false) String size,
			@RequestParam(required = false) Boolean key, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @AuthenticationPrincipal Actor actor, Model model) {
		var filter = new OrganisationFilter(q, region, field, size, key, null, null);
		model.addAttribute("filter", filter);
		model.addAttribute("fields", codeLists.list("industry-field"));
		model.addAttribute("page", organisations.enterprisePage(actor, filter,
				PageRequest.of(page, null, sort, ORGANISATION_SORTS, "name")));
		return "registry/enterprises";
	}

	@GetMapping("/enterprises/{id}")
	String enterprise(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("enterprise", organisations.enterprise(actor, id));
		return "registry/enterprise";
	}

	@GetMapping("/providers")
	String providers(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal Actor actor, Model model) {
		var filter = new OrganisationFilter(q, region, null, null, null, kind, status);
		model.addAttribute("filter", filter);
		model.addAttribute("page", organisations.providerPage(actor, filter,
				PageRequest.of(page, null, sort, ORGANISATION_SORTS, "name")));
		return "registry/providers";
	}

	@GetMapping("/providers/{id}")
	String provider(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("provider", organisations.provider(actor, id));
		return "registry/provider";
	}
}
