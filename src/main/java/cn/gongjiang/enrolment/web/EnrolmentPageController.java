package cn.gongjiang.enrolment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.enrolment.Agreements;
import cn.gongjiang.enrolment.ClassLevel;
import cn.gongjiang.enrolment.Duplicates;
import cn.gongjiang.enrolment.EnrolmentProgress;
import cn.gongjiang.enrolment.IntakeSeason;
import cn.gongjiang.enrolment.LearnerKind;
import cn.gongjiang.enrolment.Plan;
import cn.gongjiang.enrolment.Plans;
import cn.gongjiang.enrolment.Registration;
import cn.gongjiang.enrolment.Registrations;
import cn.gongjiang.enrolment.School;
import cn.gongjiang.enrolment.Schools;
import cn.gongjiang.enrolment.Specialties;
import cn.gongjiang.enrolment.Specialty;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ConsoleActions;

/**
 * The enrolment console (ENR, X-4): a school sees its specialties, plans and students, drafts plans line by line
 * and registers students, the origin picked from the region cascade; a city bureau issues plans and decides
 * revisions; the province files plans; officers resolve dual registrations. Every list pages; every irreversible
 * step asks first.
 */
@Controller
class EnrolmentPageController {

	/** Provinces other than Zhejiang a student may come from (GB/T 2260), for the origin outside the cascade. */
	static final List<String> OTHER_PROVINCES = List.of("110000", "120000", "130000", "140000", "150000", "210000",
			"220000", "230000", "310000", "320000", "340000", "350000", "360000", "370000", "410000", "420000", "430000",
			"440000", "450000", "460000", "500000", "510000", "520000", "530000", "540000", "610000", "620000", "630000",
			"640000", "650000", "710000", "810000", "820000");

	private final Schools schools;
	private final Specialties specialties;
	private final Plans plans;
	private final Registrations registrations;
	private final Duplicates duplicates;
	private final EnrolmentProgress progress;
	private final Agreements agreements;
	private final ConsoleActions actions;
	private final Clock clock;

	EnrolmentPageController(Schools schools, Specialties specialties, Plans plans, Registrations registrations,
			Duplicates duplicates, EnrolmentProgress progress, Agreements agreements, ConsoleActions actions,
			Clock clock) {
		this.schools = schools;
		this.specialties = specialties;
		this.plans = plans;
		this.registrations = registrations;
		this.duplicates = duplicates;
		this.progress = progress;
		this.agreements = agreements;
		this.actions = actions;
		this.clock = clock;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("classLevels", ClassLevel.values());
		model.addAttribute("learnerKinds", LearnerKind.values());
		model.addAttribute("seasons", IntakeSeason.values());
		model.addAttribute("otherProvinces", OTHER_PROVINCES);
	}

	@GetMapping("/enrolment")
	String home(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "plans") String tab, @RequestParam(required = false) String status,
			@RequestParam(required = false) String school, @RequestParam(required = false) String specialty,
			@RequestParam(required = false) String season, @RequestParam(required = false) String region,
			@RequestParam(required = false) String name, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Model model) {
		if (actor.role() == Role.TECHNICAL_SCHOOL) {
			return "redirect:/enrolment/schools/" + actor.scope().value();
		}
		var today = LocalDate.now(clock);
		int y = year == null ? today.getYear() + 1 : year;
		var all = schools.list(actor);
		var names = new HashMap<String, String>();
		all.forEach(s -> names.put(s.creditCode(), s.name()));
		model.addAttribute("year", y);
		model.addAttribute("years", List.of(today.getYear() - 1, today.getYear(), today.getYear() + 1, today.getYear() + 2));
		model.addAttribute("tab", tab);
		model.addAttribute("schools", all);
		model.addAttribute("schoolNames", names);
		model.addAttribute("progress", actor.scope().regional() ? progress.byCity(actor, y) : List.of());
		model.addAttribute("openCases", actor.scope().regional() ? duplicates.open(actor) : 0);
		model.addAttribute("waiting", plans.waiting(actor));
		model.addAttribute("filter", new Registrations.Filter(blank(school), blank(specialty), year, blank(season),
				blank(status), blank(region), blank(name)));
		switch (tab) {
			case "registrations" -> {
				var request = PageRequest.of(page, size, sort, Registrations.SORTS, "-registeredOn");
				var found = registrations.page(actor, new Registrations.Filter(blank(school), blank(specialty), year,
						blank(season), blank(status), blank(region), blank(name)), request);
				model.addAttribute("page", found);
				model.addAttribute("specialtyNames", specialtyNames(found.items().stream().map(Registration::schoolCode).distinct().toList()));
				model.addAttribute("specialties", blank(school) == null ? List.of() : specialties.list(actor, school));
			}
			case "schools" -> model.addAttribute("page", Page.slice(all.stream()
					.sorted(Comparator.comparing(School::cityCode).thenComparing(School::county)).toList(),
					PageRequest.of(page, size, null, Map.of(), null)));
			default -> {
				// the year's plans, and whatever waits for someone in any year: a draft to issue, an issued plan to file, a revision
				var shown = plans.list(actor, blank(school), null).stream()
						.filter(p -> blank(status) == null ? p.year() == y || !p.status().equals("FILED")
								|| p.revisions().stream().anyMatch(r -> r.status().equals("PENDING"))
								: p.status().equals(status))
						.toList();
				model.addAttribute("page", Page.slice(shown, PageRequest.of(page, size, null, Map.of(), null)));
				model.addAttribute("specialtyNames", specialtyNames(shown.stream().map(Plan::schoolCode).distinct().toList()));
				model.addAttribute("issuer", issuerOf(actor, shown));
			}
		}
		return "enrolment/home";
	}

	@GetMapping("/enrolment/schools/{code}")
	String school(@PathVariable String code, @AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String specialty, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String season, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, Model model) {
		var school = schools.require(code);
		var today = LocalDate.now(clock);
		var filed = specialties.list(actor, code);
		model.addAttribute("school", school);
		model.addAttribute("specialties", filed);
		model.addAttribute("specialtyNames", names(filed));
		var schoolPlans = plans.list(actor, code, null);
		model.addAttribute("plans", schoolPlans);
		model.addAttribute("agreements", agreements.list(actor, code));
		model.addAttribute("openPlaces", registrations.openPlaces(school.creditCode(), today));
		model.addAttribute("planYears", List.of(today.getYear(), today.getYear() + 1, today.getYear() + 2));
		model.addAttribute("intakeYears", List.of(today.getYear(), today.getYear() + 1));
		model.addAttribute("today", today);
		var request = PageRequest.of(page, size, sort, Registrations.SORTS, "-registeredOn");
		model.addAttribute("page", registrations.page(actor, new Registrations.Filter(code, blank(specialty), year,
				blank(season), blank(status), null, null), request));
		model.addAttribute("filter", new Registrations.Filter(code, blank(specialty), year, blank(season),
				blank(status), null, null));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Registration.Request(null, null, code, null, null,
					today.getYear() + 1, "SPRING", null, "FULL_TIME", null, null));
		}
		if (!model.containsAttribute("planLines")) {
			model.addAttribute("planLines", List.<Plan.Line>of());
		}
		return "enrolment/school";
	}

	@PostMapping("/enrolment/registrations")
	String register(Registration.Request form, @RequestParam(required = false) String originElsewhere,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		// a student from another province is picked by province; a Zhejiang origin comes from the cascade
		var request = blank(originElsewhere) == null ? form
				: new Registration.Request(form.idNumber(), form.name(), form.schoolCode(), form.specialtyCode(),
						form.classLevel(), form.intakeYear(), form.intakeSeason(), form.learnerKind(), form.studyMode(),
						originElsewhere, form.agreementId());
		try {
			var outcome = registrations.register(actor, request);
			redirect.addFlashAttribute("registered", outcome.id());
		}
		catch (BusinessException e) {
			redirect.addFlashAttribute("form", request);
			redirect.addFlashAttribute("originElsewhere", blank(originElsewhere));
			// the field the rule names, which the form has under the same name (else the message stands above it)
			var field = e.violations().get(0).field();
			redirect.addFlashAttribute("fieldError", field == null ? "form" : field);
			redirect.addFlashAttribute("error", actions.message(e, locale));
		}
		return "redirect:/enrolment/schools/" + form.schoolCode() + "#register";
	}

	@PostMapping("/enrolment/plans/{id}/{step:issue|file}")
	String step(@PathVariable long id, @PathVariable String step, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> {
			if (step.equals("issue")) {
				plans.issue(actor, id);
			}
			else {
				plans.file(actor, id);
			}
		});
		return "redirect:/enrolment";
	}

	@PostMapping("/enrolment/plans/{id}/revisions/{revision}")
	String decide(@PathVariable long id, @PathVariable long revision, @RequestParam boolean approve,
			@RequestParam(required = false) String comment, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> plans.decideRevision(actor, id, revision, approve, comment));
		return "redirect:/enrolment";
	}

	/**
	 * Plan lines as the line editor posts them: one specialty, class level and headcount per row, in step; a row
	 * left wholly empty is no line, a row half filled is refused with its number.
	 */
	static List<Plan.Line> lines(List<String> specialties, List<String> levels, List<String> headcounts) {
		var lines = new ArrayList<Plan.Line>();
		int rows = Math.max(size(specialties), Math.max(size(levels), size(headcounts)));
		for (int i = 0; i < rows; i++) {
			var specialty = at(specialties, i);
			var level = at(levels, i);
			var headcount = at(headcounts, i);
			if (specialty == null && level == null && headcount == null) {
				continue;
			}
			if (specialty == null || level == null || headcount == null || !headcount.matches("\\d{1,6}")) {
				throw new InvalidValueException("enrolment.plan.line-incomplete", String.valueOf(i + 1));
			}
			lines.add(new Plan.Line(specialty, level, Integer.parseInt(headcount)));
		}
		return lines;
	}

	@PostMapping("/enrolment/schools/{code}/plans")
	String draft(@PathVariable String code, @RequestParam int year, @RequestParam String intake,
			@RequestParam(name = "specialty", required = false) List<String> specialty,
			@RequestParam(name = "level", required = false) List<String> level,
			@RequestParam(name = "headcount", required = false) List<String> headcount,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> plans.draft(actor, new Plans.Draft(code, year, intake,
				lines(specialty, level, headcount))));
		return "redirect:/enrolment/schools/" + code + "#plans";
	}

	@PostMapping("/enrolment/schools/{code}/plans/{id}/revisions")
	String revise(@PathVariable String code, @PathVariable long id,
			@RequestParam(name = "specialty", required = false) List<String> specialty,
			@RequestParam(name = "level", required = false) List<String> level,
			@RequestParam(name = "headcount", required = false) List<String> headcount,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> plans.requestRevision(actor, id, lines(specialty, level, headcount),
				reason));
		return "redirect:/enrolment/schools/" + code + "#plans";
	}

	@GetMapping("/enrolment/duplicates")
	String duplicates(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("page", duplicates.page(actor, blank(status), PageRequest.of(page, size, null, Map.of(), null)));
		model.addAttribute("status", blank(status));
		return "enrolment/duplicates";
	}

	@PostMapping("/enrolment/duplicates/run")
	String run(@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		redirect.addFlashAttribute("found", duplicates.find(actor));
		return "redirect:/enrolment/duplicates";
	}

	@PostMapping("/enrolment/duplicates/{id}/resolve")
	String resolve(@PathVariable long id, @RequestParam(required = false) Long withdraw,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> duplicates.resolve(actor, id, new Duplicates.Resolution(withdraw, reason)));
		return "redirect:/enrolment/duplicates";
	}

	/** For each plan, whether this officer issues it (its city, or the province for provincial schools). */
	private Map<Long, Boolean> issuerOf(Actor actor, List<Plan> shown) {
		var issuer = new HashMap<Long, Boolean>();
		var bySchool = new HashMap<String, Boolean>();
		for (var p : shown) {
			issuer.put(p.id(), bySchool.computeIfAbsent(p.schoolCode(),
					code -> schools.find(code).map(s -> Schools.issues(actor, s)).orElse(false)));
		}
		return issuer;
	}

	/** Specialty names by school and code, for the schools on a page: {@code school/code → 数控加工}. */
	private Map<String, String> specialtyNames(List<String> schoolCodes) {
		var names = new HashMap<String, String>();
		for (var code : schoolCodes) {
			specialties.filed(code).forEach(s -> names.put(code + "/" + s.code(), s.name()));
		}
		return names;
	}

	private static Map<String, String> names(List<Specialty> filed) {
		var names = new HashMap<String, String>();
		filed.forEach(s -> names.put(s.schoolCode() + "/" + s.code(), s.name()));
		return names;
	}

	private static int size(List<String> values) {
		return values == null ? 0 : values.size();
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() ? null : blank(values.get(i));
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
