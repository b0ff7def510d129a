package cn.gongjiang.enrolment.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

import cn.gongjiang.enrolment.Agreement;
import cn.gongjiang.enrolment.Agreements;
import cn.gongjiang.enrolment.DuplicateCase;
import cn.gongjiang.enrolment.Duplicates;
import cn.gongjiang.enrolment.EnrolmentProgress;
import cn.gongjiang.enrolment.Plan;
import cn.gongjiang.enrolment.Plans;
import cn.gongjiang.enrolment.Registration;
import cn.gongjiang.enrolment.Registrations;
import cn.gongjiang.enrolment.School;
import cn.gongjiang.enrolment.Schools;
import cn.gongjiang.enrolment.Specialties;
import cn.gongjiang.enrolment.Specialty;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletResponse;

/** Technical-school enrolment (ENR-1..6). */
@RestController
@RequestMapping("/api/v1/enrolment")
@Tag(name = "Enrolment")
class EnrolmentApiController {

	/** Where a paged list's total goes, so that its body stays the array it always was. */
	static final String TOTAL = "X-Total-Count";

	record Affiliation(String affiliation) {
	}

	record Revision(List<Plan.Line> lines, String reason) {
	}

	record Decision(String comment) {
	}

	record Reason(String reason) {
	}

	record Created(long id) {
	}

	private final Schools schools;
	private final Specialties specialties;
	private final Plans plans;
	private final Agreements agreements;
	private final Registrations registrations;
	private final Duplicates duplicates;
	private final EnrolmentProgress progress;

	EnrolmentApiController(Schools schools, Specialties specialties, Plans plans, Agreements agreements,
			Registrations registrations, Duplicates duplicates, EnrolmentProgress progress) {
		this.schools = schools;
		this.specialties = specialties;
		this.plans = plans;
		this.agreements = agreements;
		this.registrations = registrations;
		this.duplicates = duplicates;
		this.progress = progress;
	}

	@Operation(summary = "Technical schools in scope, with their affiliation (a city's or provincial)")
	@GetMapping("/schools")
	List<School> schools(@AuthenticationPrincipal Actor actor) {
		return schools.list(actor);
	}

	@Operation(summary = "Set a school's affiliation, CITY or PROVINCE (省属); province officers")
	@PutMapping("/schools/{code}/affiliation")
	School affiliation(@PathVariable String code, @RequestBody Affiliation body, @AuthenticationPrincipal Actor actor) {
		return schools.setAffiliation(actor, code, body.affiliation());
	}

	@Operation(summary = "The school's filed specialty catalogue (专业备案目录)")
	@GetMapping("/schools/{code}/specialties")
	List<Specialty> specialties(@PathVariable String code, @AuthenticationPrincipal Actor actor) {
		return specialties.list(actor, code);
	}

	@Operation(summary = "File a specialty for a school, with the class levels it may be taught at")
	@PostMapping("/schools/{code}/specialties")
	@ResponseStatus(HttpStatus.CREATED)
	Specialty file(@PathVariable String code, @RequestBody Specialties.Filing filing,
			@AuthenticationPrincipal Actor actor) {
		return specialties.file(actor, code, filing);
	}

	@Operation(summary = "The school's joint-programme agreements (N+N, N+N+N)")
	@GetMapping("/schools/{code}/agreements")
	List<Agreement> agreements(@PathVariable String code, @AuthenticationPrincipal Actor actor) {
		return agreements.list(actor, code);
	}

	@Operation(summary = "Record a joint-programme agreement with a partner province's school")
	@PostMapping("/agreements")
	@ResponseStatus(HttpStatus.CREATED)
	Agreement agreement(@RequestBody Agreements.Signing signing, @AuthenticationPrincipal Actor actor) {
		return agreements.record(actor, signing);
	}

	@Operation(summary = "Plans of a school (or of every school in scope), with lines and revisions")
	@GetMapping("/plans")
	List<Plan> plans(@RequestParam(required = false) String school, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal Actor actor) {
		return plans.list(actor, school, year);
	}

	@Operation(summary = "Draft (or redraft) a school's plan for a year and intake; refused once issued")
	@PostMapping("/plans")
	Plan draft(@RequestBody Plans.Draft draft, @AuthenticationPrincipal Actor actor) {
		return plans.draft(actor, draft);
	}

	@Operation(summary = "Issue a drafted plan: the school's city bureau, or the province for provincial schools")
	@PostMapping("/plans/{id}/issue")
	Plan issue(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return plans.issue(actor, id);
	}

	@Operation(summary = "File an issued plan with the province (备案); from then on it changes only by revision")
	@PostMapping("/plans/{id}/file")
	Plan fileWithProvince(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return plans.file(actor, id);
	}

	@Operation(summary = "Ask the issuer to change an issued or filed plan to these lines")
	@PostMapping("/plans/{id}/revisions")
	Plan requestRevision(@PathVariable long id, @RequestBody Revision revision, @AuthenticationPrincipal Actor actor) {
		return plans.requestRevision(actor, id, revision.lines(), revision.reason());
	}

	@Operation(summary = "Approve a revision request (the issuer); the plan takes its lines")
	@PostMapping("/plans/{id}/revisions/{revision}/approve")
	Plan approve(@PathVariable long id, @PathVariable long revision, @RequestBody(required = false) Decision decision,
			@AuthenticationPrincipal Actor actor) {
		return plans.decideRevision(actor, id, revision, true, decision == null ? null : decision.comment());
	}

	@Operation(summary = "Reject a revision request with a comment")
	@PostMapping("/plans/{id}/revisions/{revision}/reject")
	Plan reject(@PathVariable long id, @PathVariable long revision, @RequestBody Decision decision,
			@AuthenticationPrincipal Actor actor) {
		return plans.decideRevision(actor, id, revision, false, decision.comment());
	}

	@Operation(summary = "Register a student (学籍注册): 201 with the id, 200 with the same id for the same registration "
			+ "again, or 422 naming the rule (enrolment.invalid-id-number, name-mismatch, deadline-passed, "
			+ "dual-registration, cross-city, specialty-not-filed, over-plan)")
	@PostMapping("/registrations")
	ResponseEntity<Created> register(@RequestBody Registration.Request request, @AuthenticationPrincipal Actor actor) {
		var outcome = registrations.register(actor, request);
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(new Created(outcome.id()));
	}

	@Operation(summary = "Registrations in scope, optionally of one school, specialty, intake year and season, status "
			+ "(REGISTERED, WITHDRAWN, TRANSFERRED, GRADUATED), region of the school (and below) or name; ID numbers "
			+ "masked; paged (page from 1, size up to 200, sort registeredOn, name, intake, school, specialty or status, "
			+ "-name for descending), newest first, the total in the X-Total-Count header")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "How many registrations match in all",
			schema = @Schema(type = "integer")))
	@GetMapping("/registrations")
	List<Registration> registrations(@RequestParam(required = false) String school,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String specialty,
			@RequestParam(required = false) String season, @RequestParam(required = false) String status,
			@RequestParam(required = false) String region, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor,
			HttpServletResponse response) {
		var found = registrations.page(actor, new Registrations.Filter(school, specialty, year, season, status, region,
				name), PageRequest.of(page, size == null ? PageRequest.MAX_SIZE : size, sort, Registrations.SORTS,
						"-registeredOn"));
		response.setHeader(TOTAL, String.valueOf(found.total()));
		return found.items();
	}

	@Operation(summary = "Withdraw (退学), transfer away (转学) or graduate a registered student; on their archive")
	@PostMapping("/registrations/{id}/{change:withdraw|transfer|graduate}")
	Registration change(@PathVariable long id, @Parameter(description = "what happens to the registration", schema =
			@Schema(allowableValues = { "withdraw", "transfer", "graduate" })) @PathVariable String change, @RequestBody(required = false) Reason reason,
			@AuthenticationPrincipal Actor actor) {
		var status = Map.of("withdraw", "WITHDRAWN", "transfer", "TRANSFERRED", "graduate", "GRADUATED").get(change);
		return registrations.changeStatus(actor, id, status, reason == null ? null : reason.reason());
	}

	@Operation(summary = "Cases of dual registration in scope (both registrations masked), OPEN or RESOLVED; paged "
			+ "(page from 1, size up to 200), open ones first, the total in the X-Total-Count header")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "How many cases match in all",
			schema = @Schema(type = "integer")))
	@GetMapping("/duplicates")
	List<DuplicateCase> duplicates(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal Actor actor, HttpServletResponse response) {
		var found = duplicates.page(actor, status, PageRequest.of(page, size == null ? PageRequest.MAX_SIZE : size,
				null, Map.of(), null));
		response.setHeader(TOTAL, String.valueOf(found.total()));
		return found.items();
	}

	@Operation(summary = "Run the duplicate batch now; returns how many new cases it found")
	@PostMapping("/duplicates/run")
	Map<String, Integer> findDuplicates(@AuthenticationPrincipal Actor actor) {
		return Map.of("found", duplicates.find(actor));
	}

	@Operation(summary = "Resolve a case: withdraw one of its registrations, or dismiss it, with the reason")
	@PostMapping("/duplicates/{id}/resolve")
	DuplicateCase resolve(@PathVariable long id, @RequestBody Duplicates.Resolution resolution,
			@AuthenticationPrincipal Actor actor) {
		return duplicates.resolve(actor, id, resolution);
	}

	@Operation(summary = "Enrolment per city and year by class level, with the share of the higher levels")
	@GetMapping("/progress")
	List<Map<String, Object>> progress(@RequestParam(required = false) Integer year,
			@AuthenticationPrincipal Actor actor) {
		return progress.byCity(actor, year).stream().map(c -> Map.<String, Object>of("city", c.cityCode(), "year",
				c.year(), "intermediate", c.intermediate(), "senior", c.senior(), "technician", c.technician(),
				"total", c.total(), "higherShare", c.higherShare())).toList();
	}
}
