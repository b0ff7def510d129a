package cn.gongjiang.subsidy.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.subsidy.PolicyPacks;
import cn.gongjiang.subsidy.SubsidyDecisions;

/** Officers read the packs in force as tables, and the decisions of their region with every step. */
@Controller
class SubsidyPageController {

	private final PolicyPacks packs;
	private final SubsidyDecisions decisions;

	SubsidyPageController(PolicyPacks packs, SubsidyDecisions decisions) {
		this.packs = packs;
		this.decisions = decisions;
	}

	@GetMapping("/subsidies")
	String page(@RequestParam(required = false) String outcome, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("decisions", decisions.list(actor, new SubsidyDecisions.Filter(null, null, outcome, null, null, null), 0, 100));
		model.addAttribute("packs", packs.published());
		model.addAttribute("outcome", outcome);
		return "subsidy/page";
	}
}
