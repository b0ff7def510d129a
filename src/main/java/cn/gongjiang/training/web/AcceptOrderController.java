package cn.gongjiang.training.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.Formats;
import cn.gongjiang.training.TrainingClass;
import cn.gongjiang.training.TrainingOrder;
import cn.gongjiang.training.TrainingOrders;

/**
 * A provider takes up an open order (接单, TRN-1) with the class it will run: capacity, teachers, and a session
 * planner of rows (day, start, end, place in Beijing time), never a text of code-like lines.
 */
@Controller
class AcceptOrderController {

	/** One row of the planner as typed, with what is wrong with it. */
	record SessionRow(String date, String start, String end, String place, String error) {

		boolean blank() {
			return empty(date) && empty(start) && empty(end) && empty(place);
		}

		private static boolean empty(String s) {
			return s == null || s.isBlank();
		}
	}

	private static final int EMPTY_ROWS = 3;

	private final TrainingOrders orders;
	private final FormAttempt attempt;
	private final MessageSource messages;
	private final Clock clock;

	AcceptOrderController(TrainingOrders orders, FormAttempt attempt, MessageSource messages, Clock clock) {
		this.orders = orders;
		this.attempt = attempt;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/training/orders/{id}/accept")
	String form(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		var order = orders.openOrder(actor, id);
		var rows = new ArrayList<SessionRow>();
		rows.add(new SessionRow(order.wantedStart().toString(), "09:00", "12:00", "", null));
		for (int i = 1; i < EMPTY_ROWS; i++) {
			rows.add(new SessionRow("", "", "", "", null));
		}
		return page(order, String.valueOf(order.remaining()), "", rows, null, model);
	}

	@PostMapping("/training/orders/{id}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) Integer capacity,
			@RequestParam(required = false) String teachers,
			@RequestParam(name = "sessionDate", required = false) List<String> dates,
			@RequestParam(name = "sessionStart", required = false) List<String> starts,
			@RequestParam(name = "sessionEnd", required = false) List<String> ends,
			@RequestParam(name = "sessionPlace", required = false) List<String> places,
			@AuthenticationPrincipal Actor actor, Locale locale, Model model, RedirectAttributes redirect) {
		var order = orders.openOrder(actor, id);
		var rows = new ArrayList<SessionRow>();
		var plans = new ArrayList<TrainingClass.SessionPlan>();
		var refused = false;
		int count = Math.max(Math.max(size(dates), size(starts)), Math.max(size(ends), size(places)));
		for (int i = 0; i < count; i++) {
			var row = new SessionRow(at(dates, i), at(starts, i), at(ends, i), at(places, i), null);
			if (row.blank()) {
				continue;
			}
			var error = plan(row, plans, locale);
			refused |= error != null;
			rows.add(new SessionRow(row.date(), row.start(), row.end(), row.place(), error));
		}
		String error = null;
		if (plans.isEmpty() && !refused) {
			error = messages.getMessage("training.class.sessions-required", null, locale);
		}
		if (!refused && error == null) {
			try {
				var opened = orders.accept(actor, id, new TrainingClass.Plan(null, null, null, capacity,
						teachers == null || teachers.isBlank() ? List.of() : List.of(teachers.strip().split("\\s*[、,，]\\s*")),
						null, plans));
				redirect.addFlashAttribute("saved", true);
				redirect.addFlashAttribute("savedText", messages.getMessage("training.accept.done", null, locale));
				return "redirect:/training/classes/" + opened.id();
			}
			catch (BusinessException e) {
				error = attempt.message(e, locale);
			}
		}
		while (rows.size() < EMPTY_ROWS) {
			rows.add(new SessionRow("", "", "", "", null));
		}
		return page(order, capacity == null ? "" : capacity.toString(), teachers, rows, error, model);
	}

	/** Adds the row's session to {@code plans}; the reason in words when it cannot. */
	private String plan(SessionRow row, List<TrainingClass.SessionPlan> plans, Locale locale) {
		try {
			var day = LocalDate.parse(row.date().strip());
			var from = LocalDateTime.of(day, LocalTime.parse(row.start().strip())).atZone(Formats.BEIJING).toInstant();
			var to = LocalDateTime.of(day, LocalTime.parse(row.end().strip())).atZone(Formats.BEIJING).toInstant();
			if (!to.isAfter(from)) {
				return messages.getMessage("training.class.session-times", null, locale);
			}
			if (row.place() == null || row.place().isBlank()) {
				return messages.getMessage("training.class.session-place", null, locale);
			}
			plans.add(new TrainingClass.SessionPlan(from, to, row.place().strip()));
			return null;
		}
		catch (DateTimeParseException | NullPointerException incomplete) {
			return messages.getMessage("training.class.session-row", null, locale);
		}
	}

	private String page(TrainingOrder order, String capacity, String teachers, List<SessionRow> rows, String error,
			Model model) {
		model.addAttribute("order", order);
		model.addAttribute("capacity", capacity);
		model.addAttribute("teachers", teachers);
		model.addAttribute("rows", rows);
		model.addAttribute("error", error);
		model.addAttribute("today", LocalDate.now(clock));
		return "training/accept";
	}

	private static int size(List<String> values) {
		return values == null ? 0 : values.size();
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() ? "" : values.get(i);
	}
}
