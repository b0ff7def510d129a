package cn.gongjiang.supervision.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.supervision.Inspections;
import cn.gongjiang.supervision.SignalReviews;
import cn.gongjiang.supervision.StarRatings;

/**
 * The officers' supervision page (SUP-1..4), a tab for each task: the anomaly signals to review, the double-random
 * inspections (draw, findings, publication), the star ratings of private providers, and for the province the
 * year's ledger for the third-party audit.
 */
@Controller
class SupervisionPageController {

	static final List<String> TABS = List.of("signals", "draws", "ratings");
	static final List<String> PROVINCE_TABS = List.of("signals", "draws", "ratings", "audit");

	/** A signal as the list shows it: the signal, its review, and what it says in the reader's language. */
	record SignalRow(SignalReviews.Reviewed reviewed, String sentence) {
	}

	private final SignalReviews reviews;
	private final SignalSentences sentences;
	private final Inspections inspections;
	private final StarRatings ratings;
	private final DrawTargets targets;
	private final ConsoleActions actions;
	private final Clock clock;

	SupervisionPageController(SignalReviews reviews, SignalSentences sentences, Inspections inspections,
			StarRatings ratings, DrawTargets targets, ConsoleActions actions, Clock clock) {
		this.reviews = reviews;
		this.sentences = sentences;
		this.inspections = inspections;
		this.ratings = ratings;
		this.targets = targets;
		this.actions = actions;
		this.clock = clock;
	}

	@GetMapping("/supervision")
	String page(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String tab,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Locale locale, Model model) {
		var tabs = actor.is(Role.PROVINCE_OFFICER) ? PROVINCE_TABS : TABS;
		var current = tab != null && tabs.contains(tab) ? tab : tabs.get(0);
		var thisYear = LocalDate.now(clock).getYear();
		var request = PageRequest.of(page, size, null, Map.of(), null);
		model.addAttribute("tabs", tabs);
		model.addAttribute("tab", current);
		model.addAttribute("year", thisYear);
		model.addAttribute("years", IntStream.rangeClosed(0, 4).map(i -> thisYear - i).boxed().toList());
		switch (current) {
			case "draws" -> {
				var draws = inspections.page(actor, request);
				model.addAttribute("page", draws);
				model.addAttribute("inspectors", inspections.inspectors(actor));
			}
			case "ratings" -> model.addAttribute("page", ratings.page(actor, year, request));
			case "audit" -> model.addAttribute("page", null);
			default -> {
				model.addAttribute("kinds", SignalReviews.KINDS);
				model.addAttribute("statuses", SignalReviews.STATUSES);
				model.addAttribute("kind", kind);
				model.addAttribute("status", status == null || !SignalReviews.STATUSES.contains(status) ? "OPEN" : status);
				model.addAttribute("page", reviews.page(actor, kind, status, request)
						.map(r -> new SignalRow(r, sentences.sentence(r, locale))));
			}
		}
		model.addAttribute("ratingYear", year);
		return "supervision/page";
	}

	@GetMapping("/supervision/draws/{id}")
	String draw(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		var draw = inspections.draw(actor, id);
		model.addAttribute("draw", draw);
		model.addAttribute("classes", targets.classesOf(draw));
		model.addAttribute("complete", draw.targets().stream().allMatch(t -> t.outcome() != null));
		return "supervision/draw";
	}

	@PostMapping("/supervision/signals/review")
	String review(@RequestParam String key, @RequestParam(required = false) String note,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> reviews.review(actor, key, note));
		return "redirect:/supervision?tab=signals";
	}

	@PostMapping("/supervision/ratings")
	String rate(@RequestParam(required = false) String providerCode, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) BigDecimal score, @RequestParam(required = false) String basis,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> ratings.rate(actor, providerCode == null ? "" : providerCode,
				year == null ? LocalDate.now(clock).getYear() - 1 : year, score, basis));
		return "redirect:/supervision?tab=ratings";
	}

	@PostMapping("/supervision/inspectors")
	String inspector(@RequestParam(required = false) String name, @RequestParam(required = false) String organisation,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> inspections.addInspector(actor, name, organisation));
		return "redirect:/supervision?tab=draws";
	}

	@PostMapping("/supervision/draws")
	String draw(@RequestParam String population, @RequestParam(required = false) Integer count,
			@RequestParam(required = false) Long seed, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		var drawn = new long[1];
		actions.attempt(redirect, locale,
				() -> drawn[0] = inspections.draw(actor, population, count == null ? 0 : count, seed).id());
		return drawn[0] == 0 ? "redirect:/supervision?tab=draws" : "redirect:/supervision/draws/" + drawn[0];
	}

	@PostMapping("/supervision/draws/{id}/findings")
	String finding(@PathVariable long id, @RequestParam String kind, @RequestParam String targetId,
			@RequestParam String outcome, @RequestParam(required = false) String finding,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> inspections.recordFinding(actor, id, kind, targetId, outcome, finding));
		return "redirect:/supervision/draws/" + id;
	}

	@PostMapping("/supervision/draws/{id}/publish")
	String publish(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> inspections.publish(actor, id));
		return "redirect:/supervision/draws/" + id;
	}
}
