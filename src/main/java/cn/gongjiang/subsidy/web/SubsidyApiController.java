package cn.gongjiang.subsidy.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.Downloads;
import cn.gongjiang.subsidy.BulkDecision;
import cn.gongjiang.subsidy.FundingSource;
import cn.gongjiang.subsidy.PolicyPack;
import cn.gongjiang.subsidy.PolicyPacks;
import cn.gongjiang.subsidy.SubsidyDecisions;
import cn.gongjiang.subsidy.claims.Claim;
import cn.gongjiang.subsidy.claims.ClaimDocuments;
import cn.gongjiang.subsidy.claims.Claims;
import cn.gongjiang.subsidy.decisions.Decision;
import cn.gongjiang.subsidy.packs.Simulations;
import cn.gongjiang.subsidy.payments.PaymentBatch;
import cn.gongjiang.subsidy.payments.PaymentBatches;
import cn.gongjiang.subsidy.payments.PaymentLine;

/** Subsidy decisions, the packs they follow, budgets, enterprise claims, payment batches and what-ifs (SUB-1..5). */
@RestController
@RequestMapping("/api/v1/subsidies")
@Tag(name = "Subsidies")
class SubsidyApiController {

	/** Money added to a county's budget: {@code fundingSource} one of {@link FundingSource}, the training account if none. */
	record Allocation(String region, int year, BigDecimal amount, String fundingSource) {
	}

	record BatchRequest(String region, String fundingSource) {
	}

	record Verdict(boolean passed, String reason) {
	}

	private final SubsidyDecisions decisions;
	private final PolicyPacks packs;
	private final BulkDecision bulk;
	private final Claims claims;
	private final ClaimDocuments documents;
	private final PaymentBatches batches;
	private final Simulations simulations;
	private final DecisionExport export;
	private final Clock clock;

	SubsidyApiController(SubsidyDecisions decisions, PolicyPacks packs, BulkDecision bulk, Claims claims,
			ClaimDocuments documents, PaymentBatches batches, Simulations simulations, DecisionExport export,
			Clock clock) {
		this.documents = documents;
		this.export = export;
		this.clock = clock;
		this.decisions = decisions;
		this.packs = packs;
		this.bulk = bulk;
		this.claims = claims;
		this.batches = batches;
		this.simulations = simulations;
	}

	@Operation(summary = "Decisions in scope with every step, its clause and verdict; filters certificateNumber, "
			+ "person (registry id), outcome, scheme, year, claim, region (a city or county within scope), from/to "
			+ "(the certificate's issue day), holder (the beneficiary's name); sort decided|issued|amount|certificate "
			+ "(-key descending); paged (page from 0, size ≤ 200), the total in X-Total-Count. A step says why as "
			+ "reason (a message key) with arguments and its amount; detail is the text of decisions made before.")
	@ApiResponse(responseCode = "200", headers = @Header(name = "X-Total-Count", description = "decisions the filter finds",
			schema = @Schema(type = "integer")))
	@GetMapping("/decisions")
	List<Decision> decisions(@RequestParam(required = false) String certificateNumber,
			@RequestParam(required = false) Long person, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String scheme, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long claim, @RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String holder, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
			@AuthenticationPrincipal Actor actor, HttpServletResponse response) {
		var filter = new SubsidyDecisions.Filter(SubsidyWeb.blank(certificateNumber), person, SubsidyWeb.blank(outcome),
				SubsidyWeb.blank(scheme), year, claim, SubsidyWeb.blank(region), from, to, SubsidyWeb.blank(holder));
		var found = decisions.list(actor, filter,
				PageRequest.of(Math.max(0, page) + 1, size, sort, SubsidyDecisions.SORTS, "-decided"));
		response.setHeader("X-Total-Count", String.valueOf(found.total()));
		return found.items();
	}

	@Operation(summary = "The decisions the same filter finds as an xlsx, every column in words (at most 100,000 rows)")
	@GetMapping("/decisions/export.xlsx")
	void exportDecisions(@RequestParam(required = false) String certificateNumber,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String scheme,
			@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String holder, @RequestParam(required = false) Long claim,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		var filter = SubsidyWeb.filter(certificateNumber, outcome, scheme, region, from, to, holder, claim);
		var file = Downloads.attachment(response, export.fileName(locale, LocalDate.now(clock)), Downloads.XLSX);
		export.write(actor, filter, PageRequest.of(1, 1, sort, SubsidyDecisions.SORTS, "-decided"), locale,
				file);
	}

	@Operation(summary = "Override a decision: GRANTED with an amount or DENIED, always with a reason and an expiry")
	@PostMapping("/decisions/{id}/override")
	Decision override(@PathVariable long id, @RequestBody SubsidyDecisions.OverrideRequest request,
			@AuthenticationPrincipal Actor actor) {
		return decisions.override(actor, id, request);
	}

	/** An officer's verdict on a grant held for a signal on its training: pay it or refuse it, with what was found. */
	record HeldVerdict(boolean pay, String reason) {
	}

	@Operation(summary = "Pay or refuse a grant held because its training carries a signal (a class with no order "
			+ "entered after it began, several trainees on one device); officers of the paying region, once, with a reason")
	@PostMapping("/decisions/{id}/held-verdict")
	Decision decideHeld(@PathVariable long id, @RequestBody HeldVerdict verdict, @AuthenticationPrincipal Actor actor) {
		return decisions.decideHeld(actor, id, verdict.pay(), verdict.reason());
	}

	@Operation(summary = "Decide every valid certificate without a decision (the province; runs to the end)")
	@PostMapping("/decisions/bulk")
	BulkDecision.Run decideAll(@AuthenticationPrincipal Actor actor) {
		return bulk.decideAll(actor);
	}

	@Operation(summary = "The published pack versions with their parameters and sources")
	@GetMapping("/packs")
	List<PolicyPack> packs() {
		return packs.published();
	}

	@Operation(summary = "Draft the next version of a scope's pack, in full, from a date")
	@PostMapping("/packs")
	@ResponseStatus(HttpStatus.CREATED)
	PolicyPack draft(@RequestBody PolicyPacks.Draft draft, @AuthenticationPrincipal Actor actor) {
		return packs.draft(actor, draft);
	}

	@Operation(summary = "What a draft changes against the version in force on its date")
	@GetMapping("/packs/{id}/compare")
	List<PolicyPacks.Difference> compare(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return packs.compare(actor, id);
	}

	@Operation(summary = "Publish a draft: another officer than the one who drafted it")
	@PostMapping("/packs/{id}/publish")
	PolicyPack publish(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return packs.publish(actor, id);
	}

	@Operation(summary = "What-if: a draft version over a year's certificates (default last year) against the versions "
			+ "in force; nothing is written")
	@PostMapping("/simulations")
	Simulations.Result simulate(@RequestBody Simulations.Request request, @AuthenticationPrincipal Actor actor) {
		return simulations.simulate(actor, request);
	}

	@Operation(summary = "Add money to a county's budget from a funding source (SKILLS_ACCOUNT if none) for a year; "
			+ "decisions waiting for that budget are granted, oldest first")
	@PostMapping("/budgets")
	Map<String, Integer> allocate(@RequestBody Allocation allocation, @AuthenticationPrincipal Actor actor) {
		var source = allocation.fundingSource() == null ? FundingSource.SKILLS_ACCOUNT
				: FundingSource.ofCode(allocation.fundingSource());
		if (source == null) {
			throw new InvalidValueException("subsidy.budget.source", allocation.fundingSource());
		}
		return Map.of("released",
				decisions.allocate(actor, allocation.region(), source, allocation.year(),
						Money.ofNullable(allocation.amount())));
	}

	@Operation(summary = "The budgets of the officer's region: allocated, committed, left and waiting, per county, "
			+ "funding source and year; paged, newest year first, the number of rows in X-Total-Count")
	@ApiResponse(responseCode = "200", headers = @Header(name = "X-Total-Count", description = "rows matching the filter",
			schema = @Schema(type = "integer")))
	@GetMapping("/budgets")
	List<SubsidyDecisions.BudgetLine> budgets(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String fundingSource, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
			@AuthenticationPrincipal Actor actor, HttpServletResponse response) {
		var found = decisions.budgets(actor, new SubsidyDecisions.BudgetFilter(year, SubsidyWeb.blank(fundingSource),
				SubsidyWeb.blank(region)), PageRequest.of(Math.max(0, page) + 1, size, null, Map.of(), null));
		response.setHeader("X-Total-Count", String.valueOf(found.total()));
		return found.items();
	}

	@Operation(summary = "The schemes open to the claimant's city, with the evidence each needs")
	@GetMapping("/claims/schemes")
	List<Claims.Scheme> schemes(@AuthenticationPrincipal Actor actor) {
		return claims.schemes(actor);
	}

	@Operation(summary = "The enterprise's hires recorded here (REC-3) that a per-hire scheme (PROJECT_HIRE) can be "
			+ "claimed with, each with the person's best valid certificate; people already claimed for are left out")
	@GetMapping("/claims/recorded-hires")
	List<Claims.RecordedHire> recordedHires(@RequestParam(defaultValue = "PROJECT_HIRE") String scheme,
			@AuthenticationPrincipal Actor actor) {
		return claims.recordedHires(actor, scheme);
	}

	@Operation(summary = "Submit a claim under an enterprise scheme with its evidence and the account to pay; a "
			+ "per-hire scheme may name a recorded hire as evidence {\"placementId\": …} instead of the ID number, "
			+ "name, hiring day and certificate")
	@PostMapping("/claims")
	@ResponseStatus(HttpStatus.CREATED)
	Claim submit(@RequestBody Claims.Submission submission, @AuthenticationPrincipal Actor actor) {
		return claims.submit(actor, submission);
	}

	@Operation(summary = "The claimant's claims; an officer's region's; filters status, scheme, claimant (part of "
			+ "its name, officers); sort submitted|amount|status|claimant; paged (page from 1, size ≤ 200), the total "
			+ "in X-Total-Count")
	@ApiResponse(responseCode = "200", headers = @Header(name = "X-Total-Count", description = "claims the filter finds",
			schema = @Schema(type = "integer")))
	@GetMapping("/claims")
	List<Claim> claims(@RequestParam(required = false) String status, @RequestParam(required = false) String scheme,
			@RequestParam(required = false) String claimant, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "200") int size,
			@AuthenticationPrincipal Actor actor, HttpServletResponse response) {
		var found = claims.list(actor, new Claims.Filter(status, scheme, claimant),
				PageRequest.of(page, size, sort, Claims.SORTS, "-submitted"));
		response.setHeader("X-Total-Count", String.valueOf(found.total()));
		return found.items();
	}

	@Operation(summary = "An enterprise subsidy claim in scope")
	@GetMapping("/claims/{id}")
	Claim claim(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return claims.claim(actor, id);
	}

	@Operation(summary = "Attach evidence files to the claimant's own claim while it waits for review (multipart, one "
			+ "or more parts named file): PDF, JPEG or PNG as told by the content, at most 10 MB a file and 5 a claim; "
			+ "each is kept with its SHA-256")
	@PostMapping(path = "/claims/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	List<ClaimDocuments.Document> attach(@PathVariable long id,
			@RequestPart(name = "file", required = false) List<MultipartFile> files, @AuthenticationPrincipal Actor actor) {
		return documents.attach(actor, id, SubsidyWeb.uploads(files));
	}

	@Operation(summary = "The evidence files of a claim in scope, oldest first: name, type, size and SHA-256")
	@GetMapping("/claims/{id}/documents")
	List<ClaimDocuments.Document> documents(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return documents.documents(actor, id);
	}

	@Operation(summary = "One evidence file of a claim in scope, byte for byte as uploaded, under its original name")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream",
			schema = @Schema(type = "string", format = "binary")))
	@GetMapping("/claims/{id}/documents/{document}")
	void document(@PathVariable long id, @PathVariable long document, @AuthenticationPrincipal Actor actor,
			HttpServletResponse response) throws IOException {
		SubsidyWeb.send(documents.open(actor, id, document), response);
	}

	@Operation(summary = "Review a submitted claim: passed on for approval, or rejected with a reason")
	@PostMapping("/claims/{id}/review")
	Claim review(@PathVariable long id, @RequestBody Verdict verdict, @AuthenticationPrincipal Actor actor) {
		return claims.review(actor, id, verdict.passed(), verdict.reason());
	}

	@Operation(summary = "Approve (another officer than the reviewer) or reject a reviewed claim")
	@PostMapping("/claims/{id}/decision")
	Claim decide(@PathVariable long id, @RequestBody Verdict verdict, @AuthenticationPrincipal Actor actor) {
		return claims.decide(actor, id, verdict.passed(), verdict.reason());
	}

	@Operation(summary = "What is due and in no batch, per paying region and funding source")
	@GetMapping("/payments/queue")
	List<PaymentBatches.Due> queue(@AuthenticationPrincipal Actor actor) {
		return batches.queue(actor);
	}

	@Operation(summary = "Open a batch for a paying region and funding source, filled from the queue (a DRAFT)")
	@PostMapping("/payments/batches")
	@ResponseStatus(HttpStatus.CREATED)
	PaymentBatch open(@RequestBody BatchRequest request, @AuthenticationPrincipal Actor actor) {
		return batches.open(actor, request.region(), request.fundingSource());
	}

	@Operation(summary = "The batches of the officer's region, optionally in one status; sort opened|total|lines|status; "
			+ "paged (page from 1, size ≤ 200), the total in X-Total-Count")
	@ApiResponse(responseCode = "200", headers = @Header(name = "X-Total-Count", description = "batches the filter finds",
			schema = @Schema(type = "integer")))
	@GetMapping("/payments/batches")
	List<PaymentBatch> batches(@RequestParam(required = false) String status, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "200") int size,
			@AuthenticationPrincipal Actor actor, HttpServletResponse response) {
		var found = batches.list(actor, status, PageRequest.of(page, size, sort, PaymentBatches.SORTS, "-opened"));
		response.setHeader("X-Total-Count", String.valueOf(found.total()));
		return found.items();
	}

	@Operation(summary = "A payment batch in scope: its status and totals")
	@GetMapping("/payments/batches/{id}")
	PaymentBatch batch(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return batches.batch(actor, id);
	}

	@Operation(summary = "The lines of a payment batch, one per payee")
	@GetMapping("/payments/batches/{id}/lines")
	List<PaymentLine> lines(@PathVariable long id, @RequestParam(defaultValue = "1000") int limit,
			@AuthenticationPrincipal Actor actor) {
		return batches.lines(actor, id, Math.min(limit, 10_000));
	}

	@Operation(summary = "Approve a draft batch: another officer than the one who opened it. With the version read, a "
			+ "batch changed since answers 409 (subsidy.batch.changed), as does an approval lost to a racing officer")
	@PostMapping("/payments/batches/{id}/approve")
	PaymentBatch approve(@PathVariable long id, @RequestParam(required = false) Integer version,
			@AuthenticationPrincipal Actor actor) {
		return batches.approve(actor, id, version);
	}

	@Operation(summary = "The bank file (csv, csv-gbk or xlsx); the first download sends the batch. The bank's statement "
			+ "comes back through POST /api/v1/imports/payment-statement. With the version read, a batch changed since "
			+ "answers 409 (subsidy.batch.changed), as does a first download lost to a racing officer")
	@GetMapping("/payments/batches/{id}/bank-file")
	void bankFile(@PathVariable long id, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) Integer version, @AuthenticationPrincipal Actor actor,
			HttpServletResponse response) throws IOException {
		SubsidyWeb.download(format, id, response, (f, out) -> batches.bankFile(actor, id, f, out, version));
	}
}
