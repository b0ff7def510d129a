package cn.gongjiang.targets.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.targets.Milestones;
import cn.gongjiang.targets.Progress;
import cn.gongjiang.targets.ProgressStatus;
import cn.gongjiang.targets.TargetMonitor;

/**
 * The department task list (001 附件1, TGT-5): each responsible department's figures per task line with their
 * progress, and the dated milestones it marks done with evidence. A department officer sees its own lines, the
 * province every department's.
 */
@Controller
class TaskListPageController {

	private static final Map<String, String> TASK_SORTS = Map.of("line", "line", "status", "status", "progress",
			"progress");

	private final TargetMonitor monitor;
	private final Milestones milestones;
	private final ConsoleActions actions;
	private final Clock clock;

	TaskListPageController(TargetMonitor monitor, Milestones milestones, ConsoleActions actions, Clock clock) {
		this.monitor = monitor;
		this.milestones = milestones;
		this.actions = actions;
		this.clock = clock;
	}

	@GetMapping("/targets/department")
	String department(@RequestParam(required = false) Integer year, @RequestParam(required = false) String department,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@AuthenticationPrincipal Actor actor, Model model) {
		var today = LocalDate.now(clock);
		int y = year == null ? today.getYear() : year;
		var own = actor.role() == Role.DEPARTMENT_OFFICER ? actor.scope().value() : blank(department);
		var rows = monitor.progress(actor, new TargetMonitor.Query(null, null, false, own, y, today)).stream()
				.filter(p -> p.target().department() != null)
				.filter(p -> blank(status) == null || p.status().name().equals(status)).toList();
		var request = PageRequest.of(page, size, sort, TASK_SORTS, "line");
		Comparator<Progress> order = switch (request.sort()) {
			case "status" -> Comparator.comparing((Progress p) -> p.status().ordinal());
			case "progress" -> Comparator.comparing((Progress p) -> p.progress() == null ? -1 : p.progress());
			default -> Comparator.comparing((Progress p) -> p.target().taskLineId() == null ? 0 : p.target().taskLineId());
		};
		var sorted = rows.stream().sorted(request.descending() ? order.reversed() : order).toList();
		model.addAttribute("page", Page.slice(sorted, request));
		model.addAttribute("counts", rows.stream().collect(Collectors.groupingBy(
				p -> p.status().name(), Collectors.counting())));
		model.addAttribute("statuses", ProgressStatus.values());
		model.addAttribute("year", y);
		model.addAttribute("years", monitor.years().stream().filter(v -> v >= 2025).toList());
		model.addAttribute("taskLines", monitor.taskLineNames());
		model.addAttribute("departments", actor.is(Role.PROVINCE_OFFICER) ? milestones.departments() : List.of());
		model.addAttribute("department", own);
		model.addAttribute("status", blank(status));
		model.addAttribute("overdue", milestones.overdue(actor));
		model.addAttribute("today", today);
		return "targets/department";
	}

	@GetMapping("/targets/milestones")
	String milestones(@RequestParam(required = false) Integer dueYear, @RequestParam(required = false) String state,
			@RequestParam(required = false) String department, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@AuthenticationPrincipal Actor actor, Model model) {
		var request = PageRequest.of(page, size, sort, Milestones.SORTS, "dueOn");
		model.addAttribute("page", milestones.page(actor, new Milestones.Filter(dueYear, blank(state), blank(department)),
				request));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("dueYear", dueYear);
		model.addAttribute("state", blank(state));
		model.addAttribute("department", blank(department));
		model.addAttribute("departments", actor.is(Role.PROVINCE_OFFICER) ? milestones.departments() : List.of());
		model.addAttribute("years", List.of(2025, 2026, 2027));
		model.addAttribute("province", actor.is(Role.PROVINCE_OFFICER));
		return "targets/milestones";
	}

	@PostMapping("/targets/milestones/{id}/done")
	String done(@PathVariable long id, @RequestParam(required = false) String evidence,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> milestones.complete(actor, id, evidence, completedOn));
		return "redirect:/targets/milestones";
	}

	@PostMapping("/targets/milestones/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal Actor actor, Locale locale, RedirectAttributes redirect) {
		actions.attempt(redirect, locale, () -> milestones.reopen(actor, id, reason));
		return "redirect:/targets/milestones";
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
