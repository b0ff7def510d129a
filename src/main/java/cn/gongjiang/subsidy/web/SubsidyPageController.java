package cn.gongjiang.subsidy.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.subsidy.Claims;
import cn.gongjiang.subsidy.PaymentBatches;
import cn.gongjiang.subsidy.PolicyPacks;
import cn.gongjiang.subsidy.Simulations;
import cn.gongjiang.subsidy.SubsidyDecisions;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subsidy console: officers read the packs and their region's decisions (and override one), review and approve
 * claims, pay in batches and price a draft pack; organisations claim under their city's schemes.
 */
@Controller
class SubsidyPageController {

	private final PolicyPacks packs;
	private final SubsidyDecisions decisions;
	private final Claims claims;
	private final PaymentBatches batches;
	private final Simulations simulations;
	private final ConsoleActions actions;
	private final JsonMapper json;

	SubsidyPageController(PolicyPacks packs, SubsidyDecisions decisions, Claims claims, PaymentBatches batches,
			Simulations simulations, ConsoleActions actions, JsonMapper json) {
		this.packs = packs;
		this.decisions = decisions;
		this.claims = claims;
		this.batches = batches;
		this.simulations = simulations;
		this.actions = actions;
		this.json = json;
	}

	@GetMapping("/subsidies")
	String page(@RequestParam(required = false) String outcome, @RequestParam(required = false) String scheme,
			@RequestParam(required = false) String certificateNumber, @AuthenticationPrincipal Actor actor, Model model) {
		var filter = new SubsidyDecisions.Filter(blank(certificateNumber), null, blank(outcome), blank(scheme), null, null);
		model.addAttribute("decisions", decisions.list(actor, filter, 0, 100));
		model.addAttribute("packs", packs.published());
		model.addAttribute("outcome", outcome);
		model.addAttribute("today", LocalDate.now());
		return "subsidy/page";
	}

	@PostMapping("/subsidies/decisions/{id}/override")
	String override(@PathVariable long id, @RequestParam String outcome, @RequestParam(required = false) BigDecimal amount,
			@RequestParam String reason, @RequestParam(required = false) LocalDate expiresOn,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect, Locale locale) {
		actions.attempt(redirect, locale, () -> decisions.override(actor, id,
				new SubsidyDecisions.OverrideRequest(outcome, amount, reason, expiresOn)));
		return "redirect:/subsidies";
	}

	@GetMapping("/subsidies/claims")
	String claims(@RequestParam(required = false) String scheme, @RequestParam(required = false) String status,
			@AuthenticationPrincipal Actor actor, Model model) {
		var officer = actor.role().officer();
		model.addAttribute("officer", officer);
		model.addAttribute("claims", claims.list(actor, blank(status)));
		if (!officer) {
			var schemes = claims.schemes(actor);
			model.addAttribute("schemes", schemes);
			model.addAttribute("scheme", schemes.stream().filter(s -> s.code().equals(scheme)).findFirst().orElse(null));
		}
		return "subsidy/claims";
	}

	@PostMapping("/subsidies/claims")
	String submit(@RequestParam String scheme, @RequestParam String bankAccount, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect, Locale locale) {
		var evidence = new LinkedHashMap<String, String>();
		form.forEach((k, v) -> {
			if (k.startsWith("evidence.") && v != null && !v.isBlank()) {
				evidence.put(k.substring("evidence.".length()), v.strip());
			}
		});
		actions.attempt(redirect, locale, () -> claims.submit(actor, new Claims.Submission(scheme, evidence, bankAccount)));
		return "redirect:/subsidies/claims";
	}

	@PostMapping("/subsidies/claims/{id}/{step:review|decision}")
	String verdict(@PathVariable long id, @PathVariable String step, @RequestParam boolean passed,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect, Locale locale) {
		actions.attempt(redirect, locale, () -> {
			if (step.equals("review")) {
				claims.review(actor, id, passed, reason);
			}
			else {
				claims.decide(actor, id, passed, reason);
			}
		});
		return "redirect:/subsidies/claims";
	}

	@GetMapping("/subsidies/payments")
	String payments(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("queue", batches.queue(actor));
		model.addAttribute("batches", batches.list(actor));
		return "subsidy/payments";
	}

	@PostMapping("/subsidies/payments/batches")
	String open(@RequestParam String region, @RequestParam String fundingSource, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect, Locale locale) {
		actions.attempt(redirect, locale, () -> batches.open(actor, region, fundingSource));
		return "redirect:/subsidies/payments";
	}

	@PostMapping("/subsidies/payments/batches/{id}/approve")
	String approve(@PathVariable long id, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect,
			Locale locale) {
		actions.attempt(redirect, locale, () -> batches.approve(actor, id));
		return "redirect:/subsidies/payments";
	}

	@GetMapping("/subsidies/payments/batches/{id}/bank-file")
	void bankFile(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format,
			@AuthenticationPrincipal Actor actor, HttpServletResponse response) throws IOException {
		SubsidyWeb.download(format, id, response, (f, out) -> batches.bankFile(actor, id, f, out));
	}

	@GetMapping("/subsidies/simulations")
	String simulations(@RequestParam(required = false) Long packId, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal Actor actor, Model model, Locale locale) {
		model.addAttribute("drafts", packs.drafts(actor));
		model.addAttribute("year", year == null ? LocalDate.now().getYear() - 1 : year);
		if (packId != null) {
			try {
				var result = simulations.simulate(actor, new Simulations.Request(packId, year));
				model.addAttribute("result", result);
				model.addAttribute("chartJson", json.writeValueAsString(Map.of(
						"regions", result.byRegion().stream().map(Simulations.Share::name).toList(),
						"current", result.byRegion().stream().map(Simulations.Share::current).toList(),
						"simulated", result.byRegion().stream().map(Simulations.Share::simulated).toList(),
						"labels", Map.of("current", locale.getLanguage().equals("en") ? "In force" : "现行版本",
								"simulated", locale.getLanguage().equals("en") ? "Draft" : "草案"))));
			}
			catch (BusinessException e) {
				model.addAttribute("error", actions.message(e, locale));
			}
		}
		model.addAttribute("packId", packId);
		return "subsidy/simulations";
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
