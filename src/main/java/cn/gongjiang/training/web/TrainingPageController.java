package cn.gongjiang.training.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.training.Attendance;
import cn.gongjiang.training.DemandItem;
import cn.gongjiang.training.DemandSurvey;
import cn.gongjiang.training.Enrolment;
import cn.gongjiang.training.Enrolments;
import cn.gongjiang.training.Results;
import cn.gongjiang.training.SubsidyCatalogue;
import cn.gongjiang.training.ThreeLists;
import cn.gongjiang.training.TrainingClass;
import cn.gongjiang.training.TrainingClasses;
import cn.gongjiang.training.TrainingOrder;
import cn.gongjiang.training.TrainingOrders;
import cn.gongjiang.training.Voucher;
import cn.gongjiang.training.Vouchers;

/**
 * The order-based training console: an enterprise states demand and orders and follows them; a provider takes up
 * orders and runs its classes (enrolment, attendance with the rotating code, completion, results); officers read the
 * three lists, keep the catalogue and issue vouchers; a worker sees their vouchers and classes and checks in.
 */
@Controller
class TrainingPageController {

	private final DemandSurvey survey;
	private final ThreeLists lists;
	private final SubsidyCatalogue catalogue;
	private final TrainingOrders orders;
	private final TrainingClasses classes;
	private final Enrolments enrolments;
	private final Attendance attendance;
	private final Results results;
	private final Vouchers vouchers;
	private final ConsoleActions actions;
	private final Clock clock;

	TrainingPageController(DemandSurvey survey, ThreeLists lists, SubsidyCatalogue catalogue, TrainingOrders orders,
			TrainingClasses classes, Enrolments enrolments, Attendance attendance, Results results, Vouchers vouchers,
			ConsoleActions actions, Clock clock) {
		this.survey = survey;
		this.lists = lists;
		this.catalogue = catalogue;
		this.orders = orders;
		this.classes = classes;
		this.enrolments = enrolments;
		this.attendance = attendance;
		this.results = results;
		this.vouchers = vouchers;
		this.actions = actions;
		this.clock = clock;
	}

	@GetMapping("/training")
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("today", LocalDate.now(clock));
		switch (actor.role()) {
			case ENTERPRISE -> {
				model.addAttribute("demand", survey.open(actor));
				model.addAttribute("orders", orders.list(actor).stream().map(o -> orders.outcome(actor, o.id())).toList());
				return "training/enterprise";
			}
			case TRAINING_PROVIDER, TECHNICAL_SCHOOL -> {
				try {
					model.addAttribute("open", orders.openFor(actor));
				}
				catch (BusinessException e) {
					model.addAttribute("open", List.of());
					model.addAttribute("suspended", e.code());
				}
				model.addAttribute("classes", classes.list(actor));
				return "training/provider";
			}
			case WORKER -> {
				model.addAttribute("vouchers", vouchers.list(actor));
				model.addAttribute("mine", enrolments.mine(actor));
				return "training/worker";
			}
			default -> {
				model.addAttribute("keyEnterprises", lists.keyEnterprises(actor));
				model.addAttribute("labourDemand", lists.labourDemand(actor));
				model.addAttribute("trainingOrders", lists.trainingOrders(actor));
				model.addAttribute("catalogue", catalogue.current());
				model.addAttribute("unmet", catalogue.unmet(actor));
				model.addAttribute("rule", lists.rule());
				return "training/officer";
			}
		}
	}

	@PostMapping("/training/demand")
	String demand(@RequestParam String occupationCode, @RequestParam(required = false) String grade,
			@RequestParam int headcount, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate neededBy,
			@RequestParam(required = false) Integer monthlyWage, @RequestParam(defaultValue = "0") int trainHeadcount,
			@RequestParam(required = false) String placeCounty, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> survey.submit(actor, new DemandItem.Entry(actor.scope().value(), occupationCode,
				blank(grade), headcount, neededBy, monthlyWage, trainHeadcount, blank(placeCounty), "ENTERPRISE")));
		return "redirect:/training";
	}

	@PostMapping("/training/orders")
	String order(@RequestParam String occupationCode, @RequestParam(required = false) String grade,
			@RequestParam int headcount, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate wantedStart,
			@RequestParam(required = false) String county, @RequestParam String kind,
			@RequestParam(required = false) Long demandItemId, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> orders.place(actor, new TrainingOrder.Request(actor.scope().value(), demandItemId,
				occupationCode, blank(grade), headcount, wantedStart, blank(county), kind, false)));
		return "redirect:/training";
	}

	@PostMapping("/training/orders/{id}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) Integer capacity, @RequestParam String sessions,
			@RequestParam(required = false) String teachers, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> orders.accept(actor, id, new TrainingClass.Plan(null, null, null, capacity,
				teachers == null || teachers.isBlank() ? List.of() : List.of(teachers.split("[、,，]")), null,
				sessions(sessions))));
		return "redirect:/training";
	}

	@GetMapping("/training/classes/{id}")
	String trainingClass(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		var c = classes.find(id);
		model.addAttribute("trainingClass", c);
		model.addAttribute("enrolments", enrolments.ofClass(actor, id));
		model.addAttribute("own", c.providerCode().equals(actor.scope().value()));
		var format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
		var times = new java.util.HashMap<Long, String>();
		c.sessions().forEach(s -> times.put(s.id(), format.format(s.startsAt()) + "–"
				+ java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai")).format(s.endsAt())));
		model.addAttribute("sessionTimes", times);
		var attended = new java.util.HashMap<String, Boolean>();
		enrolments.attendance(id).forEach(a -> attended.put(a, true));
		model.addAttribute("attended", attended);
		return "training/class";
	}

	@GetMapping(value = "/training/classes/{id}/sessions/{session}/code", produces = "text/plain")
	@ResponseBody
	String code(@PathVariable long id, @PathVariable long session, @AuthenticationPrincipal Actor actor) {
		return attendance.currentCode(actor, id, session);
	}

	@PostMapping("/training/classes/{id}/enrolments")
	String enrol(@PathVariable long id, @RequestParam String idNumber, @RequestParam String name,
			@RequestParam(required = false) Long voucherId, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> enrolments.enrol(actor, id, new Enrolment.Request(idNumber, name, voucherId)));
		return "redirect:/training/classes/" + id;
	}

	@PostMapping("/training/classes/{id}/sessions/{session}/attendance")
	String attend(@PathVariable long id, @PathVariable long session,
			@RequestParam(name = "enrolment", required = false) List<Long> present, @AuthenticationPrincipal Actor actor,
			Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> attendance.record(actor, id, session, present == null ? List.of() : present));
		return "redirect:/training/classes/" + id;
	}

	@PostMapping("/training/classes/{id}/complete")
	String complete(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> attendance.complete(actor, id));
		return "redirect:/training/classes/" + id;
	}

	@PostMapping("/training/classes/{id}/results")
	String result(@PathVariable long id, @RequestParam long enrolmentId, @RequestParam boolean passed,
			@RequestParam(required = false) String certificateType, @RequestParam(required = false) String certificateNumber,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> results.record(actor, id, List.of(new Results.Result(enrolmentId, passed,
				blank(certificateType), blank(certificateNumber), null))));
		return "redirect:/training/classes/" + id;
	}

	@PostMapping("/training/catalogue")
	String catalogueEntry(@RequestParam String occupationCode, @RequestParam(required = false) String grade,
			@RequestParam int standardYuan, @RequestParam(defaultValue = "false") boolean shortage,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom, @RequestParam String basis,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> catalogue.add(actor, new SubsidyCatalogue.Entry(occupationCode, blank(grade),
				standardYuan, shortage, validFrom, null, basis)));
		return "redirect:/training";
	}

	@PostMapping("/training/vouchers")
	String voucher(@RequestParam String idNumber, @RequestParam String name, @RequestParam long catalogueEntryId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> vouchers.issue(actor, new Voucher.Request(idNumber, name, catalogueEntryId, validUntil)));
		return "redirect:/training";
	}

	@PostMapping("/training/check-in")
	String checkIn(@RequestParam long sessionId, @RequestParam String code, @AuthenticationPrincipal Actor actor,
			Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> attendance.checkIn(actor, sessionId, code));
		return "redirect:/training";
	}

	/** Sessions as a provider types them, one per line: {@code 2026-12-01 09:00 11:00 地点}. */
	static List<TrainingClass.SessionPlan> sessions(String text) {
		var result = new ArrayList<TrainingClass.SessionPlan>();
		for (var line : text.split("\\R")) {
			var parts = line.strip().split("\\s+", 4);
			if (parts.length == 1 && parts[0].isEmpty()) {
				continue;
			}
			try {
				var day = LocalDate.parse(parts[0]);
				var zone = ZoneId.of("Asia/Shanghai");
				result.add(new TrainingClass.SessionPlan(
						LocalDateTime.of(day, java.time.LocalTime.parse(parts[1])).atZone(zone).toInstant(),
						LocalDateTime.of(day, java.time.LocalTime.parse(parts[2])).atZone(zone).toInstant(), parts[3]));
			}
			catch (RuntimeException e) {
				throw new InvalidValueException("training.class.session-line", line.strip());
			}
		}
		return result;
	}


	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
