package cn.gongjiang.analytics.web;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.gongjiang.analytics.AnalyticsTables;
import cn.gongjiang.analytics.EmploymentStatistics;
import cn.gongjiang.analytics.IncomeBands;
import cn.gongjiang.analytics.SkilledTalents;
import cn.gongjiang.analytics.TalentProfiles;
import cn.gongjiang.analytics.TrainingCircle;
import cn.gongjiang.analytics.TrainingSites;
import cn.gongjiang.analytics.Wages;
import cn.gongjiang.catalogue.CodeLists;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.shared.web.Formats;

import tools.jackson.databind.json.JsonMapper;

/**
 * The 分析 pages (ANA-1..4): skilled shares with the drill-down province → city → county and the employment
 * statistics behind them, wages by grade with the middle-income band, region and industry profiles, a person's
 * profile (and a worker's own at /analytics/me), the 30-minute circle with its map and calibration, and training
 * sites. Every figure downloads as xlsx from the API; charts read their data from a JSON block (CSP).
 */
@Controller
class AnalyticsPageController {

	private final SkilledTalents skilled;
	private final EmploymentStatistics statistics;
	private final Wages wages;
	private final IncomeBands bands;
	private final TalentProfiles profiles;
	private final TrainingCircle circle;
	private final TrainingSites sites;
	private final AnalyticsTables tables;
	private final RegionDirectory regions;
	private final PersonRegistry persons;
	private final CodeLists codeLists;
	private final ConsoleActions actions;
	private final MessageSource messages;
	private final JsonMapper json;

	AnalyticsPageController(SkilledTalents skilled, EmploymentStatistics statistics, Wages wages, IncomeBands bands,
			TalentProfiles profiles, TrainingCircle circle, TrainingSites sites, AnalyticsTables tables,
			RegionDirectory regions, PersonRegistry persons, CodeLists codeLists, ConsoleActions actions,
			MessageSource messages, JsonMapper json) {
		this.skilled = skilled;
		this.statistics = statistics;
		this.wages = wages;
		this.bands = bands;
		this.profiles = profiles;
		this.circle = circle;
		this.sites = sites;
		this.tables = tables;
		this.regions = regions;
		this.persons = persons;
		this.codeLists = codeLists;
		this.actions = actions;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/analytics")
	String home(@AuthenticationPrincipal Actor actor) {
		return actor.role() == Role.WORKER ? "redirect:/analytics/me"
				: actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL
						? "redirect:/analytics/sites" : "redirect:/analytics/shares";
	}

	// ---- ANA-1 ----

	@GetMapping("/analytics/shares")
	String shares(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		var shares = skilled.shares(actor, region, year);
		model.addAttribute("shares", shares);
		model.addAttribute("lineage", lineage(actor, shares.regionCode()));
		model.addAttribute("grades", skilledGrades());
		model.addAttribute("mayRebuild", actor.is(Role.PROVINCE_OFFICER) || actor.is(Role.CITY_OFFICER));
		model.addAttribute("rebuild", tables.last().orElse(null));
		model.addAttribute("manufacturingFields", skilled.manufacturingFields().stream().sorted().toList());
		var chart = new LinkedHashMap<String, Object>();
		chart.put("regions", shares.children().stream().map(SkilledTalents.ShareRow::regionName).toList());
		chart.put("skilled", shares.children().stream().map(SkilledTalents.ShareRow::skilled).toList());
		chart.put("high", shares.children().stream().map(SkilledTalents.ShareRow::highSkilled).toList());
		chart.put("share", shares.children().stream().map(r -> r.skilledShareOfEmployed() == null ? null
				: Math.round(r.skilledShareOfEmployed() * 1000) / 10.0).toList());
		chart.put("labels", Map.of("skilled", word("analytics.skilled", locale), "high", word("analytics.high", locale),
				"share", word("analytics.share.employed", locale)));
		model.addAttribute("chartJson", json(chart));
		return "analytics/shares";
	}

	@PostMapping("/analytics/rebuild")
	String rebuild(@RequestParam(required = false) String back, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> tables.rebuild(actor));
		return "redirect:" + local(back, "/analytics/shares");
	}

	@GetMapping("/analytics/employment")
	String employment(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
			@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("page", statistics.list(actor, region, year,
				PageRequest.of(page, null, sort, Map.of("year", "", "region", "", "employed", ""), "-year")));
		model.addAttribute("region", region);
		model.addAttribute("year", year);
		model.addAttribute("thisYear", Year.now(Formats.BEIJING).getValue());
		return "analytics/employment";
	}

	@PostMapping("/analytics/employment")
	String recordEmployment(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String employed, @RequestParam(required = false) String source,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> statistics.record(actor, new EmploymentStatistics.Form(
				region == null || region.isBlank() ? actor.scope().value() : region, year, number(employed), source)));
		return "redirect:/analytics/employment";
	}

	// ---- ANA-2 ----

	@GetMapping("/analytics/wages")
	String wages(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String source, @RequestParam(required = false) String groupBy,
			@AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		var table = wages.table(actor, region, year, source, Wages.GroupBy.of(groupBy));
		model.addAttribute("table", table);
		model.addAttribute("lineage", lineage(actor, table.regionCode()));
		model.addAttribute("sources", List.of("WAGE_SURVEY", "SOCIAL_INSURANCE", "JOB_POSTING", "DEMAND"));
		model.addAttribute("bandHistory", bands.history());
		model.addAttribute("maySetBand", actor.is(Role.PROVINCE_OFFICER));
		var chart = new LinkedHashMap<String, Object>();
		var years = new TreeSet<Integer>();
		table.trend().forEach(t -> years.addAll(t.medians().keySet()));
		chart.put("years", years.stream().map(String::valueOf).toList());
		var series = new ArrayList<Map<String, Object>>();
		for (var t : table.trend()) {
			series.add(Map.of("name", gradeName(t.grade(), locale), "data",
					years.stream().map(y -> t.medians().get(y) == null ? null : Math.round(t.medians().get(y))).toList()));
		}
		chart.put("series", series);
		chart.put("unit", word("analytics.wages.unit", locale));
		model.addAttribute("chartJson", json(chart));
		return "analytics/wages";
	}

	@PostMapping("/analytics/band")
	String setBand(@RequestParam(required = false) String lower, @RequestParam(required = false) String upper,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) String source, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> {
			var l = number(lower);
			var u = number(upper);
			if (l == null || u == null) {
				throw new InvalidValueException("analytics.band.range");
			}
			bands.set(actor, l.intValue(), u.intValue(), validFrom, source);
		});
		return "redirect:/analytics/wages";
	}

	// ---- ANA-3 ----

	@GetMapping("/analytics/profiles")
	String regionProfile(@RequestParam(required = false) String region, @RequestParam(required = false) String industry,
			@AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		var profile = profiles.region(actor, region, industry);
		model.addAttribute("profile", profile);
		model.addAttribute("lineage", lineage(actor, profile.regionCode()));
		model.addAttribute("industries", codeLists.list("industry-field"));
		var chart = new LinkedHashMap<String, Object>();
		chart.put("grades", profile.pyramid().stream().map(p -> gradeName(p.grade(), locale)).toList());
		chart.put("male", profile.pyramid().stream().map(TalentProfiles.PyramidRow::male).toList());
		chart.put("female", profile.pyramid().stream().map(TalentProfiles.PyramidRow::female).toList());
		chart.put("ages", profile.ages().stream().map(a -> Map.of("name", ageName(a.key(), locale), "value", a.persons()))
				.toList());
		chart.put("groups", profile.groups().stream().map(g -> codeLists.nameOf("person-group", g.group(), locale)).toList());
		chart.put("groupCounts", profile.groups().stream().map(TalentProfiles.GroupCount::skilled).toList());
		chart.put("labels", Map.of("male", word("analytics.sex.M", locale), "female", word("analytics.sex.F", locale),
				"skilled", word("analytics.skilled", locale)));
		model.addAttribute("chartJson", json(chart));
		return "analytics/profile-region";
	}

	/** Opens a person's profile by ID number (posted, so the number stays out of URLs and logs). */
	@PostMapping("/analytics/profiles/find")
	String findPerson(@RequestParam(required = false) String idNumber, @AuthenticationPrincipal Actor actor,
			Locale locale, RedirectAttributes redirect) {
		try {
			var found = persons.search(actor, idNumber, null);
			if (idNumber != null && !idNumber.isBlank() && !found.isEmpty()) {
				return "redirect:/analytics/profiles/persons/" + found.get(0).id();
			}
			redirect.addFlashAttribute("error", word("analytics.profile.person.not-found", locale));
		}
		catch (BusinessException e) {
			redirect.addFlashAttribute("error", actions.message(e, locale));
		}
		return "redirect:/analytics/profiles";
	}

	@GetMapping("/analytics/profiles/persons/{id}")
	String personProfile(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		return person(profiles.person(actor, PersonId.of(id), locale), "/api/v1/analytics/profiles/persons/" + id + ".xlsx", locale,
				model);
	}

	@GetMapping("/analytics/me")
	String mine(@AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		return person(profiles.mine(actor, locale), "/api/v1/analytics/profiles/me.xlsx", locale, model);
	}

	private String person(TalentProfiles.PersonProfile profile, String export, Locale locale, Model model) {
		model.addAttribute("profile", profile);
		model.addAttribute("export", export);
		var chart = new LinkedHashMap<String, Object>();
		chart.put("points", profile.grades().stream().map(g -> List.of(g.on().toString(),
				SkillGrade.fromCode(g.grade()).rank())).toList());
		var names = new LinkedHashMap<Integer, String>();
		for (var g : SkillGrade.values()) {
			names.put(g.rank(), gradeName(g.code(), locale));
		}
		chart.put("gradeNames", names);
		chart.put("label", word("analytics.profile.grade", locale));
		model.addAttribute("chartJson", json(chart));
		return "analytics/profile-person";
	}

	// ---- ANA-4 ----

	@GetMapping("/analytics/circle")
	String circle(@RequestParam(required = false) String region, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		var view = circle.circle(actor, region, PageRequest.of(page, 20, null, Map.of(), null));
		model.addAttribute("circle", view);
		model.addAttribute("lineage", lineage(actor, view.regionCode()));
		model.addAttribute("maySetParameters", actor.is(Role.PROVINCE_OFFICER));
		model.addAttribute("parameterHistory", circle.parameterHistory());
		var county = view.level().equals("COUNTY");
		if (county) {
			var chart = new LinkedHashMap<String, Object>();
			var city = regions.names().get(view.regionCode()).parentCode();
			chart.put("city", city);
			chart.put("cityName", shortCityName(regions.nameOf(city)));
			// the boundaries are bundled by another change (static/maps); name the file only once it is there
			chart.put("mapFile", new ClassPathResource("static/maps/" + city + ".js").exists()
					? "/maps/" + city + ".js" : null);
			chart.put("within", view.points().stream().filter(TrainingCircle.Reached::within).map(this::pointJson).toList());
			chart.put("beyond", view.points().stream().filter(r -> !r.within()).map(this::pointJson).toList());
			chart.put("sites", view.sites().stream().map(s -> Map.of("name", s.name(), "value",
					List.of(s.longitude(), s.latitude()))).toList());
			chart.put("labels", Map.of("within", word("analytics.circle.within", locale), "beyond",
					word("analytics.circle.beyond", locale), "sites", word("analytics.circle.sites", locale),
					"minutes", word("analytics.circle.minutes.unit", locale)));
			model.addAttribute("chartJson", json(chart));
		}
		return "analytics/circle";
	}

	private Map<String, Object> pointJson(TrainingCircle.Reached r) {
		var point = new LinkedHashMap<String, Object>();
		point.put("name", r.location().name());
		point.put("value", List.of(r.location().longitude(), r.location().latitude(),
				r.minutes() == null ? -1 : Math.round(r.minutes())));
		return point;
	}

	@PostMapping("/analytics/circle/parameters")
	String setParameters(@RequestParam(required = false) String detour, @RequestParam(required = false) String plain,
			@RequestParam(required = false) String mountain, @RequestParam(required = false) String ferry,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) String source, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> circle.setParameters(actor, decimal(detour), decimal(plain),
				decimal(mountain), decimal(ferry), validFrom, source));
		return "redirect:/analytics/circle";
	}

	@GetMapping("/analytics/circle/calibration")
	String calibration(@RequestParam(required = false) String region, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal Actor actor, Model model) {
		var view = circle.calibration(actor, region, PageRequest.of(page, 20, null, Map.of(), null));
		model.addAttribute("view", view);
		var here = regions.names().get(region == null || region.isBlank() ? actor.scope().value() : region);
		model.addAttribute("region", here);
		var county = here.level() == RegionLevel.COUNTY;
		model.addAttribute("isCounty", county);
		if (county) {
			model.addAttribute("locations", circle.locations(actor, here.code()));
			var near = circle.circle(actor, here.code(), PageRequest.first(1)).sites();
			model.addAttribute("sites", near);
		}
		return "analytics/calibration";
	}

	@PostMapping("/analytics/circle/trips")
	String recordTrip(@RequestParam(required = false) Long location, @RequestParam(required = false) Long site,
			@RequestParam(required = false) String minutes,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate travelledOn,
			@RequestParam(required = false) String mode, @RequestParam(required = false) String region,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> {
			if (location == null || site == null) {
				throw new InvalidValueException("analytics.trip.required");
			}
			circle.recordTrip(actor, location, site, decimalOrNull(minutes), travelledOn, mode);
		});
		return "redirect:" + UriComponentsBuilder.fromPath("/analytics/circle/calibration")
				.queryParamIfPresent("region", Optional.ofNullable(region).filter(r -> r.matches("\\d{6}")))
				.build().toUriString();
	}

	@GetMapping("/analytics/sites")
	String sites(@RequestParam(required = false) String county, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("page", sites.list(actor, county, PageRequest.of(page, null, sort,
				Map.of("name", "", "county", "", "kind", ""), "name")));
		model.addAttribute("provider", actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL);
		model.addAttribute("county", county);
		return "analytics/sites";
	}

	@PostMapping("/analytics/sites")
	String addSite(@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String address, @RequestParam(required = false) String county,
			@RequestParam(required = false) String longitude, @RequestParam(required = false) String latitude,
			@RequestParam(required = false) String coordinateSystem, @RequestParam(required = false) String teaches,
			@RequestParam(required = false) String source, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> sites.add(actor, new TrainingSites.Form(kind, name, address, county,
				decimalOrNull(longitude), decimalOrNull(latitude), coordinateSystem,
				teaches == null || teaches.isBlank() ? List.of() : List.of(teaches), source)));
		return "redirect:/analytics/sites";
	}

	@PostMapping("/analytics/sites/{id}/close")
	String closeSite(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> sites.close(actor, id));
		return "redirect:/analytics/sites";
	}

	// ---- helpers ----

	/** 绍兴市 → 绍兴, the name a city's map file registers (ECharts map names). */
	static String shortCityName(String name) {
		return name == null ? null : name.replaceFirst("市$", "");
	}

	private List<Region> lineage(Actor actor, String code) {
		var region = regions.names().get(code);
		if (region == null) {
			return List.of();
		}
		return region.lineage().stream().map(c -> regions.names().get(c)).filter(r -> r != null
				&& r.path().startsWith(actor.scope().regionPath())).toList();
	}

	private static List<String> skilledGrades() {
		return Arrays.stream(SkillGrade.values()).filter(g -> g.rank() >= 2).map(SkillGrade::code).toList();
	}

	private String word(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private String gradeName(String code, Locale locale) {
		if ("none".equals(code)) {
			return word("analytics.grade.none", locale);
		}
		var grade = SkillGrade.fromCode(code);
		return grade.label(locale);
	}

	private String ageName(String band, Locale locale) {
		return messages.getMessage("analytics.age." + band, null, band, locale);
	}

	private String json(Object value) {
		return json.writeValueAsString(value).replace("</", "<\\/");
	}

	private static String local(String back, String fallback) {
		return back != null && back.startsWith("/analytics") && !back.startsWith("//") ? back : fallback;
	}

	private static Long number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.replace(",", "").replace("，", "").strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidValueException("analytics.number.format", text);
		}
	}

	private static Double decimalOrNull(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidValueException("analytics.number.format", text);
		}
	}

	private static double decimal(String text) {
		var value = decimalOrNull(text);
		if (value == null) {
			throw new InvalidValueException("analytics.number.format", "");
		}
		return value;
	}
}
