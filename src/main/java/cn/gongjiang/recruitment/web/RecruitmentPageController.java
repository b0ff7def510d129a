package cn.gongjiang.recruitment.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.recruitment.Application;
import cn.gongjiang.recruitment.Applications;
import cn.gongjiang.recruitment.Explanations;
import cn.gongjiang.recruitment.JobPosting;
import cn.gongjiang.recruitment.JobPostings;
import cn.gongjiang.recruitment.Matching;
import cn.gongjiang.recruitment.Placements;
import cn.gongjiang.recruitment.RecruitmentEvent;
import cn.gongjiang.recruitment.RecruitmentEvents;
import cn.gongjiang.recruitment.Seeker;
import cn.gongjiang.recruitment.Seekers;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.training.DemandSurvey;

/**
 * Recruitment in the console (REC-1..3): an enterprise posts (from its demand list or typed), sees its ranked
 * candidates with the reasons, invites, interviews, offers and hires; a worker registers as a job seeker, reads the
 * postings that fit and why, applies and follows what became of it; a school and a bureau run their events;
 * officers read their region's events, placements, the precision of the recommendations and the weights in force.
 */
@Controller
class RecruitmentPageController {

	private static final Map<String, String> SORTS = Map.of("closes", "", "updated", "", "title", "");

	private final JobPostings postings;
	private final Seekers seekers;
	private final Matching matching;
	private final Applications applications;
	private final RecruitmentEvents events;
	private final Placements placements;
	private final Explanations explanations;
	private final DemandSurvey demand;
	private final ConsoleActions actions;

	RecruitmentPageController(JobPostings postings, Seekers seekers, Matching matching, Applications applications,
			RecruitmentEvents events, Placements placements, Explanations explanations, DemandSurvey demand,
			ConsoleActions actions) {
		this.postings = postings;
		this.seekers = seekers;
		this.matching = matching;
		this.applications = applications;
		this.events = events;
		this.placements = placements;
		this.explanations = explanations;
		this.demand = demand;
		this.actions = actions;
	}

	@GetMapping("/recruitment")
	String home(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		model.addAttribute("explanations", explanations);
		switch (actor.role()) {
			case ENTERPRISE -> {
				model.addAttribute("page", postings.list(actor, status, null, null,
						PageRequest.of(page, null, null, SORTS, "-updated")));
				var posted = postings.list(actor, null, null, null, PageRequest.first(PageRequest.MAX_SIZE)).items()
						.stream().map(JobPosting::demandItemId).filter(Objects::nonNull).toList();
				model.addAttribute("demand", demand.open(actor).stream().filter(d -> !posted.contains(d.id())).toList());
				model.addAttribute("placements", placements.list(actor, PageRequest.first(10)));
				return "recruitment/enterprise";
			}
			case WORKER -> {
				var seeker = seekers.ofWorker(actor);
				model.addAttribute("seeker", seeker.orElse(null));
				model.addAttribute("suggestions", matching.myJobs(actor, 20));
				model.addAttribute("applications", applications.mine(actor));
				return "recruitment/worker";
			}
			case TECHNICAL_SCHOOL -> {
				model.addAttribute("events", events.list(actor, null, PageRequest.of(page, null, null, Map.of(), null)));
				model.addAttribute("graduates", seekers.ofSchool(actor, 50));
				return "recruitment/school";
			}
			default -> {
				actor.requireRegionalOfficer();
				model.addAttribute("events", events.list(actor, null, PageRequest.first(10)));
				model.addAttribute("page", postings.list(actor, status, null, null,
						PageRequest.of(page, null, null, SORTS, "-updated")));
				model.addAttribute("placements", placements.list(actor, PageRequest.first(10)));
				model.addAttribute("precision", matching.precision(actor, 90));
				model.addAttribute("weights", matching.weightHistory());
				return "recruitment/officer";
			}
		}
	}

	@PostMapping("/recruitment/jobs")
	String post(@RequestParam(required = false) String enterpriseCode, @RequestParam String title,
			@RequestParam String occupationCode, @RequestParam(required = false) String minGrade,
			@RequestParam(required = false) Integer headcount, @RequestParam(required = false) String county,
			@RequestParam(required = false) Integer wageMin, @RequestParam(required = false) Integer wageMax,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
			@RequestParam(required = false) String requirements,
			@RequestParam(defaultValue = "false") boolean graduatesSought, @AuthenticationPrincipal Actor actor,
			Locale locale, RedirectAttributes redirect) {
		try {
			var job = postings.post(actor, new JobPosting.Form(enterpriseCode, title, occupationCode, minGrade,
					headcount, county, wageMin, wageMax, startsOn, closesOn, requirements, graduatesSought));
			redirect.addFlashAttribute("saved", true);
			return "redirect:/recruitment/jobs/" + job.id();
		}
		catch (BusinessException e) {
			redirect.addFlashAttribute("error", actions.message(e, locale));
			return "redirect:/recruitment";
		}
	}

	@PostMapping("/recruitment/jobs/from-demand/{demandItemId}")
	String fromDemand(@PathVariable long demandItemId, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		try {
			var job = postings.postFromDemand(actor, demandItemId);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/recruitment/jobs/" + job.id();
		}
		catch (BusinessException e) {
			redirect.addFlashAttribute("error", actions.message(e, locale));
			return "redirect:/recruitment";
		}
	}

	@GetMapping("/recruitment/jobs/{id}")
	String job(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		var job = postings.find(actor, id);
		model.addAttribute("job", job);
		model.addAttribute("explanations", explanations);
		model.addAttribute("manages", false);
		var manages = actor.role() == Role.ENTERPRISE ? job.enterpriseCode().equals(actor.scope().value())
				: actor.role().officer();
		if (manages) {
			try {
				var received = applications.ofJob(actor, id);
				model.addAttribute("applications", received);
				// a candidate who already applied or was invited is not invited again
				model.addAttribute("applied", received.stream().map(Application::personId).collect(Collectors.toSet()));
				model.addAttribute("manages", true);
				if (job.open()) {
					model.addAttribute("candidates", matching.candidates(actor, id, 20));
				}
			}
			catch (BusinessException | AccessDeniedException notHis) {
				model.addAttribute("manages", false);
			}
		}
		if (actor.role() == Role.WORKER) {
			model.addAttribute("mine", applications.mine(actor).stream().filter(a -> a.jobId() == id).findFirst()
					.orElse(null));
		}
		return "recruitment/job";
	}

	@PostMapping("/recruitment/jobs/{id}/edit")
	String edit(@PathVariable long id, @RequestParam int version, @RequestParam String title,
			@RequestParam String occupationCode, @RequestParam(required = false) String minGrade,
			@RequestParam(required = false) Integer headcount, @RequestParam(required = false) String county,
			@RequestParam(required = false) Integer wageMin, @RequestParam(required = false) Integer wageMax,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
			@RequestParam(required = false) String requirements,
			@RequestParam(defaultValue = "false") boolean graduatesSought, @AuthenticationPrincipal Actor actor,
			Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> postings.edit(actor, id, version, new JobPosting.Form(null, title,
				occupationCode, minGrade, headcount, county, wageMin, wageMax, startsOn, closesOn, requirements,
				graduatesSought)));
		return "redirect:/recruitment/jobs/" + id;
	}

	/** Opens or closes a posting at the version the page showed (409 when someone changed it since). */
	@PostMapping("/recruitment/jobs/{id}/{step:opening|closing}")
	String openOrClose(@PathVariable long id, @PathVariable String step, @RequestParam int version,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> {
			if (step.equals("opening")) {
				postings.open(actor, id, version);
			}
			else {
				postings.close(actor, id, version);
			}
		});
		return "redirect:/recruitment/jobs/" + id;
	}

	@PostMapping("/recruitment/jobs/{id}/invitations")
	String invite(@PathVariable long id, @RequestParam long personId, @AuthenticationPrincipal Actor actor,
			Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> applications.invite(actor, id, personId));
		return "redirect:/recruitment/jobs/" + id + "#applications";
	}

	@PostMapping("/recruitment/jobs/{id}/applications")
	String apply(@PathVariable long id, @RequestParam(required = false) String back,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> applications.apply(actor, id));
		// from the list of suggestions, back to it, where the application now shows first
		return "list".equals(back) ? "redirect:/recruitment#my-applications" : "redirect:/recruitment/jobs/" + id;
	}

	@PostMapping("/recruitment/applications/{id}/status")
	String step(@PathVariable long id, @RequestParam int version, @RequestParam Application.Status status,
			@RequestParam(required = false) Long jobId, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> applications.move(actor, id, version, status));
		return jobId == null ? "redirect:/recruitment" : "redirect:/recruitment/jobs/" + jobId + "#applications";
	}

	@PostMapping("/recruitment/applications/{id}/hire")
	String hire(@PathVariable long id, @RequestParam int version, @RequestParam long jobId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) Integer contractMonths,
			@RequestParam(required = false) String graduateEvidence, @AuthenticationPrincipal Actor actor,
			Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> placements.hire(actor, id, version,
				new Placements.Hire(startsOn, contractMonths, graduateEvidence)));
		return "redirect:/recruitment/jobs/" + jobId + "#applications";
	}

	@PostMapping("/recruitment/seeker")
	String registerSelf(@RequestParam(defaultValue = "REGISTERED") Seeker.Basis basis,
			@RequestParam(required = false) String wantedOccupation,
			@RequestParam(required = false) Integer expectedWage, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> seekers.registerSelf(actor, basis, wantedOccupation, expectedWage));
		return "redirect:/recruitment";
	}

	@PostMapping("/recruitment/seeker/withdrawal")
	String withdraw(@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> seekers.withdraw(actor));
		return "redirect:/recruitment";
	}

	@PostMapping("/recruitment/events")
	String plan(@RequestParam String title, @RequestParam RecruitmentEvent.Format format,
			@RequestParam(required = false) String venueKind, @RequestParam(required = false) String place,
			@RequestParam(required = false) String streamUrl,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		try {
			var event = events.plan(actor, new RecruitmentEvent.Plan(title, format, blank(venueKind), blank(place),
					blank(streamUrl), heldOn));
			redirect.addFlashAttribute("saved", true);
			return "redirect:/recruitment/events/" + event.id();
		}
		catch (BusinessException e) {
			redirect.addFlashAttribute("error", actions.message(e, locale));
			return "redirect:/recruitment";
		}
	}

	@GetMapping("/recruitment/events/{id}")
	String event(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		var details = events.details(actor, id);
		model.addAttribute("details", details);
		var organises = events.organises(actor, id);
		model.addAttribute("organises", organises);
		model.addAttribute("putsForward", events.putsForward(actor, id));
		if (organises && details.event().status() == RecruitmentEvent.Status.PLANNED) {
			model.addAttribute("openJobs", postings.list(actor, "OPEN", null, null, PageRequest.first(100)).items());
		}
		return "recruitment/event";
	}

	@PostMapping("/recruitment/events/{id}/jobs")
	String addJob(@PathVariable long id, @RequestParam long jobId, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> events.addJob(actor, id, jobId));
		return "redirect:/recruitment/events/" + id;
	}

	@PostMapping("/recruitment/events/{id}/organisations")
	String addOrganisation(@PathVariable long id, @RequestParam String creditCode, @AuthenticationPrincipal Actor actor,
			Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> events.addOrganisation(actor, id, creditCode));
		return "redirect:/recruitment/events/" + id;
	}

	@PostMapping("/recruitment/events/{id}/seekers")
	String registerSeeker(@PathVariable long id, @RequestParam String idNumber, @RequestParam String name,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> events.registerSeeker(actor, id, idNumber, name));
		return "redirect:/recruitment/events/" + id;
	}

	@PostMapping("/recruitment/events/{id}/applications")
	String applyAtEvent(@PathVariable long id, @RequestParam long jobId, @RequestParam long personId,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> applications.applyAtEvent(actor, id, jobId, personId));
		return "redirect:/recruitment/events/" + id;
	}

	/** Holds or cancels an event at the version the page showed (409 when someone changed it since). */
	@PostMapping("/recruitment/events/{id}/{step:holding|cancellation}")
	String holdOrCancel(@PathVariable long id, @PathVariable String step, @RequestParam int version,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> {
			if (step.equals("holding")) {
				events.hold(actor, id, version);
			}
			else {
				events.cancel(actor, id, version);
			}
		});
		return "redirect:/recruitment/events/" + id;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
