package cn.gongjiang.training.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.training.DemandItem;
import cn.gongjiang.training.DemandSurvey;
import cn.gongjiang.training.ClassEnrolments;
import cn.gongjiang.training.SubsidyCatalogue;
import cn.gongjiang.training.ThreeLists;
import cn.gongjiang.training.TrainingClasses;
import cn.gongjiang.training.TrainingFilter;
import cn.gongjiang.training.TrainingOrder;
import cn.gongjiang.training.TrainingOrders;
import cn.gongjiang.training.Voucher;
import cn.gongjiang.training.Vouchers;
import cn.gongjiang.training.Attendance;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The order-based training console's home, one per role: officers read the three lists, keep the catalogue and issue
 * vouchers; an enterprise states demand and orders and follows them; a provider takes up orders and lists its
 * classes; a worker sees today's sessions to check in to, their vouchers and their classes. Each list is a tab of
 * its own address, paged and filtered on the server.
 */
@Controller
class TrainingPageController {

	static final List<String> OFFICER_TABS = List.of("key", "demand", "orders", "catalogue", "unmet", "vouchers");
	static final List<String> ENTERPRISE_TABS = List.of("demand", "orders");
	static final List<String> PROVIDER_TABS = List.of("open", "classes");
	static final List<String> KINDS = List.of("NAMED_CLASS", "ON_JOB", "PRE_JOB", "OFF_JOB", "APPRENTICESHIP",
			"PROJECT", "ONLINE");


	private final DemandSurvey survey;
	private final ThreeLists lists;
	private final SubsidyCatalogue catalogue;
	private final TrainingOrders orders;
	private final TrainingClasses classes;
	private final ClassEnrolments enrolments;
	private final Attendance attendance;
	private final Vouchers vouchers;
	private final FormAttempt attempt;
	private final MessageSource messages;
	private final Clock clock;

	TrainingPageController(DemandSurvey survey, ThreeLists lists, SubsidyCatalogue catalogue, TrainingOrders orders,
			TrainingClasses classes, ClassEnrolments enrolments, Attendance attendance, Vouchers vouchers,
			FormAttempt attempt, MessageSource messages, Clock clock) {
		this.survey = survey;
		this.lists = lists;
		this.catalogue = catalogue;
		this.orders = orders;
		this.classes = classes;
		this.enrolments = enrolments;
		this.attendance = attendance;
		this.vouchers = vouchers;
		this.attempt = attempt;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/training")
	String home(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String tab,
			@ModelAttribute("filter") TrainingFilter filter, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Long fromDemand, Locale locale, Model model) {
		FormAttempt.defaults(model);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("now", clock.instant());
		return switch (actor.role()) {
			case ENTERPRISE -> enterprise(actor, tab(tab, ENTERPRISE_TABS), filter, page, size, sort, fromDemand, model);
			case TRAINING_PROVIDER, TECHNICAL_SCHOOL -> provider(actor, tab(tab, PROVIDER_TABS), filter, page, size, sort,
					model);
			case WORKER -> worker(actor, page, model);
			default -> officer(actor, tab(tab, OFFICER_TABS), filter, page, size, sort, locale, model);
		};
	}

	private String officer(Actor actor, String tab, TrainingFilter filter, Integer page, Integer size, String sort,
			Locale locale, Model model) {
		model.addAttribute("tabs", OFFICER_TABS);
		model.addAttribute("tab", tab);
		Page<?> result = switch (tab) {
			case "demand" -> {
				model.addAttribute("sources", DemandSurvey.SOURCES);
				model.addAttribute("officerSources", List.of("VISIT", "QUESTIONNAIRE", "REPORT"));
				yield lists.labourDemand(actor, filter, PageRequest.of(page, size, sort, ThreeLists.DEMAND_SORTS, "neededBy"));
			}
			case "orders" -> {
				model.addAttribute("wishStatuses", ThreeLists.WISH_STATUSES);
				yield lists.trainingOrders(actor, filter, PageRequest.of(page, size, sort, ThreeLists.WISH_SORTS, "enterprise"));
			}
			case "catalogue" -> catalogue.page(filter, PageRequest.of(page, size, sort, SubsidyCatalogue.SORTS, "occupation"));
			case "unmet" -> {
				model.addAttribute("unmetStatuses", List.of("MISSING", "SHORTAGE", "COVERED"));
				yield catalogue.unmet(actor, filter, PageRequest.of(page, size, null, Map.of(), null));
			}
			case "vouchers" -> {
				model.addAttribute("voucherStatuses", Vouchers.STATUSES);
				model.addAttribute("entries", catalogue.current());
				model.addAttribute("defaultValidUntil", LocalDate.now(clock).plusYears(1));
				yield vouchers.issued(actor, filter, PageRequest.of(page, size, sort, Vouchers.SORTS, "-issuedAt"));
			}
			default -> {
				var rule = lists.rule();
				model.addAttribute("rule", rule);
				model.addAttribute("sizeNames", rule.sizes().stream()
						.map(s -> messages.getMessage("training.size." + s, null, s, locale))
						.reduce((a, b) -> messages.getMessage("training.list.or", new Object[] { a, b }, locale)).orElse(""));
				yield lists.keyEnterprises(actor, filter, PageRequest.of(page, size, sort, ThreeLists.KEY_SORTS, "-headcount"));
			}
		};
		model.addAttribute("page", result);
		return "training/officer";
	}

	private String enterprise(Actor actor, String tab, TrainingFilter filter, Integer page, Integer size, String sort,
			Long fromDemand, Model model) {
		model.addAttribute("tabs", ENTERPRISE_TABS);
		model.addAttribute("tab", tab);
		model.addAttribute("kinds", KINDS);
		if (tab.equals("orders")) {
			model.addAttribute("statuses", List.of("OPEN", "ACCEPTED", "CLOSED", "CANCELLED"));
			var result = orders.list(actor, filter, PageRequest.of(page, size, sort, TrainingOrders.SORTS, "-createdAt"));
			model.addAttribute("page", result);
			model.addAttribute("outcomes", orders.outcomes(result.items().stream().map(TrainingOrder::id).toList()));
			if (fromDemand != null) {
				var demand = survey.find(actor, fromDemand);
				model.addAttribute("fromDemand", demand);
				if (((Map<?, ?>) model.getAttribute("form")).isEmpty()) {
					model.addAttribute("form", prefilled(demand));
				}
			}
		}
		else {
			model.addAttribute("statuses", List.of("OPEN", "CLOSED"));
			model.addAttribute("page", survey.page(actor, filter.status() == null ? filter.withStatus("OPEN") : filter,
					PageRequest.of(page, size, sort, ThreeLists.DEMAND_SORTS, "neededBy")));
		}
		return "training/enterprise";
	}

	/** An order as its demand line suggests it: what and where, as many as are to be trained, starting in a week. */
	private Map<String, String> prefilled(DemandItem demand) {
		var start = LocalDate.now(clock).plusDays(7);
		return Map.of("occupationCode", demand.occupationCode(), "grade", demand.grade() == null ? "" : demand.grade(),
				"headcount", String.valueOf(Math.max(1, demand.trainHeadcount() > 0 ? demand.trainHeadcount() : demand.headcount())),
				"wantedStart", (start.isAfter(demand.neededBy()) ? LocalDate.now(clock) : start).toString(),
				"county", demand.placeCounty(), "kind", "NAMED_CLASS");
	}

	private String provider(Actor actor, String tab, TrainingFilter filter, Integer page, Integer size, String sort,
			Model model) {
		model.addAttribute("tabs", PROVIDER_TABS);
		model.addAttribute("tab", tab);
		if (tab.equals("classes")) {
			model.addAttribute("classStatuses", TrainingClasses.STATUSES);
			model.addAttribute("page", classes.page(actor, filter, PageRequest.of(page, size, sort, TrainingClasses.SORTS, "-id")));
			return "training/provider";
		}
		try {
			model.addAttribute("page", orders.openFor(actor, filter,
					PageRequest.of(page, size, sort, TrainingOrders.SORTS, "wantedStart")));
		}
		catch (BusinessException suspended) {
			model.addAttribute("page", Page.of(List.of(), 0, PageRequest.first(PageRequest.DEFAULT_SIZE)));
			model.addAttribute("suspended", suspended.code());
		}
		return "training/provider";
	}

	private String worker(Actor actor, Integer page, Model model) {
		var today = enrolments.todaySessions(actor);
		model.addAttribute("today", today);
		model.addAttribute("openSessions", today.stream().filter(s -> attendance.checkInOpen(s.startsAt(), s.endsAt()))
				.map(ClassEnrolments.TraineeSession::sessionId).toList());
		model.addAttribute("vouchers", vouchers.list(actor));
		model.addAttribute("page", Page.slice(enrolments.myClasses(actor),
				PageRequest.of(page, PageRequest.DEFAULT_SIZE, null, Map.of(), null)));
		return "training/worker";
	}

	private static String tab(String asked, List<String> tabs) {
		return asked != null && tabs.contains(asked) ? asked : tabs.get(0);
	}

	@PostMapping("/training/demand")
	String demand(@RequestParam(required = false) String enterpriseCode, @RequestParam(required = false) String occupationCode,
			@RequestParam(required = false) String grade, @RequestParam(required = false) Integer headcount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate neededBy,
			@RequestParam(required = false) Integer monthlyWage, @RequestParam(required = false) Integer trainHeadcount,
			@RequestParam(required = false) String placeCounty, @RequestParam(required = false) String source,
			@AuthenticationPrincipal Actor actor, Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
		var own = actor.role() == Role.ENTERPRISE;
		attempt.run(redirect, locale, request, () -> survey.submit(actor, new DemandItem.Entry(
				own ? actor.scope().value() : blank(enterpriseCode), blank(occupationCode), blank(grade), headcount,
				neededBy, monthlyWage, trainHeadcount == null ? 0 : trainHeadcount, blank(placeCounty),
				own ? "ENTERPRISE" : blank(source))));
		return "redirect:/training?tab=demand";
	}

	@PostMapping("/training/demand/{id}/close")
	String closeDemand(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletRequest request, RedirectAttributes redirect) {
		attempt.run(redirect, locale, request, () -> survey.close(actor, id));
		return "redirect:/training?tab=demand";
	}

	@PostMapping("/training/orders")
	String order(@RequestParam(required = false) String occupationCode, @RequestParam(required = false) String grade,
			@RequestParam(required = false) Integer headcount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate wantedStart,
			@RequestParam(required = false) String county, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Long demandItemId, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletRequest request, RedirectAttributes redirect) {
		var placed = attempt.run(redirect, locale, request, () -> orders.place(actor, new TrainingOrder.Request(
				actor.scope().value(), demandItemId, blank(occupationCode), blank(grade), headcount, wantedStart,
				blank(county), blank(kind), false)));
		return "redirect:/training?tab=orders" + (!placed && demandItemId != null ? "&fromDemand=" + demandItemId : "");
	}

	@PostMapping("/training/orders/{id}/cancel")
	String cancel(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletRequest request, RedirectAttributes redirect) {
		attempt.run(redirect, locale, request, () -> orders.cancel(actor, id));
		return "redirect:/training?tab=orders";
	}

	@PostMapping("/training/catalogue")
	String catalogueEntry(@RequestParam(required = false) String occupationCode, @RequestParam(required = false) String grade,
			@RequestParam(required = false) Integer standardYuan, @RequestParam(defaultValue = "false") boolean shortage,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) String basis, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletRequest request, RedirectAttributes redirect) {
		attempt.run(redirect, locale, request, () -> catalogue.add(actor, new SubsidyCatalogue.Entry(
				blank(occupationCode), blank(grade), standardYuan, shortage, validFrom, null, basis)));
		return "redirect:/training?tab=catalogue";
	}

	@PostMapping("/training/vouchers")
	String voucher(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
			@RequestParam(required = false) Long catalogueEntryId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
			@AuthenticationPrincipal Actor actor, Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
		attempt.run(redirect, locale, request, () -> vouchers.issue(actor, new Voucher.Request(idNumber, name, catalogueEntryId, validUntil)));
		return "redirect:/training?tab=vouchers";
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
