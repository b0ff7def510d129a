package cn.gongjiang.supervision.web;

import java.math.BigDecimal;
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

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.supervision.Inspections;
import cn.gongjiang.supervision.StarRatings;
import cn.gongjiang.training.TrainingSignals;

/** The officers' supervision page: anomaly signals, ratings, random inspections and their findings. */
@Controller
class SupervisionPageController {

	private final TrainingSignals signals;
	private final Inspections inspections;
	private final StarRatings ratings;
	private final ConsoleActions actions;

	SupervisionPageController(TrainingSignals signals, Inspections inspections, StarRatings ratings,
			ConsoleActions actions) {
		this.signals = signals;
		this.inspections = inspections;
		this.ratings = ratings;
		this.actions = actions;
	}

	@GetMapping("/supervision")
	String page(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("signals", signals.signals(actor));
		model.addAttribute("draws", inspections.list(actor));
		model.addAttribute("year", LocalDate.now().getYear());
		return "supervision/page";
	}

	@PostMapping("/supervision/ratings")
	String rate(@RequestParam String providerCode, @RequestParam int year, @RequestParam BigDecimal score,
			@RequestParam String basis, @AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> ratings.rate(actor, providerCode, year, score, basis));
		return "redirect:/supervision";
	}

	@PostMapping("/supervision/draws")
	String draw(@RequestParam String population, @RequestParam int count, @RequestParam(required = false) Long seed,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> inspections.draw(actor, population, count, seed));
		return "redirect:/supervision";
	}

	@PostMapping("/supervision/draws/{id}/findings")
	String finding(@PathVariable long id, @RequestParam String kind, @RequestParam String targetId,
			@RequestParam String outcome, @RequestParam(required = false) String finding,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> inspections.recordFinding(actor, id, kind, targetId, outcome, finding));
		return "redirect:/supervision";
	}

	@PostMapping("/supervision/draws/{id}/publish")
	String publish(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> inspections.publish(actor, id));
		return "redirect:/supervision";
	}

}
