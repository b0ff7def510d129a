package cn.gongjiang.subsidy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.subsidy.PolicyPack;
import cn.gongjiang.subsidy.PolicyPacks;

/**
 * The policy packs (SUB-2) as tables: every published version, the one in force marked, each parameter named with its
 * clause; the drafts an officer may publish, each compared with the version it would follow, published only after
 * the officer confirms.
 */
@Controller
class PackPages {

	/** A draft with what it changes. */
	public record Draft(PackSheet sheet, PolicyPack follows, List<PackSheet.Change> changes) {
	}

	private final PolicyPacks packs;
	private final ConsoleActions actions;
	private final Clock clock;

	PackPages(PolicyPacks packs, ConsoleActions actions, Clock clock) {
		this.packs = packs;
		this.actions = actions;
		this.clock = clock;
	}

	@GetMapping("/subsidies/packs")
	String packs(@AuthenticationPrincipal Actor actor, Model model) {
		requireOfficer(actor);
		var inForce = packs.inForceOn(LocalDate.now(clock));
		model.addAttribute("sheets", packs.published().stream()
				.sorted(Comparator.comparing(PolicyPack::scopePath).thenComparing(PolicyPack::version,
						Comparator.reverseOrder()))
				.map(p -> PackSheet.of(p, inForce.contains(p.id()))).toList());
		model.addAttribute("drafts", packs.drafts(actor).stream().map(this::draft).toList());
		model.addAttribute("today", LocalDate.now(clock));
		return "subsidy/packs";
	}

	Draft draft(PolicyPack draft) {
		var follows = packs.followed(draft).orElse(null);
		var sheet = PackSheet.of(draft, false);
		return new Draft(sheet, follows, PackSheet.changes(follows == null ? null : PackSheet.of(follows, true), sheet));
	}

	@PostMapping("/subsidies/packs/{id}/publish")
	String publish(@PathVariable long id, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect,
			Locale locale) {
		actions.attempt(redirect, locale, () -> packs.publish(actor, id));
		return "redirect:/subsidies/packs";
	}

	private static void requireOfficer(Actor actor) {
		actor.requireRegionalOfficer();
	}
}
