package cn.gongjiang.targets.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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

import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.Downloads;
import cn.gongjiang.targets.CityReport;
import cn.gongjiang.targets.CityReports;
import cn.gongjiang.targets.Indicator;
import cn.gongjiang.targets.Milestone;
import cn.gongjiang.targets.Milestones;
import cn.gongjiang.targets.Progress;
import cn.gongjiang.targets.ReturnReport;
import cn.gongjiang.targets.Returns;
import cn.gongjiang.targets.Rollups;
import cn.gongjiang.targets.TargetMonitor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletResponse;

/** Targets, progress, returns, milestones and city reports (TGT-1..5). */
@RestController
@RequestMapping("/api/v1/targets")
@Tag(name = "Targets")
class TargetApiController {

	/** One row of progress as the API gives it. */
	record ProgressRow(long targetId, String indicator, String region, String department, String label, String period,
			LocalDate periodStart, LocalDate periodEnd, String comparator, BigDecimal target, String unit,
			BigDecimal actual, String actualSource, Double progress, double elapsedShare, String status, LocalDate asOf,
			String source) {
	}

	record IndicatorRow(String code, String nameZh, String nameEn, String unit, boolean computed) {
	}

	record RankedRow(int rank, ProgressRow progress) {
	}

	record MilestoneDone(String evidence, LocalDate completedOn) {
	}

	record Reason(String reason) {
	}

	record Comment(String comment) {
	}

	record Narrative(String narrative, boolean submit) {
	}

	/** Where a paged list's total goes, so that its body stays the array it always was. */
	static final String TOTAL = "X-Total-Count";

	private final TargetMonitor monitor;
	private final Returns returns;
	private final Milestones milestones;
	private final CityReports reports;
	private final Rollups rollups;

	TargetApiController(TargetMonitor monitor, Returns returns, Milestones milestones, CityReports reports,
			Rollups rollups) {
		this.monitor = monitor;
		this.returns = returns;
		this.milestones = milestones;
		this.reports = reports;
		this.rollups = rollups;
	}

	@Operation(summary = "The indicators, with their names in Chinese and English and whether the platform computes them")
	@GetMapping("/indicators")
	List<IndicatorRow> indicators() {
		return monitor.indicators().stream()
				.map(i -> new IndicatorRow(i.code(), i.nameZh(), i.nameEn(), i.unit(), i.computed())).toList();
	}

	@Operation(summary = "Targets with actual, progress, elapsed share (序时进度) and status, in the viewer's scope. "
			+ "children=true: the region's direct children (drill-down)")
	@GetMapping
	List<ProgressRow> progress(@RequestParam(required = false) String indicator,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean children,
			@RequestParam(required = false) String department, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@AuthenticationPrincipal Actor actor) {
		var units = units();
		return monitor.progress(actor, new TargetMonitor.Query(indicator, region, children, department, year, asOf))
				.stream().map(p -> row(p, units)).toList();
	}

	@Operation(summary = "The 11 cities ranked on one indicator and year")
	@GetMapping("/ranking")
	List<RankedRow> ranking(@RequestParam String indicator, @RequestParam int year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@AuthenticationPrincipal Actor actor) {
		var units = units();
		return monitor.ranking(actor, indicator, year, asOf).stream()
				.map(r -> new RankedRow(r.rank(), row(r.progress(), units))).toList();
	}

	@Operation(summary = "Returns (上报) in scope, optionally by status SUBMITTED, RETURNED or APPROVED, indicator, region "
			+ "(and below), department and year of the as-of date; paged (page from 1, size up to 200, sort asOf, "
			+ "indicator, status, submittedAt or value, -name for descending), the total in the X-Total-Count header")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "How many returns match in all",
			schema = @Schema(type = "integer")))
	@GetMapping("/returns")
	List<ReturnReport> returns(@RequestParam(required = false) String status,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String region,
			@RequestParam(required = false) String department, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor,
			HttpServletResponse response) {
		var found = returns.page(actor, new Returns.Filter(status, indicator, region, department, year),
				PageRequest.of(page, size == null ? PageRequest.MAX_SIZE : size, sort, Returns.SORTS, "-asOf"));
		response.setHeader(TOTAL, String.valueOf(found.total()));
		return found.items();
	}

	@Operation(summary = "Report a figure the platform does not compute: a region's own, or a department's")
	@PostMapping("/returns")
	@ResponseStatus(HttpStatus.CREATED)
	ReturnReport submit(@RequestBody Returns.Submission submission, @AuthenticationPrincipal Actor actor) {
		return returns.submit(actor, submission);
	}

	@Operation(summary = "Approve a return (the level directly above; only when every return below is approved); locks it. "
			+ "With the version read, a return changed since answers 409 (targets.return.changed)")
	@PostMapping("/returns/{id}/approve")
	ReturnReport approve(@PathVariable long id, @RequestParam(required = false) Integer version,
			@AuthenticationPrincipal Actor actor) {
		return returns.approve(actor, id, version);
	}

	@Operation(summary = "Send a return back to its owner with a comment. With the version read, a return changed since "
			+ "answers 409 (targets.return.changed)")
	@PostMapping("/returns/{id}/send-back")
	ReturnReport sendBack(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestBody Comment comment, @AuthenticationPrincipal Actor actor) {
		return returns.sendBack(actor, id, comment.comment(), version);
	}

	@Operation(summary = "Milestones of the department task list, with their state; optionally by due year, state (OPEN, "
			+ "DONE, OVERDUE) and department; paged (page from 1, size up to 200, sort dueOn, taskLine or status), "
			+ "the total in the X-Total-Count header")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "How many milestones match in all",
			schema = @Schema(type = "integer")))
	@GetMapping("/milestones")
	List<Milestone> milestones(@RequestParam(required = false) Integer dueYear,
			@RequestParam(required = false) String state, @RequestParam(required = false) String department,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor,
			HttpServletResponse response) {
		var found = milestones.page(actor, new Milestones.Filter(dueYear, state, department),
				PageRequest.of(page, size == null ? PageRequest.MAX_SIZE : size, sort, Milestones.SORTS, "dueOn"));
		response.setHeader(TOTAL, String.valueOf(found.total()));
		return found.items();
	}

	@Operation(summary = "Mark a milestone done with its evidence")
	@PostMapping("/milestones/{id}/done")
	Milestone done(@PathVariable long id, @RequestBody MilestoneDone done, @AuthenticationPrincipal Actor actor) {
		return milestones.complete(actor, id, done.evidence(), done.completedOn());
	}

	@Operation(summary = "Reopen a milestone (province), with a reason")
	@PostMapping("/milestones/{id}/reopen")
	Milestone reopen(@PathVariable long id, @RequestBody Reason reason, @AuthenticationPrincipal Actor actor) {
		return milestones.reopen(actor, id, reason.reason());
	}

	@Operation(summary = "A city's quarterly report (quarter 1-4) or yearly summary (quarter 0)")
	@GetMapping("/reports/{city}/{year}/{quarter}")
	CityReport report(@PathVariable String city, @PathVariable int year, @PathVariable int quarter,
			@AuthenticationPrincipal Actor actor) {
		return reports.report(actor, city, year, quarter);
	}

	@Operation(summary = "The city writes (and with submit=true submits) its report's narrative")
	@PutMapping("/reports/{city}/{year}/{quarter}")
	CityReport narrative(@PathVariable String city, @PathVariable int year, @PathVariable int quarter,
			@RequestBody Narrative narrative, @AuthenticationPrincipal Actor actor) {
		return reports.saveNarrative(actor, city, year, quarter, narrative.narrative(), narrative.submit());
	}

	@Operation(summary = "The report as xlsx")
	@GetMapping("/reports/{city}/{year}/{quarter}.xlsx")
	void xlsx(@PathVariable String city, @PathVariable int year, @PathVariable int quarter,
			@AuthenticationPrincipal Actor actor, Locale locale, HttpServletResponse response) throws IOException {
		var report = reports.report(actor, city, year, quarter);
		var file = Downloads.attachment(response, reports.fileName(report, locale, "xlsx"), Downloads.XLSX);
		reports.writeXlsx(report, indicatorsByCode(), locale, file);
	}

	@Operation(summary = "The report as PDF")
	@GetMapping("/reports/{city}/{year}/{quarter}.pdf")
	void pdf(@PathVariable String city, @PathVariable int year, @PathVariable int quarter,
			@AuthenticationPrincipal Actor actor, Locale locale, HttpServletResponse response) throws IOException {
		var report = reports.report(actor, city, year, quarter);
		var bytes = new ByteArrayOutputStream();
		reports.writePdf(report, indicatorsByCode(), locale, bytes);
		var file = Downloads.attachment(response, reports.fileName(report, locale, "pdf"), Downloads.PDF);
		bytes.writeTo(file);
	}

	@Operation(summary = "Recompute the rollups from the recorded contributions (province); the numbers must not change")
	@PostMapping("/rollups/rebuild")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void rebuild(@AuthenticationPrincipal Actor actor) {
		if (!actor.is(Role.PROVINCE_OFFICER)) {
			throw new AccessDeniedException("province only");
		}
		rollups.rebuild(actor);
	}

	private Map<String, Indicator> indicatorsByCode() {
		return monitor.indicators().stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
	}

	private Map<String, String> units() {
		return monitor.indicators().stream().collect(Collectors.toMap(Indicator::code, Indicator::unit));
	}

	static ProgressRow row(Progress p, Map<String, String> units) {
		var t = p.target();
		return new ProgressRow(t.id(), t.indicator(), t.regionCode(), t.department(), t.label(), t.periodLabel(),
				t.periodStart(), t.periodEnd(), t.comparator().name(), t.value(), units.get(t.indicator()), p.actual(),
				p.actualSource(), p.progress(), p.elapsedShare(), p.status().name(), p.asOf(), t.source());
	}
}
