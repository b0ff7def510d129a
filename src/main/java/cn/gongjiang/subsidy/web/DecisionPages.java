package cn.gongjiang.subsidy.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.subsidy.SubsidyDecisions;

/**
 * The decisions of an officer's region (SUB-3): a list that pages, filters and exports; a decision with every step
 * in words; the override form, which asks before it changes what is paid.
 */
@Controller
class DecisionPages {

	/** The outcomes and schemes a reader filters by, in the order the selects offer them. */
	static final List<String> OUTCOMES = List.of("GRANTED", "WAITING", "HELD", "DENIED", "REVERSED");
	static final List<String> SCHEMES = List.of("TRAINING", "DIRECTED_TRAINING", "APPRENTICESHIP", "TECHNICIAN_ALLOWANCE",
			"PROJECT_HIRE", "PARTNER_SCHOOL", "PARTNER_RETENTION", "TRAINING_BASE", "OVERSEAS_TRAINING", "STUDY_TOUR");

	private final SubsidyDecisions decisions;
	private final ConsoleActions actions;
	private final Clock clock;

	DecisionPages(SubsidyDecisions decisions, ConsoleActions actions, Clock clock) {
		this.decisions = decisions;
		this.actions = actions;
		this.clock = clock;
	}

	@GetMapping("/subsidies")
	String list(@RequestParam(required = false) String certificateNumber, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String scheme, @RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String holder, @RequestParam(required = false) Long claim,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor, Model model) {
		var filter = SubsidyWeb.filter(certificateNumber, outcome, scheme, region, from, to, holder, claim);
		model.addAttribute("page", decisions.list(actor, filter,
				PageRequest.of(page, size, sort, SubsidyDecisions.SORTS, "-decided")));
		model.addAttribute("filter", filter);
		model.addAttribute("outcomes", OUTCOMES);
		model.addAttribute("schemes", SCHEMES);
		return "subsidy/decisions";
	}

	@GetMapping("/subsidies/decisions/{id}")
	String decision(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("d", decisions.decision(actor, id));
		model.addAttribute("today", LocalDate.now(clock));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new OverrideForm(null, null, null, null));
		}
		return "subsidy/decision";
	}

	/** What the override form was filled with, kept when it is refused. */
	record OverrideForm(String outcome, BigDecimal amount, String reason, LocalDate expiresOn) {
	}

	@PostMapping("/subsidies/decisions/{id}/override")
	String override(@PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect, Locale locale, Model model) {
		try {
			decisions.override(actor, id, new SubsidyDecisions.OverrideRequest(outcome, Money.ofNullable(amount), reason,
					expiresOn));
			redirect.addFlashAttribute("saved", true);
			return "redirect:/subsidies/decisions/" + id;
		}
		catch (BusinessException e) {
			var field = e.violations().get(0).field();
			model.addAttribute(field == null ? "error" : "fieldError", actions.message(e, locale));
			model.addAttribute("errorField", field);
			model.addAttribute("form", new OverrideForm(outcome, amount, reason, expiresOn));
			return decision(id, actor, model);
		}
	}

	@PostMapping("/subsidies/decisions/{id}/held-verdict")
	String decideHeld(@PathVariable long id, @RequestParam(defaultValue = "false") boolean pay,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect, Locale locale, Model model) {
		try {
			decisions.decideHeld(actor, id, pay, reason);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/subsidies/decisions/" + id;
		}
		catch (BusinessException e) {
			model.addAttribute("heldError", actions.message(e, locale));
			model.addAttribute("heldReason", reason);
			return decision(id, actor, model);
		}
	}

	static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
