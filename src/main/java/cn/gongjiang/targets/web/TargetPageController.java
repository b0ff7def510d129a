package cn.gongjiang.targets.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.Formats;
import cn.gongjiang.targets.PeriodKind;
import cn.gongjiang.targets.Progress;
import cn.gongjiang.targets.TargetMonitor;
import cn.gongjiang.targets.TargetWords;
import tools.jackson.databind.json.JsonMapper;

/**
 * The targets dashboard officials open every morning (TGT-3, X-4): the region's children on the real map of Zhejiang
 * coloured by status (a city's counties, which have no targets of their own, shaded by what was counted there),
 * the same regions ranked in a table beside it, progress against the elapsed time (序时进度) as a chart, and every
 * target of the region. A county follows its city's targets with its own part of them.
 */
@Controller
class TargetPageController {

	/** The cities of Zhejiang and their counties have a map drawn from static/maps (see its README). */
	static final String MAP_PATH = "/maps/%s.js";

	private final TargetMonitor monitor;
	private final TargetWords words;
	private final RegionDirectory regions;
	private final JsonMapper json;
	private final Clock clock;

	TargetPageController(TargetMonitor monitor, TargetWords words, RegionDirectory regions, JsonMapper json,
			Clock clock) {
		this.monitor = monitor;
		this.words = words;
		this.regions = regions;
		this.json = json;
		this.clock = clock;
	}

	/** A region below the one shown: its progress against its own target, or else what was counted there. */
	record Child(String code, String name, Progress progress, BigDecimal counted, Integer rank) {

		public String status() {
			return progress == null ? "none" : progress.status().name();
		}
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
		var code = region == null || region.isBlank() ? actor.scope().value() : region;
		var here = regions.find(RegionCode.of(code), actor);
		if (actor.scope().regional() && !here.path().startsWith(actor.scope().regionPath())) {
			// a region above the reader's own: its dashboard is its officers', so the reader stays at their own
			here = regions.find(RegionCode.of(actor.scope().value()), actor);
			code = here.code();
		}
		var view = indicator == null || year == null ? monitor.defaultView(actor, code, year, asOf) : null;
		var chosen = indicator != null ? indicator : view.indicator();
		int y = year != null ? year : view.year();
		model.addAttribute("region", here);
		model.addAttribute("lineage", regions.lineage(here));
		model.addAttribute("ownPath", actor.scope().regional() ? actor.scope().regionPath() : "/");
		model.addAttribute("indicators", monitor.indicators());
		model.addAttribute("chosen", chosen);
		model.addAttribute("year", y);
		model.addAttribute("asOf", day);
		model.addAttribute("asOfGiven", asOf != null);
		model.addAttribute("years", monitor.years());
		model.addAttribute("isCity", here.level() == RegionLevel.CITY);
		if (here.level() == RegionLevel.COUNTY) {
			model.addAttribute("city", regions.find(RegionCode.of(here.parentCode()), actor));
			model.addAttribute("shares", monitor.countyShares(actor, code, y, day));
			return "targets/county";
		}
		model.addAttribute("own", monitor.progress(actor, new TargetMonitor.Query(null, code, false, null, y, day)));
		var children = children(actor, here, chosen, y, day);
		model.addAttribute("children", children);
		var measured = children.stream().anyMatch(c -> c.progress() != null);
		model.addAttribute("measured", measured);
		model.addAttribute("mapJson", json.writeValueAsString(map(here, children, chosen, y, asOf, measured, locale)));
		model.addAttribute("chartJson", json.writeValueAsString(chart(children, locale)));
		return "targets/dashboard";
	}

	/** The region's children with their progress on the indicator, best first; those without a target by count. */
	private List<Child> children(Actor actor, Region here, String indicator, int year, LocalDate day) {
		var progress = monitor.progress(actor, new TargetMonitor.Query(indicator, here.code(), true, null, year, day))
				.stream().filter(p -> p.target().periodKind() != PeriodKind.RANGE)
				// a YEAR and a CUMULATIVE target of one region in the year: the one ending first is the one due
				.collect(Collectors.toMap(p -> p.target().regionCode(), Function.identity(),
						(a, b) -> a.target().periodEnd().isBefore(b.target().periodEnd()) ? a : b));
		var cumulative = progress.values().stream().anyMatch(p -> p.target().periodKind() == PeriodKind.CUMULATIVE);
		var unranked = new ArrayList<Child>();
		for (var r : regions.children(RegionCode.of(here.code()), actor)) {
			var p = progress.get(r.code());
			var counted = p != null ? null
					: monitor.counted(actor, indicator, r.code(), year, day, cumulative).orElse(null);
			unranked.add(new Child(r.code(), r.name(), p, counted, null));
		}
		var sorted = unranked.stream().sorted(Comparator
				.comparing((Child c) -> c.progress() == null || c.progress().progress() == null)
				.thenComparing(c -> c.progress() != null && c.progress().progress() != null ? -c.progress().progress()
						: c.counted() == null ? 1 : -c.counted().doubleValue()))
				.toList();
		var ranked = new ArrayList<Child>();
		for (int i = 0; i < sorted.size(); i++) {
			var c = sorted.get(i);
			var placed = c.progress() != null && c.progress().progress() != null || c.counted() != null;
			ranked.add(new Child(c.code(), c.name(), c.progress(), c.counted(), placed ? i + 1 : null));
		}
		return ranked;
	}

	/**
	 * What the page script draws: which map, and per region its status, colour key and the tooltip's words, all
	 * in the reader's language (the script adds no words of its own).
	 */
	private Map<String, Object> map(Region here, List<Child> children, String indicator, int year, LocalDate asOf,
			boolean measured, Locale locale) {
		var formats = new Formats(locale);
		var map = new LinkedHashMap<String, Object>();
		map.put("map", here.level() == RegionLevel.PROVINCE || here.level() == RegionLevel.CITY ? here.code() : null);
		map.put("mode", measured ? "status" : "count");
		map.put("labels", Map.of("sep", words.message("targets.map.separator", locale),
				"target", words.message("targets.target", locale), "actual",
				words.message("targets.actual", locale), "progress", words.message("targets.progress", locale),
				"elapsed", words.message("targets.elapsed", locale), "status", words.message("targets.status", locale)));
		var list = new ArrayList<Map<String, Object>>();
		for (var c : children) {
			var entry = new LinkedHashMap<String, Object>();
			entry.put("code", c.code());
			entry.put("name", c.name());
			entry.put("status", c.status());
			var p = c.progress();
			entry.put("statusName", p == null ? words.message("targets.no-target", locale) : words.status(p.status(), locale));
			entry.put("target", p == null ? words.message("targets.no-target", locale) : words.figure(p.target(), locale));
			var actual = p != null ? p.actual() : c.counted();
			entry.put("actual", words.amount(actual, indicator, locale));
			entry.put("value", actual);
			entry.put("progress", p == null ? "—" : formats.percent(p.progress()));
			entry.put("elapsed", p == null ? "—" : formats.percent(p.elapsedShare()));
			var link = UriComponentsBuilder.fromPath("/targets").queryParam("region", c.code())
					.queryParam("indicator", indicator).queryParam("year", year);
			if (asOf != null) {
				link.queryParam("asOf", asOf);
			}
			entry.put("link", link.build().toUriString());
			list.add(entry);
		}
		map.put("regions", list);
		return map;
	}

	/** Progress against the elapsed share per region with a target, for the bar-and-line chart. */
	private Map<String, Object> chart(List<Child> children, Locale locale) {
		var withTarget = children.stream().filter(c -> c.progress() != null && c.progress().progress() != null)
				.sorted(Comparator.comparing(Child::code)).toList();
		var chart = new LinkedHashMap<String, Object>();
		chart.put("regions", withTarget.stream().map(Child::name).toList());
		chart.put("progress", withTarget.stream().map(c -> Math.round(c.progress().progress() * 1000) / 10.0).toList());
		chart.put("elapsed", withTarget.stream().map(c -> Math.round(c.progress().elapsedShare() * 1000) / 10.0).toList());
		chart.put("labels", Map.of("progress", words.message("targets.chart.progress", locale), "elapsed",
				words.message("targets.chart.elapsed", locale)));
		return chart;
	}
}
