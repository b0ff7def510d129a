package cn.gongjiang.subsidy.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.subsidy.FundingSource;
import cn.gongjiang.subsidy.SubsidyDecisions;
import cn.gongjiang.subsidy.decisions.Budgets;

/**
 * Budgets (SUB-4): what each county of the officer's region has from each funding source for a year, what decisions
 * hold of it and what waits for it; adding money grants what waited, oldest first.
 */
@Controller
class BudgetPages {

	private final SubsidyDecisions decisions;
	private final ConsoleActions actions;
	private final Clock clock;

	BudgetPages(SubsidyDecisions decisions, ConsoleActions actions, Clock clock) {
		this.decisions = decisions;
		this.actions = actions;
		this.clock = clock;
	}

	@GetMapping("/subsidies/budgets")
	String budgets(@RequestParam(required = false) Integer year, @RequestParam(required = false) String fundingSource,
			@RequestParam(required = false) String region, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Actor actor, Model model) {
		var thisYear = LocalDate.now(clock).getYear();
		model.addAttribute("page", decisions.budgets(actor, new SubsidyDecisions.BudgetFilter(year,
				SubsidyWeb.blank(fundingSource), SubsidyWeb.blank(region)), PageRequest.of(page, size, null, Map.of(), null)));
		model.addAttribute("sources", FundingSource.values());
		model.addAttribute("years", List.of(thisYear + 1, thisYear, thisYear - 1, thisYear - 2));
		model.addAttribute("thisYear", thisYear);
		return "subsidy/budgets";
	}

	@PostMapping("/subsidies/budgets")
	String allocate(@RequestParam(required = false) String county, @RequestParam(required = false) String fundingSource,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String amount,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect, Locale locale) {
		actions.attempt(redirect, locale, () -> {
			if (county == null || county.isBlank()) {
				throw new InvalidValueException("subsidy.budget.county");
			}
			BigDecimal yuan;
			try {
				yuan = new BigDecimal(amount == null ? "" : amount.strip().replace(",", ""));
			}
			catch (NumberFormatException notANumber) {
				throw new InvalidValueException("subsidy.budget.amount", amount);
			}
			decisions.allocate(actor, county, FundingSource.ofCode(fundingSource),
					year == null ? LocalDate.now(clock).getYear() : year, Money.ofNullable(yuan));
		});
		return "redirect:/subsidies/budgets";
	}
}
