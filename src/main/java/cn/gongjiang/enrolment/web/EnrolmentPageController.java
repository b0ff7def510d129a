package cn.gongjiang.enrolment.web;

import java.time.Clock;
import java.time.LocalDate;
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

import cn.gongjiang.enrolment.ClassLevel;
import cn.gongjiang.enrolment.Duplicates;
import cn.gongjiang.enrolment.EnrolmentProgress;
import cn.gongjiang.enrolment.LearnerKind;
import cn.gongjiang.enrolment.Plans;
import cn.gongjiang.enrolment.Registration;
import cn.gongjiang.enrolment.Registrations;
import cn.gongjiang.enrolment.Schools;
import cn.gongjiang.enrolment.Specialties;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ConsoleActions;

/**
 * The enrolment console (ENR): a school sees its specialties, plans and students and registers; a city bureau issues
 * plans and decides revisions, resolves duplicates; the province files plans and sees every city's progress.
 */
@Controller
class EnrolmentPageController {

	/** Which form field a refusal belongs next to. */
	static final Map<String, String> FIELD_OF_CODE = Map.ofEntries(Map.entry("enrolment.invalid-id-number", "idNumber"),
			Map.entry("enrolment.name-mismatch", "name"), Map.entry("enrolment.name.required", "name"),
			Map.entry("enrolment.deadline-passed", "intakeSeason"), Map.entry("enrolment.intake.unknown", "intakeSeason"),
			Map.entry("enrolment.intake-year", "intakeYear"), Map.entry("enrolment.dual-registration", "idNumber"),
			Map.entry("enrolment.already-registered", "idNumber"), Map.entry("enrolment.cross-city", "originRegionCode"),
			Map.entry("region.unknown", "originRegionCode"), Map.entry("region.code.format", "originRegionCode"),
			Map.entry("enrolment.specialty-not-filed", "specialtyCode"), Map.entry("enrolment.over-plan", "specialtyCode"),
			Map.entry("enrolment.class-level.unknown", "classLevel"), Map.entry("enrolment.learner-kind.unknown", "learnerKind"),
			Map.entry("enrolment.study-mode.unknown", "studyMode"), Map.entry("enrolment.agreement.unknown", "agreementId"));

	private final Schools schools;
	private final Specialties specialties;
	private final Plans plans;
	private final Registrations registrations;
	private final Duplicates duplicates;
	private final EnrolmentProgress progress;
	private final ConsoleActions actions;
	private final Clock clock;

	EnrolmentPageController(Schools schools, Specialties specialties, Plans plans, Registrations registrations,
			Duplicates duplicates, EnrolmentProgress progress, ConsoleActions actions, Clock clock) {
		this.schools = schools;
		this.specialties = specialties;
		this.plans = plans;
		this.registrations = registrations;
		this.duplicates = duplicates;
		this.progress = progress;
		this.actions = actions;
		this.clock = clock;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("classLevels", ClassLevel.values());
		model.addAttribute("learnerKinds", LearnerKind.values());
	}

	@GetMapping("/enrolment")
	String home(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer year, Model model) {
		if (actor.role() == Role.TECHNICAL_SCHOOL) {
			return "redirect:/enrolment/schools/" + actor.scope().value();
		}
		int y = year == null ? LocalDate.now(clock).getYear() + 1 : year;
		model.addAttribute("year", y);
		model.addAttribute("schools", schools.list(actor));
		// the year's plans, and whatever waits for someone in any year: a draft to issue, an issued plan to file, a revision
		model.addAttribute("plans", plans.list(actor, null, null).stream()
				.filter(p -> p.year() == y || !p.status().equals("FILED")
						|| p.revisions().stream().anyMatch(r -> r.status().equals("PENDING")))
				.toList());
		model.addAttribute("progress", actor.scope().regional() ? progress.byCity(actor, y) : List.of());
		model.addAttribute("openCases", actor.scope().regional() ? duplicates.list(actor, "OPEN").size() : 0);
		return "enrolment/home";
	}

	@GetMapping("/enrolment/schools/{code}")
	String school(@PathVariable String code, @AuthenticationPrincipal Actor actor, Model model) {
		var school = schools.require(code);
		model.addAttribute("school", school);
		model.addAttribute("specialties", specialties.list(actor, code));
		model.addAttribute("plans", plans.list(actor, code, null));
		model.addAttribute("students", registrations.list(actor, code, null));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Registration.Request(null, null, code, null, null,
					LocalDate.now(clock).getYear() + 1, "SPRING", null, "FULL_TIME", null, null));
		}
		return "enrolment/school";
	}

	@PostMapping("/enrolment/registrations")
	String register(Registration.Request form, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		try {
			var outcome = registrations.register(actor, form);
			redirect.addFlashAttribute("registered", outcome.id());
		}
		catch (BusinessException e) {
			redirect.addFlashAttribute("form", form);
			redirect.addFlashAttribute("fieldError", FIELD_OF_CODE.getOrDefault(e.code(), "form"));
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

	/** Plan lines as a school types them: one per line, "专业代码 层次 人数", e.g. {@code 0301 中级工班 20}. */
	static java.util.List<cn.gongjiang.enrolment.Plan.Line> lines(String text) {
		var lines = new java.util.ArrayList<cn.gongjiang.enrolment.Plan.Line>();
		for (var line : (text == null ? "" : text).split("\\R")) {
			var parts = line.strip().split("[\\s,，]+");
			if (parts.length == 1 && parts[0].isEmpty()) {
				continue;
			}
			if (parts.length != 3 || !parts[2].matches("\\d{1,6}")) {
				throw new cn.gongjiang.shared.InvalidValueException("enrolment.plan.line-format", line.strip());
			}
			lines.add(new cn.gongjiang.enrolment.Plan.Line(parts[0], parts[1], Integer.parseInt(parts[2])));
		}
		return lines;
	}

	@PostMapping("/enrolment/schools/{code}/plans")
	String draft(@PathVariable String code, @RequestParam int year, @RequestParam String intake,
			@RequestParam String lines, @AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> plans.draft(actor, new Plans.Draft(code, year, intake, lines(lines))));
		return "redirect:/enrolment/schools/" + code + "#plans";
	}

	@PostMapping("/enrolment/schools/{code}/plans/{id}/revisions")
	String revise(@PathVariable String code, @PathVariable long id, @RequestParam String lines,
			@RequestParam String reason, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> plans.requestRevision(actor, id, lines(lines), reason));
		return "redirect:/enrolment/schools/" + code + "#plans";
	}

	@GetMapping("/enrolment/duplicates")
	String duplicates(@RequestParam(required = false) String status, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("cases", duplicates.list(actor, status));
		model.addAttribute("status", status);
		return "enrolment/duplicates";
	}

	@PostMapping("/enrolment/duplicates/run")
	String run(@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		redirect.addFlashAttribute("found", duplicates.find(actor));
		return "redirect:/enrolment/duplicates";
	}

	@PostMapping("/enrolment/duplicates/{id}/resolve")
	String resolve(@PathVariable long id, @RequestParam(required = false) Long withdraw, @RequestParam String reason,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> duplicates.resolve(actor, id, new Duplicates.Resolution(withdraw, reason)));
		return "redirect:/enrolment/duplicates";
	}

}
