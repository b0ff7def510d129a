package cn.gongjiang.certification.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.certification.EvaluationFiling;
import cn.gongjiang.certification.EvaluationFilings;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ConsoleActions;

/**
 * 评价机构备案: which providers and schools may evaluate which occupations. Province and city officers file and
 * withdraw; a county reads its own; a provider or school sees what it is filed for.
 */
@Controller
class EvaluationFilingPageController {

	private final EvaluationFilings filings;
	private final ConsoleActions actions;

	EvaluationFilingPageController(EvaluationFilings filings, ConsoleActions actions) {
		this.filings = filings;
		this.actions = actions;
	}

	@GetMapping("/evaluation-filings")
	String list(@RequestParam(required = false) String evaluator, @RequestParam(defaultValue = "true") boolean standing,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Long withdraw, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("page", filings.list(actor, evaluator, standing,
				PageRequest.of(page, null, sort, EvaluationFilings.SORTS, "-filed")));
		model.addAttribute("evaluator", evaluator);
		model.addAttribute("standing", standing);
		var mayFile = actor.is(Role.PROVINCE_OFFICER) || actor.is(Role.CITY_OFFICER);
		model.addAttribute("mayFile", mayFile);
		model.addAttribute("officer", actor.role().officer());
		// the filing being withdrawn, asked for its reason beside the list
		model.addAttribute("withdrawing", mayFile && withdraw != null ? filings.one(actor, withdraw) : null);
		model.addAttribute("bases", EvaluationFiling.Basis.values());
		return "certification/evaluation-filings";
	}

	@PostMapping("/evaluation-filings")
	String file(@RequestParam(required = false) String evaluatorCode, @RequestParam(required = false) String basis,
			@RequestParam(required = false) String occupationCode,
			@RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) LocalDate validUntil,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> filings.file(actor, new EvaluationFiling.Request(evaluatorCode,
				basis == null || basis.isBlank() ? null : EvaluationFiling.Basis.valueOf(basis), occupationCode,
				validFrom, validUntil)));
		return "redirect:/evaluation-filings";
	}

	@PostMapping("/evaluation-filings/{id}/withdrawal")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> filings.withdraw(actor, id, reason));
		return "redirect:/evaluation-filings";
	}
}
