package cn.gongjiang.training.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.Downloads;
import cn.gongjiang.training.Attendance;
import cn.gongjiang.training.CatalogueEntry;
import cn.gongjiang.training.ClassEnrolment;
import cn.gongjiang.training.ClassEnrolments;
import cn.gongjiang.training.DemandItem;
import cn.gongjiang.training.DemandSurvey;
import cn.gongjiang.training.ListExport;
import cn.gongjiang.training.Results;
import cn.gongjiang.training.SubsidyCatalogue;
import cn.gongjiang.training.ThreeLists;
import cn.gongjiang.training.TrainingClass;
import cn.gongjiang.training.TrainingClasses;
import cn.gongjiang.training.TrainingFilter;
import cn.gongjiang.training.TrainingOrder;
import cn.gongjiang.training.TrainingOrders;
import cn.gongjiang.training.Voucher;
import cn.gongjiang.training.Vouchers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Demand, the three lists, the catalogue (DEM-1..3) and the training loop (TRN-1..5). Lists page with {@code page}
 * (from 1) and {@code size} (at most 200, the default), filter as their console pages do, and carry the number of
 * rows matching the filter in {@code X-Total-Count}; the body stays the array it always was.
 */
@RestController
@Tag(name = "Training")
class TrainingApiController {

	record Attended(List<Long> enrolmentIds) {
	}

	record Code(String code) {
	}

	/** A key enterprise with its reasons in the reader's language ({@code reasons}) and as codes ({@code reasonCodes}). */
	record KeyEnterpriseRow(String creditCode, String name, String region, String cluster, String size,
			int openHeadcount, List<String> reasons, List<ThreeLists.Reason> reasonCodes) {
	}

	static final String TOTAL = "X-Total-Count";

	private final DemandSurvey survey;
	private final ThreeLists lists;
	private final ListExport export;
	private final SubsidyCatalogue catalogue;
	private final TrainingOrders orders;
	private final TrainingClasses classes;
	private final ClassEnrolments enrolments;
	private final Attendance attendance;
	private final Results results;
	private final Vouchers vouchers;
	private final MessageSource messages;
	private final Clock clock;

	TrainingApiController(DemandSurvey survey, ThreeLists lists, ListExport export, SubsidyCatalogue catalogue,
			TrainingOrders orders, TrainingClasses classes, ClassEnrolments enrolments, Attendance attendance,
			Results results, Vouchers vouchers, MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
		this.survey = survey;
		this.lists = lists;
		this.export = export;
		this.catalogue = catalogue;
		this.orders = orders;
		this.classes = classes;
		this.enrolments = enrolments;
		this.attendance = attendance;
		this.results = results;
		this.vouchers = vouchers;
	}

	@Operation(summary = "Submit skill demand: an enterprise its own; an officer from a visit, questionnaire or report")
	@PostMapping("/api/v1/demand/items")
	@ResponseStatus(HttpStatus.CREATED)
	DemandItem submit(@RequestBody DemandItem.Entry entry, @AuthenticationPrincipal Actor actor) {
		return survey.submit(actor, entry);
	}

	@Operation(summary = "Demand in scope (open unless `status` says otherwise), filtered and paged")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "rows matching the filter",
			schema = @Schema(type = "integer")))
	@GetMapping("/api/v1/demand/items")
	ResponseEntity<List<DemandItem>> demand(@ParameterObject TrainingFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor) {
		return paged(survey.page(actor, filter.status() == null ? filter.withStatus("OPEN") : filter,
				request(page, size, sort, ThreeLists.DEMAND_SORTS, "neededBy")));
	}

	@Operation(summary = "Close a demand item (filled or withdrawn)")
	@PostMapping("/api/v1/demand/items/{id}/close")
	DemandItem close(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return survey.close(actor, id);
	}

	@Operation(summary = "重点企业名单: key enterprises in scope with the reasons each is key, most open demand first")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "rows matching the filter",
			schema = @Schema(type = "integer")))
	@GetMapping("/api/v1/demand/key-enterprises")
	ResponseEntity<List<KeyEnterpriseRow>> keyEnterprises(@ParameterObject TrainingFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor, Locale locale) {
		return paged(lists.keyEnterprises(actor, filter, request(page, size, sort, ThreeLists.KEY_SORTS, "-headcount"))
				.map(k -> new KeyEnterpriseRow(k.creditCode(), k.name(), k.region(), k.cluster(), k.size(),
						k.openHeadcount(), k.reasons().stream()
								.map(r -> messages.getMessage(r.code(), r.arguments().toArray(), r.code(), locale)).toList(),
						k.reasons())));
	}

	@Operation(summary = "重点企业名单 as xlsx, the filtered set")
	@GetMapping("/api/v1/demand/key-enterprises.xlsx")
	void keyEnterprisesXlsx(@ParameterObject TrainingFilter filter, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		var file = Downloads.attachment(response, fileName("training.key-enterprises", locale), Downloads.XLSX);
		export.keyEnterprises(actor, filter, locale, file);
	}

	@Operation(summary = "用工需求清单: open labour demand in scope, filtered and paged")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "rows matching the filter",
			schema = @Schema(type = "integer")))
	@GetMapping("/api/v1/demand/labour-demand")
	ResponseEntity<List<DemandItem>> labourDemand(@ParameterObject TrainingFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor) {
		return paged(lists.labourDemand(actor, filter, request(page, size, sort, ThreeLists.DEMAND_SORTS, "neededBy")));
	}

	@Operation(summary = "用工需求清单 as xlsx, the filtered set")
	@GetMapping("/api/v1/demand/labour-demand.xlsx")
	void labourDemandXlsx(@ParameterObject TrainingFilter filter, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		var file = Downloads.attachment(response, fileName("training.labour-demand", locale), Downloads.XLSX);
		export.labourDemand(actor, filter, locale, file);
	}

	@Operation(operationId = "demandTrainingOrders",
			summary = "职业技能培训订单清单: demand to train and the order that took it up; `status` NONE for none yet")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "rows matching the filter",
			schema = @Schema(type = "integer")))
	@GetMapping("/api/v1/demand/training-orders")
	ResponseEntity<List<ThreeLists.TrainingWish>> trainingOrders(@ParameterObject TrainingFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor) {
		return paged(lists.trainingOrders(actor, filter, request(page, size, sort, ThreeLists.WISH_SORTS, "enterprise")));
	}

	@Operation(summary = "职业技能培训订单清单 as xlsx, the filtered set")
	@GetMapping("/api/v1/demand/training-orders.xlsx")
	void trainingOrdersXlsx(@ParameterObject TrainingFilter filter, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		var file = Downloads.attachment(response, fileName("training.training-orders", locale), Downloads.XLSX);
		export.trainingOrders(actor, filter, locale, file);
	}

	/** 用工需求清单-2026-12-01.xlsx: the list's name in the reader's language and the day it was taken. */
	private String fileName(String list, Locale locale) {
		return messages.getMessage("training.file", new Object[] { messages.getMessage(list, null, locale),
				LocalDate.now(clock).toString() }, locale);
	}

	@Operation(summary = "The rule that makes an enterprise key besides designation")
	@GetMapping("/api/v1/demand/key-rule")
	ThreeLists.KeyRule rule() {
		return lists.rule();
	}

	@Operation(summary = "Change the key-enterprise rule (province)")
	@PutMapping("/api/v1/demand/key-rule")
	ThreeLists.KeyRule changeRule(@RequestBody ThreeLists.KeyRule rule, @AuthenticationPrincipal Actor actor) {
		return lists.changeRule(actor, rule);
	}

	@Operation(summary = "The subsidised training catalogue in force, filtered by occupation and grade, paged")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "rows matching the filter",
			schema = @Schema(type = "integer")))
	@GetMapping("/api/v1/demand/catalogue")
	ResponseEntity<List<CatalogueEntry>> catalogue(@ParameterObject TrainingFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort) {
		return paged(catalogue.page(filter, request(page, size, sort, SubsidyCatalogue.SORTS, "occupation")));
	}

	@Operation(summary = "Add an entry, or a new version of one from a date (province)")
	@PostMapping("/api/v1/demand/catalogue")
	@ResponseStatus(HttpStatus.CREATED)
	CatalogueEntry addEntry(@RequestBody SubsidyCatalogue.Entry entry, @AuthenticationPrincipal Actor actor) {
		return catalogue.add(actor, entry);
	}

	@Operation(summary = "Open demand against the catalogue: occupations not covered or short come first; "
			+ "`status` MISSING, SHORTAGE or COVERED")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "rows matching the filter",
			schema = @Schema(type = "integer")))
	@GetMapping("/api/v1/demand/catalogue/unmet")
	ResponseEntity<List<SubsidyCatalogue.Unmet>> unmet(@ParameterObject TrainingFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal Actor actor) {
		return paged(catalogue.unmet(actor, filter, request(page, size, null, Map.of(), null)));
	}

	@Operation(summary = "Place a training order (enterprise, or an officer for it)")
	@PostMapping("/api/v1/training/orders")
	@ResponseStatus(HttpStatus.CREATED)
	TrainingOrder place(@RequestBody TrainingOrder.Request request, @AuthenticationPrincipal Actor actor) {
		return orders.place(actor, request);
	}

	@Operation(summary = "Orders in scope: an enterprise its own, a provider those it took, officers their region's")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "rows matching the filter",
			schema = @Schema(type = "integer")))
	@GetMapping("/api/v1/training/orders")
	ResponseEntity<List<TrainingOrder>> orders(@ParameterObject TrainingFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor) {
		return paged(orders.list(actor, filter, request(page, size, sort, TrainingOrders.SORTS, "-createdAt")));
	}

	@Operation(summary = "Open orders a provider may take up (its city, or online)")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "rows matching the filter",
			schema = @Schema(type = "integer")))
	@GetMapping("/api/v1/training/orders/open")
	ResponseEntity<List<TrainingOrder>> open(@ParameterObject TrainingFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor) {
		return paged(orders.openFor(actor, filter, request(page, size, sort, TrainingOrders.SORTS, "wantedStart")));
	}

	@Operation(summary = "Take up (接单) an open order: returns the class it opens")
	@PostMapping("/api/v1/training/orders/{id}/accept")
	@ResponseStatus(HttpStatus.CREATED)
	TrainingClass accept(@PathVariable long id, @RequestBody TrainingClass.Plan plan,
			@AuthenticationPrincipal Actor actor) {
		return orders.accept(actor, id, plan);
	}

	@Operation(summary = "What became of an order: classes, enrolled, completed, certified")
	@GetMapping("/api/v1/training/orders/{id}/outcome")
	TrainingOrder.Outcome outcome(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return orders.outcome(actor, id);
	}

	@Operation(summary = "Cancel an order no provider has taken up yet (409 training.order.taken otherwise)")
	@PostMapping("/api/v1/training/orders/{id}/cancel")
	TrainingOrder cancel(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return orders.cancel(actor, id);
	}

	@Operation(summary = "Open a class without an order (provider)")
	@PostMapping("/api/v1/training/classes")
	@ResponseStatus(HttpStatus.CREATED)
	TrainingClass openClass(@RequestBody TrainingClass.Plan plan, @AuthenticationPrincipal Actor actor) {
		return classes.open(actor, null, plan);
	}

	@Operation(summary = "Classes in scope (a provider its own, officers their region's), newest first; "
			+ "`status` OPEN, ENDED (last session over, not completed) or FINISHED")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "rows matching the filter",
			schema = @Schema(type = "integer")))
	@GetMapping("/api/v1/training/classes")
	ResponseEntity<List<TrainingClass>> classes(@ParameterObject TrainingFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor) {
		return paged(classes.page(actor, filter, request(page, size, sort, TrainingClasses.SORTS, "-id"))
				.map(c -> classes.find(c.id())));
	}

	@Operation(summary = "One class with its sessions (its provider, or officers covering it)")
	@GetMapping("/api/v1/training/classes/{id}")
	TrainingClass trainingClass(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		var viewer = classes.viewer(actor, id);
		if (viewer.isEmpty() || !(viewer.get() == TrainingClasses.Viewer.PROVIDER
				|| viewer.get() == TrainingClasses.Viewer.OFFICER)) {
			throw new NotFoundException("training.class.not-found");
		}
		return classes.find(id);
	}

	@Operation(summary = "Edit the class as seen at `version`; 409 when it changed meanwhile")
	@PutMapping("/api/v1/training/classes/{id}")
	TrainingClass edit(@PathVariable long id, @RequestParam int version, @RequestBody TrainingClass.Plan plan,
			@AuthenticationPrincipal Actor actor) {
		return classes.edit(actor, id, version, plan);
	}

	@Operation(summary = "A class opened on its own joins an open order (TRN-1) before its first session, as seen at "
			+ "`version`: same occupation and grade, its seats within the order's remaining; 409 when either changed")
	@PutMapping("/api/v1/training/classes/{id}/order")
	TrainingClass joinOrder(@PathVariable long id, @RequestParam int version,
			@RequestBody TrainingClass.OrderLink link, @AuthenticationPrincipal Actor actor) {
		return orders.attach(actor, id, link.orderId(), version);
	}

	@Operation(summary = "Enrol a trainee by real name: 409 training.overlapping-enrolment or training.class-full")
	@PostMapping("/api/v1/training/classes/{id}/enrolments")
	ResponseEntity<ClassEnrolment> enrol(@PathVariable long id, @RequestBody ClassEnrolment.Request request,
			@AuthenticationPrincipal Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(enrolments.enrol(actor, id, request));
	}

	@Operation(summary = "The trainees enrolled in a class, by real name")
	@GetMapping("/api/v1/training/classes/{id}/enrolments")
	List<ClassEnrolment> enrolled(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return enrolments.ofClass(actor, id);
	}

	@Operation(summary = "Mark who attended a session (provider)")
	@PostMapping("/api/v1/training/classes/{id}/sessions/{session}/attendance")
	Map<String, Integer> attend(@PathVariable long id, @PathVariable long session, @RequestBody Attended attended,
			@AuthenticationPrincipal Actor actor) {
		return Map.of("marked", attendance.record(actor, id, session, attended.enrolmentIds()));
	}

	@Operation(summary = "The rotating check-in code to show in class now (provider)")
	@GetMapping("/api/v1/training/classes/{id}/sessions/{session}/code")
	Code code(@PathVariable long id, @PathVariable long session, @AuthenticationPrincipal Actor actor) {
		return new Code(attendance.currentCode(actor, id, session));
	}

	@Operation(summary = "A trainee checks in with the code shown in class")
	@PostMapping("/api/v1/training/sessions/{session}/check-in")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void checkIn(@PathVariable long session, @RequestBody Code code, @AuthenticationPrincipal Actor actor) {
		attendance.checkIn(actor, session, code.code());
	}

	@Operation(summary = "Complete the class after its last session: attendance against its rule")
	@PostMapping("/api/v1/training/classes/{id}/complete")
	TrainingClass complete(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return attendance.complete(actor, id);
	}

	@Operation(summary = "Record results; a pass with a certificate issues it through certification")
	@PostMapping("/api/v1/training/classes/{id}/results")
	List<ClassEnrolment> results(@PathVariable long id, @RequestBody List<Results.Result> body,
			@AuthenticationPrincipal Actor actor) {
		return results.record(actor, id, body);
	}

	@Operation(summary = "An enterprise's own evaluation or direct recognition of an employee's grade (001 (七))")
	@PostMapping("/api/v1/training/grade-recognitions")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void recognise(@RequestBody Results.Recognition recognition, @AuthenticationPrincipal Actor actor) {
		results.recognise(actor, recognition);
	}

	@Operation(summary = "Issue a training voucher to a person (officer)")
	@PostMapping("/api/v1/training/vouchers")
	@ResponseStatus(HttpStatus.CREATED)
	Voucher issue(@RequestBody Voucher.Request request, @AuthenticationPrincipal Actor actor) {
		return vouchers.issue(actor, request);
	}

	record GroupIssue(String group, long catalogueEntryId, LocalDate validUntil) {
	}

	@Operation(summary = "Issue vouchers to every person of a listed group in the officer's region, once each")
	@PostMapping("/api/v1/training/vouchers/groups")
	Map<String, Integer> issueToGroup(@RequestBody GroupIssue issue, @AuthenticationPrincipal Actor actor) {
		return Map.of("issued", vouchers.issueToGroup(actor, issue.group(), issue.catalogueEntryId(), issue.validUntil()));
	}

	@Operation(summary = "Vouchers: a worker's own, an officer's issued (the province all; paged, by status, "
			+ "occupation and grade)")
	@ApiResponse(responseCode = "200", headers = @Header(name = TOTAL, description = "rows matching the filter",
			schema = @Schema(type = "integer")))
	@GetMapping("/api/v1/training/vouchers")
	ResponseEntity<List<Voucher>> vouchers(@ParameterObject TrainingFilter filter,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor) {
		if (actor.role() == Role.WORKER) {
			var mine = vouchers.list(actor);
			return ResponseEntity.ok().header(TOTAL, String.valueOf(mine.size())).body(mine);
		}
		return paged(vouchers.issued(actor, filter, request(page, size, sort, Vouchers.SORTS, "-issuedAt"))
				.map(Voucher.Held::voucher));
	}

	@Operation(summary = "The worker's own classes and results")
	@GetMapping("/api/v1/training/mine")
	List<Map<String, Object>> mine(@AuthenticationPrincipal Actor actor) {
		return enrolments.mine(actor);
	}

	/** An API page: the default (and largest) size is 200 rows. */
	private static PageRequest request(Integer page, Integer size, String sort, Map<String, String> sorts,
			String defaultSort) {
		return PageRequest.of(page, size == null ? PageRequest.MAX_SIZE : size, sort, sorts, defaultSort);
	}

	private static <T> ResponseEntity<List<T>> paged(Page<T> page) {
		return ResponseEntity.ok().header(TOTAL, String.valueOf(page.total())).body(page.items());
	}
}
