package cn.gongjiang.subsidy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.subsidy.PolicyPacks;
import cn.gongjiang.subsidy.packs.Simulations;

import tools.jackson.databind.json.JsonMapper;

/**
 * What-if (SUB-5): a draft pack priced over a year's decisions against the versions in force, with what the draft
 * changes, the cost by region as a chart and the largest changes.
 */
@Controller
class SimulationPages {

	private final PolicyPacks packs;
	private final Simulations simulations;
	private final PackPages packPages;
	private final ConsoleActions actions;
	private final MessageSource messages;
	private final JsonMapper json;
	private final Clock clock;

	SimulationPages(PolicyPacks packs, Simulations simulations, PackPages packPages, ConsoleActions actions,
			MessageSource messages, JsonMapper json, Clock clock) {
		this.packs = packs;
		this.simulations = simulations;
		this.packPages = packPages;
		this.actions = actions;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/subsidies/simulations")
	String simulations(@RequestParam(required = false) Long packId, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal Actor actor, Model model, Locale locale) {
		var drafts = packs.drafts(actor);
		var shown = year == null ? LocalDate.now(clock).getYear() - 1 : year;
		model.addAttribute("drafts", drafts);
		model.addAttribute("year", shown);
		model.addAttribute("packId", packId);
		drafts.stream().filter(d -> d.id() == (packId == null ? -1 : packId)).findFirst()
				.ifPresent(d -> model.addAttribute("draft", packPages.draft(d)));
		if (packId != null) {
			try {
				var result = simulations.simulate(actor, new Simulations.Request(packId, shown));
				model.addAttribute("result", result);
				var noRegion = messages.getMessage("subsidy.region.none", null, locale);
				model.addAttribute("chartJson", json.writeValueAsString(Map.of(
						"regions", result.byRegion().stream().map(s -> s.name().equals("—") ? noRegion : s.name()).toList(),
						"current", result.byRegion().stream().map(Simulations.Share::current).toList(),
						"simulated", result.byRegion().stream().map(Simulations.Share::simulated).toList(),
						"unit", messages.getMessage("subsidy.unit.yuan", null, locale),
						"labels", Map.of("current", messages.getMessage("subsidy.simulations.current-short", null, locale),
								"simulated", messages.getMessage("subsidy.simulations.simulated-short", null, locale)))));
			}
			catch (BusinessException e) {
				model.addAttribute("error", actions.message(e, locale));
			}
		}
		return "subsidy/simulations";
	}
}
