package cn.gongjiang.recruitment.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.recruitment.Application;
import cn.gongjiang.recruitment.Applications;
import cn.gongjiang.recruitment.Explanations;
import cn.gongjiang.recruitment.JobPosting;
import cn.gongjiang.recruitment.JobPostings;
import cn.gongjiang.recruitment.Matching;
import cn.gongjiang.recruitment.Placement;
import cn.gongjiang.recruitment.Placements;
import cn.gongjiang.recruitment.RecruitmentEvent;
import cn.gongjiang.recruitment.RecruitmentEvents;
import cn.gongjiang.recruitment.Seeker;
import cn.gongjiang.recruitment.Seekers;
import cn.gongjiang.recruitment.matching.Match;
import cn.gongjiang.recruitment.matching.Weights;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Recruitment over the API (REC-1..3): postings, ranked candidates and postings with every score explained,
 * applications, events and their participants, placements. Errors as problem details with stable codes
 * ({@code recruitment.job.closed}, {@code recruitment.already-placed} …).
 */
@RestController
@RequestMapping("/api/v1/recruitment")
@Tag(name = "Recruitment")
class RecruitmentApiController {

	private static final Map<String, String> JOB_SORTS = Map.of("closes", "", "updated", "", "title", "");

	private final JobPostings postings;
	private final Seekers seekers;
	private final Matching matching;
	private final Applications applications;
	private final RecruitmentEvents events;
	private final Placements placements;
	private final Explanations explanations;

	RecruitmentApiController(JobPostings postings, Seekers seekers, Matching matching, Applications applications,
			RecruitmentEvents events, Placements placements, Explanations explanations) {
		this.postings = postings;
		this.seekers = seekers;
		this.matching = matching;
		this.applications = applications;
		this.events = events;
		this.placements = placements;
		this.explanations = explanations;
	}

	/** A component of a score as the API shows it: its name, its share of the score, and why, in words. */
	record ComponentView(String name, double fit, double share, String reason, String reasonCode) {
	}

	record CandidateView(int rank, long personId, String name, String idNumberMasked, double score,
			List<ComponentView> components, String basis) {
	}

	record SuggestionView(int rank, JobPosting job, double score, List<ComponentView> components) {
	}

	record RankedView<T>(List<T> items, int weightsVersion, Weights weights) {
	}

	@Operation(summary = "Job postings the caller may see, one page at a time: an enterprise its own, an officer its "
			+ "region's, everyone else the open ones; filter by status, occupation (or its group, as a code prefix), county")
	@GetMapping("/jobs")
	Page<JobPosting> jobs(@RequestParam(required = false) String status, @RequestParam(required = false) String occupation,
			@RequestParam(required = false) String county, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal Actor actor) {
		return postings.list(actor, status, occupation, county, PageRequest.of(page, size, sort, JOB_SORTS, "-updated"));
	}

	@Operation(summary = "Post a job as a draft (an enterprise its own; an officer for an enterprise of its region)")
	@PostMapping("/jobs")
	@ResponseStatus(HttpStatus.CREATED)
	JobPosting post(@RequestBody JobPosting.Form form, @AuthenticationPrincipal Actor actor) {
		return postings.post(actor, form);
	}

	@Operation(summary = "Turn an item of the labour-demand list into a draft posting with its fields filled")
	@PostMapping("/jobs/from-demand/{demandItemId}")
	@ResponseStatus(HttpStatus.CREATED)
	JobPosting fromDemand(@PathVariable long demandItemId, @AuthenticationPrincipal Actor actor) {
		return postings.postFromDemand(actor, demandItemId);
	}

	@Operation(summary = "A posting in scope, with its version for a later change")
	@GetMapping("/jobs/{id}")
	JobPosting job(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return postings.find(actor, id);
	}

	record Edit(int version, JobPosting.Form posting) {
	}

	@Operation(summary = "Change a posting, naming the version it was read at (409 recruitment.job.changed when stale)")
	@PutMapping("/jobs/{id}")
	JobPosting edit(@PathVariable long id, @RequestBody Edit edit, @AuthenticationPrincipal Actor actor) {
		return postings.edit(actor, id, edit.version(), edit.posting());
	}

	record Version(int version) {
	}

	@Operation(summary = "Open a draft: from now on it is matched and takes applications")
	@PostMapping("/jobs/{id}/opening")
	JobPosting open(@PathVariable long id, @RequestBody Version version, @AuthenticationPrincipal Actor actor) {
		return postings.open(actor, id, version.version());
	}

	@Operation(summary = "Close an open posting by hand; it takes no more applications")
	@PostMapping("/jobs/{id}/closing")
	JobPosting close(@PathVariable long id, @RequestBody Version version, @AuthenticationPrincipal Actor actor) {
		return postings.close(actor, id, version.version());
	}

	@Operation(summary = "The best candidates for a posting the caller manages, each score with its named components, "
			+ "their shares and a reason in words, and the version of the weights used; an enterprise sees names and "
			+ "masked ID numbers only")
	@GetMapping("/jobs/{id}/candidates")
	RankedView<CandidateView> candidates(@PathVariable long id, @RequestParam(defaultValue = "20") int limit,
			@AuthenticationPrincipal Actor actor, Locale locale) {
		var ranked = matching.candidates(actor, id, limit);
		return new RankedView<>(ranked.items().stream().map(c -> new CandidateView(c.rank(), c.personId(), c.name(),
				c.idNumberMasked(), c.match().score(), components(c.match(), locale), c.basis().name())).toList(),
				ranked.weights().version(), ranked.weights());
	}

	record Invitation(long personId) {
	}

	@Operation(summary = "Invite a candidate to apply to the posting")
	@PostMapping("/jobs/{id}/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	Application invite(@PathVariable long id, @RequestBody Invitation invitation, @AuthenticationPrincipal Actor actor) {
		return applications.invite(actor, id, invitation.personId());
	}

	@Operation(summary = "The applications to a posting the caller manages")
	@GetMapping("/jobs/{id}/applications")
	List<Application> applicationsOfJob(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return applications.ofJob(actor, id);
	}

	@Operation(summary = "The best open postings for a job seeker of the officer's region")
	@GetMapping("/persons/{id}/jobs")
	RankedView<SuggestionView> jobsFor(@PathVariable long id, @RequestParam(defaultValue = "20") int limit,
			@AuthenticationPrincipal Actor actor, Locale locale) {
		return suggestions(matching.jobsFor(actor, id, limit), locale);
	}

	@Operation(summary = "The best open postings for the signed-in worker (empty until they register as a job seeker)")
	@GetMapping("/my-jobs")
	RankedView<SuggestionView> myJobs(@RequestParam(defaultValue = "20") int limit, @AuthenticationPrincipal Actor actor,
			Locale locale) {
		return suggestions(matching.myJobs(actor, limit), locale);
	}

	record SeekerRegistration(String idNumber, String name, Seeker.Basis basis, String wantedOccupation,
			Integer expectedWage) {
	}

	@Operation(summary = "Register as a job seeker (a worker, leaving idNumber and name out) or register one by real "
			+ "name (an officer of the person's region)")
	@PostMapping("/seekers")
	@ResponseStatus(HttpStatus.CREATED)
	Seeker registerSeeker(@RequestBody SeekerRegistration r, @AuthenticationPrincipal Actor actor) {
		if (actor.role() == Role.WORKER) {
			return seekers.registerSelf(actor, r.basis() == null ? Seeker.Basis.REGISTERED : r.basis(),
					r.wantedOccupation(), r.expectedWage());
		}
		return seekers.register(actor, r.idNumber(), r.name(), r.basis() == null ? Seeker.Basis.REGISTERED : r.basis(),
				r.wantedOccupation(), r.expectedWage());
	}

	/** Checked by the service after the role: a role that may not apply is refused before its input is read. */
	record ApplicationRequest(Long jobId, Long eventId, Long personId) {
	}

	@Operation(summary = "Apply: a worker to an open posting (jobId), or an event's organiser for a registered "
			+ "participant (eventId, jobId, personId); the same application again returns the one that stands")
	@PostMapping("/applications")
	@ResponseStatus(HttpStatus.CREATED)
	Application apply(@RequestBody ApplicationRequest r, @AuthenticationPrincipal Actor actor) {
		if (r.eventId() != null) {
			return applications.applyAtEvent(actor, r.eventId(), r.jobId(), r.personId());
		}
		return applications.apply(actor, r.jobId());
	}

	@Operation(summary = "The signed-in worker's applications and invitations")
	@GetMapping("/applications")
	List<Application> myApplications(@AuthenticationPrincipal Actor actor) {
		return applications.mine(actor);
	}

	record Step(int version, Application.Status status) {
	}

	@Operation(summary = "The next step of an application: INTERVIEWED, OFFERED, REJECTED (the enterprise); APPLIED "
			+ "(accepting an invitation), DECLINED, WITHDRAWN (the person)")
	@PutMapping("/applications/{id}/status")
	Application step(@PathVariable long id, @RequestBody Step step, @AuthenticationPrincipal Actor actor) {
		return applications.move(actor, id, step.version(), step.status());
	}

	@Operation(summary = "Recruitment events the caller may see: an officer its region's, a school its own")
	@GetMapping("/events")
	Page<RecruitmentEvent> events(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @AuthenticationPrincipal Actor actor) {
		return events.list(actor, status, PageRequest.of(page, null, null, Map.of(), null));
	}

	@Operation(summary = "Plan an event: on site (place) or online (stream link), organised by the caller's bureau or school")
	@PostMapping("/events")
	@ResponseStatus(HttpStatus.CREATED)
	RecruitmentEvent plan(@RequestBody RecruitmentEvent.Plan plan, @AuthenticationPrincipal Actor actor) {
		return events.plan(actor, plan);
	}

	@Operation(summary = "An event in scope with its postings and participants")
	@GetMapping("/events/{id}")
	RecruitmentEvent.Details event(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return events.details(actor, id);
	}

	@Operation(summary = "The event's participants: enterprises, schools and job seekers")
	@GetMapping("/events/{id}/participants")
	List<RecruitmentEvent.Participant> participants(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return events.details(actor, id).participants();
	}

	record ParticipantRequest(String creditCode, String idNumber, String name, Long jobId) {
	}

	@Operation(summary = "Add to the event: a posting (jobId), an enterprise or school (creditCode), or a job seeker by "
			+ "real name (idNumber and name; a school registers its graduating students)")
	@PostMapping("/events/{id}/participants")
	@ResponseStatus(HttpStatus.CREATED)
	RecruitmentEvent.Details addParticipant(@PathVariable long id, @RequestBody ParticipantRequest r,
			@AuthenticationPrincipal Actor actor) {
		if (r.jobId() != null) {
			events.addJob(actor, id, r.jobId());
		}
		else if (r.creditCode() != null) {
			events.addOrganisation(actor, id, r.creditCode());
		}
		else {
			events.registerSeeker(actor, id, r.idNumber(), r.name());
		}
		return events.details(actor, id);
	}

	@Operation(summary = "The event took place: it counts for its indicator in the organiser's region")
	@PostMapping("/events/{id}/holding")
	RecruitmentEvent hold(@PathVariable long id, @RequestBody Version version, @AuthenticationPrincipal Actor actor) {
		return events.hold(actor, id, version.version());
	}

	@Operation(summary = "Cancel a planned event, naming the version it was read at (409 when stale)")
	@PostMapping("/events/{id}/cancellation")
	RecruitmentEvent cancel(@PathVariable long id, @RequestBody Version version, @AuthenticationPrincipal Actor actor) {
		return events.cancel(actor, id, version.version());
	}

	@Operation(summary = "Placements the caller may see: an enterprise its hires, a worker theirs, an officer its region's")
	@GetMapping("/placements")
	Page<Placement> placements(@RequestParam(required = false) Integer page, @AuthenticationPrincipal Actor actor) {
		return placements.list(actor, PageRequest.of(page, null, null, Map.of(), null));
	}

	record HireRequest(long applicationId, int version, LocalDate startsOn, Integer contractMonths,
			String graduateEvidence) {
	}

	@Operation(summary = "Hire the person of an application: records the placement (409 recruitment.job.closed, "
			+ "recruitment.already-placed)")
	@PostMapping("/placements")
	@ResponseStatus(HttpStatus.CREATED)
	Placement hire(@RequestBody HireRequest r, @AuthenticationPrincipal Actor actor) {
		return placements.hire(actor, r.applicationId(), r.version(),
				new Placements.Hire(r.startsOn(), r.contractMonths(), r.graduateEvidence()));
	}

	@Operation(summary = "The weights of the scorer, every version, newest first")
	@GetMapping("/weights")
	List<Weights> weights() {
		return matching.weightHistory();
	}

	@Operation(summary = "Precision at 10 of the candidate lists shown for the officer's region over the last days")
	@GetMapping("/precision")
	Matching.Precision precision(@RequestParam(defaultValue = "90") int days, @AuthenticationPrincipal Actor actor) {
		return matching.precision(actor, days);
	}

	private RankedView<SuggestionView> suggestions(Matching.Ranked<Matching.Suggestion> ranked, Locale locale) {
		return new RankedView<>(ranked.items().stream().map(s -> new SuggestionView(s.rank(), s.job(),
				s.match().score(), components(s.match(), locale))).toList(), ranked.weights().version(), ranked.weights());
	}

	private List<ComponentView> components(Match match, Locale locale) {
		return match.components().stream().map(c -> new ComponentView(explanations.name(c, locale), c.fit(),
				Math.round(c.share() * 1000) / 1000.0, explanations.reason(c, locale), c.reason())).toList();
	}
}
