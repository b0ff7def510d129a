package cn.gongjiang.targets.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
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
import cn.gongjiang.targets.Indicator;
import cn.gongjiang.targets.Milestones;
import cn.gongjiang.targets.Progress;
import cn.gongjiang.targets.Returns;
import cn.gongjiang.targets.TargetMonitor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The targets dashboard officials open every morning (TGT-3, TGT-4): the region's children on a tile map coloured by
 * status, progress against elapsed time as bars, every target of the region in a table; returns, milestones, reports.
 */
@Controller
class TargetPageController {

	/** Where each city sits on the tile map of Zhejiang (row, column): north-west to south-east. */
	static final Map<String, int[]> CITY_TILES = Map.ofEntries(Map.entry("330500", new int[] { 1, 2 }),
			Map.entry("330400", new int[] { 1, 3 }), Map.entry("330100", new int[] { 2, 2 }),
			Map.entry("330600", new int[] { 2, 3 }), Map.entry("330200", new int[] { 2, 4 }),
			Map.entry("330900", new int[] { 2, 5 }), Map.entry("330800", new int[] { 3, 1 }),
			Map.entry("330700", new int[] { 3, 2 }), Map.entry("331000", new int[] { 3, 4 }),
			Map.entry("331100", new int[] { 4, 2 }), Map.entry("330300", new int[] { 4, 3 }));

	private final TargetMonitor monitor;
	private final Returns returns;
	private final Milestones milestones;
	private final CityReports reports;
	private final RegionDirectory regions;
	private final JsonMapper json;
	private final Clock clock;
	private final ConsoleActions actions;

	TargetPageController(TargetMonitor monitor, Returns returns, Milestones milestones, CityReports reports,
			RegionDirectory regions, JsonMapper json, Clock clock, ConsoleActions actions) {
		this.actions = actions;
		this.monitor = monitor;
		this.returns = returns;
		this.milestones = milestones;
		this.reports = reports;
		this.regions = regions;
		this.json = json;
		this.clock = clock;
	}

	/** A child region on the map: its progress against its own target, or else what was counted there. */
	record Tile(String code, String name, int row, int column, Progress progress, java.math.BigDecimal counted) {
	}

	@GetMapping("/targets")
	String dashboard(@RequestParam(required = false) String indicator, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		if (actor.role() == Role.DEPARTMENT_OFFICER) {
			return "redirect:/targets/department";
		}
		var day = asOf == null ? LocalDate.now(clock) : asOf;
		int y = year == null ? day.getYear() : year;
		var code = region == null ? actor.scope().value() : region;
		var here = regions.find(RegionCode.of(code), actor);
		var indicators = monitor.indicators();
		var chosen = indicator == null ? "TECH_SCHOOL_ENROLMENT" : indicator;
		var own = monitor.progress(actor, new TargetMonitor.Query(null, code, false, null, y, day));
		var children = monitor.progress(actor, new TargetMonitor.Query(chosen, code, true, null, y, day)).stream()
				.filter(p -> p.target().periodKind() != cn.gongjiang.targets.PeriodKind.RANGE).toList();
		// below a county are townships, which no figure is counted at: no map there
		var names = here.level() == cn.gongjiang.region.RegionLevel.COUNTY ? new LinkedHashMap<String, String>()
				: regions.children(RegionCode.of(code), actor).stream()
				.collect(Collectors.toMap(r -> r.code(), r -> r.name(), (a, b) -> a, LinkedHashMap::new));
		var byRegion = children.stream().collect(Collectors.toMap(p -> p.target().regionCode(), Function.identity(),
				(a, b) -> a.target().periodEnd().isBefore(b.target().periodEnd()) ? a : b));
		var tiles = new java.util.ArrayList<Tile>();
		var cumulative = own.stream().anyMatch(p -> p.target().indicator().equals(chosen)
				&& p.target().periodKind() == cn.gongjiang.targets.PeriodKind.CUMULATIVE);
		int i = 0;
		for (var e : names.entrySet()) {
			var place = CITY_TILES.getOrDefault(e.getKey(), new int[] { 1 + i / 6, 1 + i % 6 });
			var progress = byRegion.get(e.getKey());
			var counted = progress != null ? null
					: monitor.counted(actor, chosen, e.getKey(), y, day, cumulative).orElse(null);
			tiles.add(new Tile(e.getKey(), e.getValue(), place[0], place[1], progress, counted));
			i++;
		}
		var chart = new LinkedHashMap<String, Object>();
		chart.put("regions", tiles.stream().filter(t -> t.progress() != null).map(Tile::name).toList());
		chart.put("progress", tiles.stream().filter(t -> t.progress() != null)
				.map(t -> t.progress().progress() == null ? null : Math.round(t.progress().progress() * 1000) / 10.0).toList());
		chart.put("elapsed", tiles.stream().filter(t -> t.progress() != null)
				.map(t -> Math.round(t.progress().elapsedShare() * 1000) / 10.0).toList());
		chart.put("labels", Map.of("progress", locale.getLanguage().equals("en") ? "Progress %" : "完成率 %",
				"elapsed", locale.getLanguage().equals("en") ? "Elapsed %" : "序时进度 %"));
		model.addAttribute("region", here);
		model.addAttribute("lineage", regions.lineage(here));
		model.addAttribute("indicators", indicators);
		model.addAttribute("indicatorNames", indicators.stream().collect(Collectors.toMap(Indicator::code, ind -> ind.name(locale))));
		model.addAttribute("units", indicators.stream().collect(Collectors.toMap(Indicator::code, Indicator::unit)));
		model.addAttribute("chosen", chosen);
		model.addAttribute("year", y);
		model.addAttribute("asOf", day);
		model.addAttribute("own", own);
		model.addAttribute("tiles", tiles);
		model.addAttribute("names", names);
		model.addAttribute("chartJson", json.writeValueAsString(chart));
		model.addAttribute("years", List.of(2022, 2023, 2024, 2025, 2026, 2027));
		model.addAttribute("isCity", here.level() == cn.gongjiang.region.RegionLevel.CITY);
		model.addAttribute("ranking", here.level() == cn.gongjiang.region.RegionLevel.PROVINCE
				? monitor.ranking(actor, chosen, y, day) : List.of());
		return "targets/dashboard";
	}

	@GetMapping("/targets/department")
	String department(@RequestParam(required = false) Integer year, @AuthenticationPrincipal Actor actor,
			Locale locale, Model model) {
		var day = LocalDate.now(clock);
		int y = year == null ? day.getYear() : year;
		var indicators = monitor.indicators();
		model.addAttribute("indicatorNames", indicators.stream().collect(Collectors.toMap(Indicator::code, ind -> ind.name(locale))));
		model.addAttribute("year", y);
		model.addAttribute("rows", monitor.progress(actor, new TargetMonitor.Query(null, null, false,
				actor.role() == Role.DEPARTMENT_OFFICER ? actor.scope().value() : null, y, day)).stream()
				.filter(p -> p.target().department() != null).toList());
		model.addAttribute("years", List.of(2025, 2026, 2027));
		return "targets/department";
	}

	@GetMapping("/targets/returns")
	String returns(@RequestParam(required = false) String status, @AuthenticationPrincipal Actor actor, Locale locale,
			Model model) {
		var indicators = monitor.indicators();
		model.addAttribute("indicatorNames", indicators.stream().collect(Collectors.toMap(Indicator::code, ind -> ind.name(locale))));
		model.addAttribute("reportable", indicators.stream().filter(ind -> !ind.computed()).toList());
		model.addAttribute("returns", returns.list(actor, status));
		model.addAttribute("status", status);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("ownRegion", actor.scope().regional() ? actor.scope().value() : null);
		model.addAttribute("ownDepartment", actor.role() == Role.DEPARTMENT_OFFICER ? actor.scope().value() : null);
		// a department reports per task line: the lines it answers for, once each
		model.addAttribute("lines", actor.role() != Role.DEPARTMENT_OFFICER ? List.of()
				: monitor.progress(actor, new TargetMonitor.Query(null, null, false, actor.scope().value(), null, null))
						.stream().map(Progress::target).filter(t -> t.taskLineId() != null)
						.filter(t -> indicators.stream().anyMatch(ind -> ind.code().equals(t.indicator()) && !ind.computed()))
						.collect(Collectors.toMap(t -> t.indicator() + "|" + t.taskLineId() + "|"
								+ (t.label() == null ? "" : t.label()), t -> t, (a, b) -> a, LinkedHashMap::new))
						.values());
		return "targets/returns";
	}

	@PostMapping("/targets/returns")
	String submit(@RequestParam(required = false) String indicator, @RequestParam(required = false) String region,
			@RequestParam(required = false) String department, @RequestParam(required = false) String line,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam java.math.BigDecimal value, @RequestParam String evidence, @AuthenticationPrincipal Actor actor,
			Locale locale, RedirectAttributes redirect) {
		// a department's line comes as indicator|task line|label
		var parts = line == null ? null : line.split("\\|", -1);
		actions.attempt(redirect, locale, () -> returns.submit(actor, parts == null
				? new Returns.Submission(indicator, blank(region), blank(department), asOf, value, evidence)
				: new Returns.Submission(parts[0], null, blank(department), Integer.valueOf(parts[1]), blank(parts[2]),
						asOf, value, evidence)));
		return "redirect:/targets/returns";
	}

	@PostMapping("/targets/returns/{id}/approve")
	String approve(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> returns.approve(actor, id));
		return "redirect:/targets/returns";
	}

	@PostMapping("/targets/returns/{id}/send-back")
	String sendBack(@PathVariable long id, @RequestParam String comment, @AuthenticationPrincipal Actor actor,
			Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> returns.sendBack(actor, id, comment));
		return "redirect:/targets/returns";
	}

	@GetMapping("/targets/milestones")
	String milestones(@RequestParam(required = false) Integer dueYear, @AuthenticationPrincipal Actor actor,
			Model model) {
		model.addAttribute("milestones", milestones.list(actor, dueYear));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("dueYear", dueYear);
		return "targets/milestones";
	}

	@PostMapping("/targets/milestones/{id}/done")
	String done(@PathVariable long id, @RequestParam String evidence, @AuthenticationPrincipal Actor actor,
			Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> milestones.complete(actor, id, evidence, null));
		return "redirect:/targets/milestones";
	}

	@GetMapping("/targets/reports")
	String reportsHome(@AuthenticationPrincipal Actor actor) {
		var city = actor.scope().regional() && actor.scope().regionPath().split("/").length == 3
				? actor.scope().value() : "330100";
		var today = LocalDate.now(clock);
		return "redirect:/targets/reports/" + city + "/" + today.getYear() + "/" + ((today.getMonthValue() + 2) / 3);
	}

	@GetMapping("/targets/reports/{city}/{year}/{quarter}")
	String report(@PathVariable String city, @PathVariable int year, @PathVariable int quarter,
			@AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		var report = reports.report(actor, city, year, quarter);
		model.addAttribute("report", report);
		model.addAttribute("indicatorNames", monitor.indicators().stream().collect(Collectors.toMap(Indicator::code, ind -> ind.name(locale))));
		model.addAttribute("mayWrite", actor.scope().regional() && actor.scope().value().equals(city) && !report.submitted());
		model.addAttribute("cities", regions.children(RegionCode.ZHEJIANG, actor).isEmpty() ? List.of()
				: regions.children(RegionCode.ZHEJIANG, actor));
		return "targets/report";
	}

	@PostMapping("/targets/reports/{city}/{year}/{quarter}")
	String saveReport(@PathVariable String city, @PathVariable int year, @PathVariable int quarter,
			@RequestParam String narrative, @RequestParam(defaultValue = "false") boolean submit,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> reports.saveNarrative(actor, city, year, quarter, narrative, submit));
		return "redirect:/targets/reports/" + city + "/" + year + "/" + quarter;
	}


	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
