package cn.gongjiang.supervision.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.Provider;
import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.Downloads;
import cn.gongjiang.shared.web.Sheets;
import cn.gongjiang.subsidy.ClaimSignals;
import cn.gongjiang.subsidy.SubsidyAudit;
import cn.gongjiang.supervision.Inspections;
import cn.gongjiang.supervision.SignalReviews;
import cn.gongjiang.supervision.StarRatings;
import cn.gongjiang.training.ListExport;
import cn.gongjiang.training.TrainingSignals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletResponse;

/** Supervision (SUP-1..4): ratings, status, inspections, anomaly signals, the audit export. */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Supervision")
class SupervisionApiController {

	record Rating(String providerCode, int year, BigDecimal score, String basis) {
	}

	record Status(String status, String reason, LocalDate on) {
	}

	record DrawRequest(String population, int count, Long seed) {
	}

	record Finding(String kind, String targetId, String outcome, String finding) {
	}

	record Inspector(String name, String organisation) {
	}

	/**
	 * An anomaly signal: {@code subject} ("class:12 provider" or "certificate:number issuer") and {@code detail} (in
	 * English) as before; {@code code} and {@code arguments} (durations in seconds, days as ISO dates, certificate
	 * types by code) to render it in any language; {@code key} names it for its review.
	 */
	record Anomaly(String kind, String subject, String detail, String key, String code, List<Object> arguments,
			Instant seenAt, ClaimOverCap claim) {
	}

	/**
	 * What a claims-over-caps signal is about (SUP-3): the scheme, the claimant(s), the person masked (none for what
	 * an organisation claims for itself), the granted claims behind it (none for refused attempts), the cap and what
	 * was claimed against it in {@code unit}: YUAN, YEARS, MONTHS, DAYS, or PERIOD (once a period, claimed again).
	 */
	record ClaimOverCap(String scheme, String claimant, String person, List<Long> claims, BigDecimal cap,
			BigDecimal claimed, String unit) {
	}

	private final StarRatings ratings;
	private final Inspections inspections;
	private final SignalReviews reviews;
	private final SignalSentences sentences;
	private final ListExport export;
	private final OrganisationRegistry organisations;
	private final SubsidyAudit subsidyAudit;
	private final MessageSource messages;
	private final AuditLog audit;
	private final Clock clock;

	SupervisionApiController(StarRatings ratings, Inspections inspections, SignalReviews reviews,
			SignalSentences sentences, ListExport export, OrganisationRegistry organisations, MessageSource messages,
			AuditLog audit, SubsidyAudit subsidyAudit, Clock clock) {
		this.clock = clock;
		this.subsidyAudit = subsidyAudit;
		this.sentences = sentences;
		this.export = export;
		this.messages = messages;
		this.ratings = ratings;
		this.inspections = inspections;
		this.reviews = reviews;
		this.organisations = organisations;
		this.audit = audit;
	}

	@Operation(summary = "Record a private provider's yearly evaluation; its stars follow from the score")
	@PostMapping("/ratings")
	Provider rate(@RequestBody Rating rating, @AuthenticationPrincipal Actor actor) {
		return ratings.rate(actor, rating.providerCode(), rating.year(), rating.score(), rating.basis());
	}

	@Operation(summary = "Suspend, exit or reinstate a provider, with the reason")
	@PostMapping("/providers/{code}/status")
	Provider status(@PathVariable String code, @RequestBody Status status, @AuthenticationPrincipal Actor actor) {
		return organisations.changeStatus(actor, code, status.status(), status.reason(),
				status.on() == null ? LocalDate.now(clock) : status.on());
	}

	@Operation(summary = "Add an inspector to the region's pool")
	@PostMapping("/inspectors")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> inspector(@RequestBody Inspector inspector, @AuthenticationPrincipal Actor actor) {
		return Map.of("id", inspections.addInspector(actor, inspector.name(), inspector.organisation()));
	}

	@Operation(summary = "Draw inspection targets and inspectors (双随机); give the seed to redo a draw")
	@PostMapping("/draws")
	@ResponseStatus(HttpStatus.CREATED)
	Inspections.Draw draw(@RequestBody DrawRequest request, @AuthenticationPrincipal Actor actor) {
		return inspections.draw(actor, request.population(), request.count(), request.seed());
	}

	@Operation(summary = "Draws of the officer's region, newest first; paged (`page`, `size` at most 200), the number "
			+ "of draws in X-Total-Count")
	@GetMapping("/draws")
	ResponseEntity<List<Inspections.Draw>> draws(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Actor actor) {
		var draws = inspections.page(actor, request(page, size));
		return ResponseEntity.ok().header("X-Total-Count", String.valueOf(draws.total())).body(draws.items());
	}

	private static PageRequest request(Integer page, Integer size) {
		return PageRequest.of(page, size == null ? PageRequest.MAX_SIZE : size, null, Map.of(), null);
	}

	@Operation(summary = "Record what the inspection of one target found")
	@PostMapping("/draws/{id}/findings")
	Inspections.Draw finding(@PathVariable long id, @RequestBody Finding finding, @AuthenticationPrincipal Actor actor) {
		return inspections.recordFinding(actor, id, finding.kind(), finding.targetId(), finding.outcome(),
				finding.finding());
	}

	@Operation(summary = "Publish the draw's results (一公开) once every target has its outcome")
	@PostMapping("/draws/{id}/publish")
	Inspections.Draw publish(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return inspections.publish(actor, id);
	}

	@Operation(summary = "Anomaly signals in scope, newest first: overlap attempts, late attendance, shared devices, "
			+ "certificates without training, claims refused over a scheme's cap and granted claims together over it; "
			+ "paged (`page`, `size` at most 200), the number of signals in X-Total-Count")
	@GetMapping("/anomalies")
	ResponseEntity<List<Anomaly>> anomalies(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Actor actor) {
		var found = Page.slice(reviews.all(actor), request(page, size));
		return ResponseEntity.ok().header("X-Total-Count", String.valueOf(found.total()))
				.body(found.items().stream().map(r -> r.signal() != null ? anomaly(r.signal()) : anomaly(r.claim())).toList());
	}

	private Anomaly anomaly(TrainingSignals.Signal s) {
		return new Anomaly(s.kind(),
				s.classId() != null ? "class:" + s.classId() + " " + s.organisation()
						: "certificate:" + s.certificateNumber() + " " + s.organisation(),
				sentences.sentence(s, Locale.ENGLISH), s.key(), s.code(), s.arguments().stream().map(a -> {
					if (a instanceof Duration d) {
						return (Object) d.toSeconds();
					}
					if (a instanceof CertificateType t) {
						return t.code();
					}
					return a instanceof LocalDate day ? day.toString() : a;
				}).toList(), s.seenAt(), null);
	}

	/** A claim's signal (SUP-3): the refused step's sentence among its arguments as its own code and arguments. */
	private Anomaly anomaly(ClaimSignals.Signal s) {
		var arguments = s.arguments().stream().map(a -> a instanceof MessageSourceResolvable r
				? (Object) Map.of("code", r.getCodes()[0], "arguments",
						r.getArguments() == null ? List.of() : List.of(r.getArguments()))
				: a).toList();
		return new Anomaly(s.kind(), "claimant:" + s.claimantName(), sentences.sentence(s, Locale.ENGLISH), s.key(),
				s.code(), arguments, s.seenAt(), new ClaimOverCap(s.scheme(), s.claimantName(), s.person(), s.claims(),
						s.cap(), s.claimed(), s.unit()));
	}

	@Operation(summary = "The year's books for the third-party audit of subsidy funds (xlsx, province): the training "
			+ "records; every decision with its amount, source, batch, bank reference and payment state; the batches "
			+ "that paid them, with their totals")
	@GetMapping("/audit-export.xlsx")
	void auditExport(@RequestParam int year, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response)
			throws IOException {
		if (!actor.is(Role.PROVINCE_OFFICER)) {
			throw actor.refuse("supervision.audit-export", String.valueOf(year), null);
		}
		// SUP-4: the training records and the money they earned, in one workbook the auditor reconciles
		var training = export.auditSheet(year, locale);
		var money = subsidyAudit.sheets(year, locale);
		var sheets = new Sheets().add(training);
		money.forEach(sheets::add);
		var file = Downloads.attachment(response, messages.getMessage("supervision.audit.file", new Object[] { String.valueOf(year) },
				locale), Downloads.XLSX);
		sheets.write(file);
		audit.record(actor, "supervision.audit-export", String.valueOf(year), AuditOutcome.SUCCESS,
				training.rows().size() + " trainees, " + money.get(0).rows().size() + " decision lines");
	}
}
