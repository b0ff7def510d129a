package cn.gongjiang.targets.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.targets.Indicator;
import cn.gongjiang.targets.Milestones;
import cn.gongjiang.targets.Progress;
import cn.gongjiang.targets.ReturnReport;
import cn.gongjiang.targets.Returns;
import cn.gongjiang.targets.Target;
import cn.gongjiang.targets.TargetMonitor;

/**
 * Returns (上报与审核, TGT-2): a county, city or department reports the figures the platform does not count; the
 * level above approves (which locks) or sends back with a comment. The list pages and filters; every decision asks
 * first.
 */
@Controller
class ReturnPageController {

	private final TargetMonitor monitor;
	private final Returns returns;
	private final Milestones milestones;
	private final ConsoleActions actions;
	private final Clock clock;

	ReturnPageController(TargetMonitor monitor, Returns returns, Milestones milestones, ConsoleActions actions,
			Clock clock) {
		this.monitor = monitor;
		this.returns = returns;
		this.milestones = milestones;
		this.actions = actions;
		this.clock = clock;
	}

	/** A department's figure: one task line (and label where the line sets several), keyed for the form. */
	record Line(String key, Target target, String name) {

		/** The line as the form lists it: （一） 开展……培训（网店业主） · 省市场监管局 */
		public String text() {
			var label = target.label() == null || name.contains(target.label()) ? "" : "（" + target.label() + "）";
			return target.section() + " " + name + label + " · " + target.department();
		}
	}

	@GetMapping("/targets/returns")
	String returns(@RequestParam(required = false) String status, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) String region, @RequestParam(required = false) String department,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String line, @AuthenticationPrincipal Actor actor, Model model) {
		var today = LocalDate.now(clock);
		var indicators = monitor.indicators();
		var request = PageRequest.of(page, size, sort, Returns.SORTS, "-asOf");
		var found = returns.page(actor, new Returns.Filter(blank(status), blank(indicator), blank(region),
				blank(department), year), request);
		model.addAttribute("page", found);
		model.addAttribute("decidable", found.items().stream().filter(r -> Returns.mayDecide(actor, r))
				.map(ReturnReport::id).toList());
		model.addAttribute("indicators", indicators);
		model.addAttribute("reportable", indicators.stream().filter(i -> !i.computed()).toList());
		model.addAttribute("years", monitor.years());
		model.addAttribute("filter", new Returns.Filter(blank(status), blank(indicator), blank(region),
				blank(department), year));
		model.addAttribute("today", today);
		model.addAttribute("quarterEnd", quarterEnd(today));
		model.addAttribute("taskLines", monitor.taskLineNames());
		var ownDepartment = actor.role() == Role.DEPARTMENT_OFFICER ? actor.scope().value() : null;
		model.addAttribute("ownRegion", actor.scope().regional() ? actor.scope().value() : null);
		model.addAttribute("ownDepartment", ownDepartment);
		model.addAttribute("departments", actor.is(Role.PROVINCE_OFFICER) ? milestones.departments() : List.of());
		model.addAttribute("lines", ownDepartment == null ? List.of() : lines(actor, indicators));
		model.addAttribute("chosenLine", line);
		return "targets/returns";
	}

	/** The figures a department reports: its task lines' targets of the platform-uncounted indicators, once each. */
	private List<Line> lines(Actor actor, List<Indicator> indicators) {
		var names = monitor.taskLineNames();
		var lines = new LinkedHashMap<String, Line>();
		for (Progress p : monitor.progress(actor, new TargetMonitor.Query(null, null, false, actor.scope().value(), null, null))) {
			var t = p.target();
			if (t.taskLineId() == null
					|| indicators.stream().noneMatch(i -> i.code().equals(t.indicator()) && !i.computed())) {
				continue;
			}
			var key = t.indicator() + "|" + t.taskLineId() + "|" + (t.label() == null ? "" : t.label());
			lines.putIfAbsent(key, new Line(key, t, names.getOrDefault(t.taskLineId(), t.section())));
		}
		return List.copyOf(lines.values());
	}

	@PostMapping("/targets/returns")
	String submit(@RequestParam(required = false) String indicator, @RequestParam(required = false) String region,
			@RequestParam(required = false) String department, @RequestParam(required = false) String line,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) BigDecimal value, @RequestParam(required = false) String evidence,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		// a department's line comes as indicator|task line|label
		var parts = line == null || line.isBlank() ? null : line.split("\\|", -1);
		actions.attempt(redirect, locale, () -> returns.submit(actor, parts == null
				? new Returns.Submission(blank(indicator), blank(region), blank(department), asOf, value, evidence)
				: new Returns.Submission(parts[0], null, blank(department), Integer.valueOf(parts[1]), blank(parts[2]),
						asOf, value, evidence)));
		return "redirect:/targets/returns";
	}

	@PostMapping("/targets/returns/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) Integer version,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> returns.approve(actor, id, version));
		return "redirect:/targets/returns?status=SUBMITTED";
	}

	@PostMapping("/targets/returns/{id}/send-back")
	String sendBack(@PathVariable long id, @RequestParam(required = false) String comment,
			@RequestParam(required = false) Integer version, @AuthenticationPrincipal Actor actor, Locale locale,
			RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> returns.sendBack(actor, id, comment, version));
		return "redirect:/targets/returns?status=SUBMITTED";
	}

	static LocalDate quarterEnd(LocalDate day) {
		return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1).plusMonths(3).minusDays(1);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
