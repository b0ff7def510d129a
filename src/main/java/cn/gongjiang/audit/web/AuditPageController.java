package cn.gongjiang.audit.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.audit.AuditQuery;
import cn.gongjiang.shared.security.Actor;

/** The auditor's page (审计管理员): filter the log, and check the hash chain for tampering. */
@Controller
class AuditPageController {

	private final AuditLog audit;

	AuditPageController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String search(@RequestParam(required = false) String account, @RequestParam(required = false) String action,
			@RequestParam(required = false) AuditOutcome outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal Actor actor, Model model) {
		var query = new AuditQuery(account, action, outcome, from, to, page, 50);
		model.addAttribute("query", query);
		model.addAttribute("events", audit.search(actor, query));
		model.addAttribute("outcomes", AuditOutcome.values());
		return "audit/log";
	}

	@PostMapping("/audit/verify")
	String verify(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("verification", audit.verify(actor));
		return "audit/verification";
	}
}
