package cn.gongjiang.training.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.training.Attendance;
import cn.gongjiang.training.ClassEnrolment;
import cn.gongjiang.training.ClassEnrolments;
import cn.gongjiang.training.Results;
import cn.gongjiang.training.TrainingClass;
import cn.gongjiang.training.TrainingClasses;
import cn.gongjiang.training.TrainingOrders;
import cn.gongjiang.training.Vouchers;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One class (TRN-2..4): its provider enrols trainees by real name (with the voucher they bring), takes attendance per
 * session while showing the rotating check-in code and its QR code, completes the class and records results;
 * officers and the enterprise that ordered it read it; a trainee sees their own part.
 */
@Controller
class ClassPageController {

	/** A session as the class page shows it: its number, whether check-in is open, and the code to show now. */
	record SessionRow(TrainingClass.Session session, int number, boolean open, long attended, String code, String qr) {
	}


	private final TrainingClasses classes;
	private final ClassEnrolments enrolments;
	private final Attendance attendance;
	private final Results results;
	private final Vouchers vouchers;
	private final TrainingOrders orders;
	private final FormAttempt attempt;
	private final MessageSource messages;
	private final Clock clock;

	ClassPageController(TrainingClasses classes, ClassEnrolments enrolments, Attendance attendance,
			Results results, Vouchers vouchers, TrainingOrders orders, FormAttempt attempt, MessageSource messages,
			Clock clock) {
		this.orders = orders;
		this.messages = messages;
		this.classes = classes;
		this.enrolments = enrolments;
		this.attendance = attendance;
		this.results = results;
		this.vouchers = vouchers;
		this.attempt = attempt;
		this.clock = clock;
	}

	@GetMapping("/training/classes/{id}")
	String trainingClass(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		var viewer = classes.viewer(actor, id).orElseThrow(() -> new NotFoundException("training.class.not-found"));
		var c = classes.find(id);
		var now = clock.instant();
		var own = viewer == TrainingClasses.Viewer.PROVIDER;
		var enrolled = enrolments.ofClass(actor, id);
		var attended = new HashMap<String, Boolean>();
		enrolments.attendance(id).forEach(a -> attended.put(a, true));
		var rows = new ArrayList<SessionRow>();
		for (int i = 0; i < c.sessions().size(); i++) {
			var s = c.sessions().get(i);
			var open = attendance.checkInOpen(s.startsAt(), s.endsAt());
			var count = attended.keySet().stream().filter(k -> k.startsWith(s.id() + ":")).count();
			String code = null;
			String qr = null;
			if (own && open && c.status().equals("OPEN")) {
				code = attendance.currentCode(actor, id, s.id());
				qr = QrSvg.of(checkInUrl(s.id(), code), "QR");
			}
			rows.add(new SessionRow(s, i + 1, open, count, code, qr));
		}
		var last = c.sessions().stream().map(TrainingClass.Session::endsAt).max(Instant::compareTo).orElse(now);
		var ended = last.isBefore(now);
		FormAttempt.defaults(model);
		model.addAttribute("trainingClass", c);
		model.addAttribute("viewer", viewer);
		model.addAttribute("own", own);
		model.addAttribute("summary", classes.summary(id));
		model.addAttribute("enrolments", enrolled);
		model.addAttribute("mine", viewer == TrainingClasses.Viewer.TRAINEE && !enrolled.isEmpty() ? enrolled.get(0) : null);
		model.addAttribute("attended", attended);
		model.addAttribute("sessions", rows);
		model.addAttribute("now", now);
		model.addAttribute("ended", ended);
		model.addAttribute("status", c.status().equals("OPEN") && ended ? "ENDED" : c.status());
		model.addAttribute("certificateTypes", CertificateType.values());
		model.addAttribute("noVouchers", List.of());
		var begun = c.sessions().stream().anyMatch(s -> !s.startsAt().isAfter(now));
		model.addAttribute("joinable", own && c.orderId() == null && !begun ? orders.joinableBy(actor, c) : null);
		return "training/class";
	}

	/** The address a trainee's phone opens from the QR code: the session and the code of this minute. */
	private static String checkInUrl(long session, String code) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/training/check-in")
				.queryParam("session", session).queryParam("code", code).toUriString();
	}

	@GetMapping(value = "/training/classes/{id}/sessions/{session}/code", produces = "text/plain")
	@ResponseBody
	String code(@PathVariable long id, @PathVariable long session, @AuthenticationPrincipal Actor actor) {
		return attendance.currentCode(actor, id, session);
	}

	/** The code and its QR code, as the page refreshes them while the session runs. */
	@GetMapping("/training/classes/{id}/sessions/{session}/check-in-code")
	String codeFragment(@PathVariable long id, @PathVariable long session, @AuthenticationPrincipal Actor actor,
			Model model) {
		var code = attendance.currentCode(actor, id, session);
		model.addAttribute("code", code);
		model.addAttribute("qr", QrSvg.of(checkInUrl(session, code), "QR"));
		return "training/check-in-code :: code(code=${code}, qr=${qr})";
	}

	/** The trainee's vouchers for this class, once the provider typed their ID number and name. */
	@PostMapping("/training/classes/{id}/vouchers")
	String voucherChoice(@PathVariable long id, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String name, @AuthenticationPrincipal Actor actor, Model model) {
		var c = classes.find(id);
		var looked = idNumber != null && !idNumber.isBlank() && name != null && !name.isBlank();
		model.addAttribute("vouchers", looked ? vouchers.usableFor(actor, c, idNumber, name) : List.of());
		model.addAttribute("looked", looked);
		return "training/voucher-choice :: choice(vouchers=${vouchers}, looked=${looked})";
	}

	@PostMapping("/training/classes/{id}/enrolments")
	String enrol(@PathVariable long id, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String name, @RequestParam(required = false) Long voucherId,
			@AuthenticationPrincipal Actor actor, Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
		attempt.run(redirect, locale, request,
				() -> enrolments.enrol(actor, id, new ClassEnrolment.Request(idNumber, name, voucherId)));
		return "redirect:/training/classes/" + id;
	}

	@PostMapping("/training/classes/{id}/sessions/{session}/attendance")
	String attend(@PathVariable long id, @PathVariable long session,
			@RequestParam(name = "enrolment", required = false) List<Long> present, @AuthenticationPrincipal Actor actor,
			Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
		attempt.run(redirect, locale, request,
				() -> attendance.record(actor, id, session, present == null ? List.of() : present));
		return "redirect:/training/classes/" + id;
	}

	/** The provider's class joins an enterprise's open order before it begins (TRN-1). */
	@PostMapping("/training/classes/{id}/order")
	String joinOrder(@PathVariable long id, @RequestParam(required = false) Long orderId, @RequestParam int version,
			@AuthenticationPrincipal Actor actor, Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
		if (attempt.run(redirect, locale, request, () -> orders.attach(actor, id, orderId, version))) {
			redirect.addFlashAttribute("savedText", messages.getMessage("training.order.attach.done", null, locale));
		}
		return "redirect:/training/classes/" + id;
	}

	@PostMapping("/training/classes/{id}/complete")
	String complete(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletRequest request, RedirectAttributes redirect) {
		attempt.run(redirect, locale, request, () -> attendance.complete(actor, id));
		return "redirect:/training/classes/" + id;
	}

	@PostMapping("/training/classes/{id}/results")
	String result(@PathVariable long id, @RequestParam long enrolmentId, @RequestParam boolean passed,
			@RequestParam(required = false) String certificateType, @RequestParam(required = false) String certificateNumber,
			@AuthenticationPrincipal Actor actor, Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
		attempt.run(redirect, locale, request, () -> results.record(actor, id, List.of(new Results.Result(
				enrolmentId, passed, TrainingPageController.blank(certificateType),
				TrainingPageController.blank(certificateNumber), null))));
		return "redirect:/training/classes/" + id;
	}
}
