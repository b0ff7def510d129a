package cn.gongjiang.training.web;

import java.io.IOException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.training.Attendance;
import cn.gongjiang.training.CatalogueEntry;
import cn.gongjiang.training.DemandItem;
import cn.gongjiang.training.DemandSurvey;
import cn.gongjiang.training.Enrolment;
import cn.gongjiang.training.Enrolments;
import cn.gongjiang.training.ListExport;
import cn.gongjiang.training.Results;
import cn.gongjiang.training.SubsidyCatalogue;
import cn.gongjiang.training.ThreeLists;
import cn.gongjiang.training.TrainingClass;
import cn.gongjiang.training.TrainingClasses;
import cn.gongjiang.training.TrainingOrder;
import cn.gongjiang.training.TrainingOrders;
import cn.gongjiang.training.Voucher;
import cn.gongjiang.training.Vouchers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** Demand, the three lists, the catalogue (DEM-1..3) and the training loop (TRN-1..5). */
@RestController
@Tag(name = "Training")
class TrainingApiController {

	record Attended(List<Long> enrolmentIds) {
	}

	record Code(String code) {
	}

	private final DemandSurvey survey;
	private final ThreeLists lists;
	private final ListExport export;
	private final SubsidyCatalogue catalogue;
	private final TrainingOrders orders;
	private final TrainingClasses classes;
	private final Enrolments enrolments;
	private final Attendance attendance;
	private final Results results;
	private final Vouchers vouchers;

	TrainingApiController(DemandSurvey survey, ThreeLists lists, ListExport export, SubsidyCatalogue catalogue,
			TrainingOrders orders, TrainingClasses classes, Enrolments enrolments, Attendance attendance,
			Results results, Vouchers vouchers) {
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

	@Operation(summary = "Open demand in scope")
	@GetMapping("/api/v1/demand/items")
	List<DemandItem> demand(@AuthenticationPrincipal Actor actor) {
		return survey.open(actor);
	}

	@Operation(summary = "Close a demand item (filled or withdrawn)")
	@PostMapping("/api/v1/demand/items/{id}/close")
	DemandItem close(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return survey.close(actor, id);
	}

	@Operation(summary = "重点企业名单: key enterprises in scope with the reasons each is key")
	@GetMapping("/api/v1/demand/key-enterprises")
	List<ThreeLists.KeyEnterprise> keyEnterprises(@AuthenticationPrincipal Actor actor) {
		return lists.keyEnterprises(actor);
	}

	@GetMapping("/api/v1/demand/key-enterprises.xlsx")
	void keyEnterprisesXlsx(@AuthenticationPrincipal Actor actor, HttpServletResponse response) throws IOException {
		xlsx(response, "key-enterprises");
		export.keyEnterprises(actor, response.getOutputStream());
	}

	@Operation(summary = "用工需求清单: open labour demand in scope")
	@GetMapping("/api/v1/demand/labour-demand")
	List<DemandItem> labourDemand(@AuthenticationPrincipal Actor actor) {
		return lists.labourDemand(actor);
	}

	@GetMapping("/api/v1/demand/labour-demand.xlsx")
	void labourDemandXlsx(@AuthenticationPrincipal Actor actor, HttpServletResponse response) throws IOException {
		xlsx(response, "labour-demand");
		export.labourDemand(actor, response.getOutputStream());
	}

	@Operation(summary = "职业技能培训订单清单: demand to train and the order that took it up")
	@GetMapping("/api/v1/demand/training-orders")
	List<ThreeLists.TrainingWish> trainingOrders(@AuthenticationPrincipal Actor actor) {
		return lists.trainingOrders(actor);
	}

	@GetMapping("/api/v1/demand/training-orders.xlsx")
	void trainingOrdersXlsx(@AuthenticationPrincipal Actor actor, HttpServletResponse response) throws IOException {
		xlsx(response, "training-orders");
		export.trainingOrders(actor, response.getOutputStream());
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

	@Operation(summary = "The subsidised training catalogue in force")
	@GetMapping("/api/v1/demand/catalogue")
	List<CatalogueEntry> catalogue() {
		return catalogue.current();
	}

	@Operation(summary = "Add an entry, or a new version of one from a date (province)")
	@PostMapping("/api/v1/demand/catalogue")
	@ResponseStatus(HttpStatus.CREATED)
	CatalogueEntry addEntry(@RequestBody SubsidyCatalogue.Entry entry, @AuthenticationPrincipal Actor actor) {
		return catalogue.add(actor, entry);
	}

	@Operation(summary = "Open demand against the catalogue: occupations not covered or short come first")
	@GetMapping("/api/v1/demand/catalogue/unmet")
	List<SubsidyCatalogue.Unmet> unmet(@AuthenticationPrincipal Actor actor) {
		return catalogue.unmet(actor);
	}

	@Operation(summary = "Place a training order (enterprise, or an officer for it)")
	@PostMapping("/api/v1/training/orders")
	@ResponseStatus(HttpStatus.CREATED)
	TrainingOrder place(@RequestBody TrainingOrder.Request request, @AuthenticationPrincipal Actor actor) {
		return orders.place(actor, request);
	}

	@Operation(summary = "Orders in scope: an enterprise its own, a provider those it took, officers their region's")
	@GetMapping("/api/v1/training/orders")
	List<TrainingOrder> orders(@AuthenticationPrincipal Actor actor) {
		return orders.list(actor);
	}

	@Operation(summary = "Open orders a provider may take up (its city, or online)")
	@GetMapping("/api/v1/training/orders/open")
	List<TrainingOrder> open(@AuthenticationPrincipal Actor actor) {
		return orders.openFor(actor);
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

	@GetMapping("/api/v1/training/classes")
	List<TrainingClass> classes(@AuthenticationPrincipal Actor actor) {
		return classes.list(actor);
	}

	@Operation(summary = "One class with its sessions (its provider, or officers covering it)")
	@GetMapping("/api/v1/training/classes/{id}")
	TrainingClass trainingClass(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return classes.list(actor).stream().filter(c -> c.id() == id).findFirst()
				.orElseThrow(() -> new cn.gongjiang.shared.NotFoundException("training.class.not-found"));
	}

	@Operation(summary = "Edit the class as seen at `version`; 409 when it changed meanwhile")
	@PutMapping("/api/v1/training/classes/{id}")
	TrainingClass edit(@PathVariable long id, @RequestParam int version, @RequestBody TrainingClass.Plan plan,
			@AuthenticationPrincipal Actor actor) {
		return classes.edit(actor, id, version, plan);
	}

	@Operation(summary = "Enrol a trainee by real name: 409 training.overlapping-enrolment or training.class-full")
	@PostMapping("/api/v1/training/classes/{id}/enrolments")
	ResponseEntity<Enrolment> enrol(@PathVariable long id, @RequestBody Enrolment.Request request,
			@AuthenticationPrincipal Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(enrolments.enrol(actor, id, request));
	}

	@GetMapping("/api/v1/training/classes/{id}/enrolments")
	List<Enrolment> enrolled(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
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
	List<Enrolment> results(@PathVariable long id, @RequestBody List<Results.Result> body,
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

	record GroupIssue(String group, long catalogueEntryId, java.time.LocalDate validUntil) {
	}

	@Operation(summary = "Issue vouchers to every person of a listed group in the officer's region, once each")
	@PostMapping("/api/v1/training/vouchers/groups")
	Map<String, Integer> issueToGroup(@RequestBody GroupIssue issue, @AuthenticationPrincipal Actor actor) {
		return Map.of("issued", vouchers.issueToGroup(actor, issue.group(), issue.catalogueEntryId(), issue.validUntil()));
	}

	@Operation(summary = "Vouchers: a worker's own, an officer's issued (the province all)")
	@GetMapping("/api/v1/training/vouchers")
	List<Voucher> vouchers(@AuthenticationPrincipal Actor actor) {
		return vouchers.list(actor);
	}

	@Operation(summary = "The worker's own classes and results")
	@GetMapping("/api/v1/training/mine")
	List<Map<String, Object>> mine(@AuthenticationPrincipal Actor actor) {
		return enrolments.mine(actor);
	}

	private static void xlsx(HttpServletResponse response, String name) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
	}
}
