package cn.gongjiang.targets.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.targets.CityReports;
import cn.gongjiang.targets.TargetMonitor;

/**
 * Quarterly reports and the yearly summary (TGT-4): the province follows every city's, a city writes and submits
 * its own; each downloads as xlsx and PDF from the API with its Chinese file name.
 */
@Controller
class ReportPageController {

	private final CityReports reports;
	private final TargetMonitor monitor;
	private final RegionDirectory regions;
	private final ConsoleActions actions;
	private final Clock clock;

	ReportPageController(CityReports reports, TargetMonitor monitor, RegionDirectory regions, ConsoleActions actions,
			Clock clock) {
		this.reports = reports;
		this.monitor = monitor;
		this.regions = regions;
		this.actions = actions;
		this.clock = clock;
	}

	@GetMapping("/targets/reports")
	String reports(@RequestParam(required = false) Integer year, @AuthenticationPrincipal Actor actor, Model model) {
		var today = LocalDate.now(clock);
		int y = year == null ? today.getYear() : year;
		var entries = reports.overview(actor, y);
		// one row per city, its five reports in the order of the year
		model.addAttribute("rows", entries.stream().collect(Collectors.groupingBy(CityReports.Entry::cityCode,
				LinkedHashMap::new, Collectors.toList())).values());
		model.addAttribute("year", y);
		model.addAttribute("years", monitor.years().stream().filter(v -> v <= today.getYear() + 1).toList());
		model.addAttribute("today", today);
		model.addAttribute("quarters", List.of(1, 2, 3, 4, 0));
		return "targets/reports";
	}

	/** The province's city switcher: the same report of another city. */
	@GetMapping("/targets/reports/go")
	String go(@RequestParam String city, @RequestParam int year, @RequestParam int quarter) {
		return "redirect:/targets/reports/" + RegionCode.of(city).value() + "/" + year + "/" + quarter;
	}

	@GetMapping("/targets/reports/{city}/{year}/{quarter}")
	String report(@PathVariable String city, @PathVariable int year, @PathVariable int quarter,
			@AuthenticationPrincipal Actor actor, Model model) {
		var report = reports.report(actor, city, year, quarter);
		model.addAttribute("report", report);
		model.addAttribute("mayWrite", actor.scope().regional() && actor.scope().value().equals(city) && !report.submitted());
		model.addAttribute("cities", actor.is(Role.PROVINCE_OFFICER) ? regions.children(RegionCode.ZHEJIANG, actor) : List.of());
		model.addAttribute("quarters", List.of(1, 2, 3, 4, 0));
		model.addAttribute("today", LocalDate.now(clock));
		return "targets/report";
	}

	@PostMapping("/targets/reports/{city}/{year}/{quarter}")
	String saveReport(@PathVariable String city, @PathVariable int year, @PathVariable int quarter,
			@RequestParam(required = false) String narrative, @RequestParam(defaultValue = "false") boolean submit,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> reports.saveNarrative(actor, city, year, quarter, narrative, submit));
		return "redirect:/targets/reports/" + city + "/" + year + "/" + quarter;
	}
}
