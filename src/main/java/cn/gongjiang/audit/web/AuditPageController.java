package cn.gongjiang.audit.web;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.audit.AuditEvent;
import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.audit.AuditQuery;
import cn.gongjiang.shared.security.Actor;

/**
 * The auditor's page (审计管理员): the log newest first, paged by keyset since it grows without end, filtered by
 * account, action, outcome and days; one event in full with its hashes; the hash chain checked in place; the
 * filtered set as a file.
 */
@Controller
class AuditPageController {

	private static final int PAGE_SIZE = 50;

	private final AuditLog audit;
	private final AuditWords words;

	AuditPageController(AuditLog audit, AuditWords words) {
		this.audit = audit;
		this.words = words;
	}

	/** One event as the page shows it: every code in words. */
	record EventRow(AuditEvent event, String action, String role, String outcome, String scopeKind,
			String scopeValue, String detail, String hash, String previousHash, String targetKind,
			String targetReference) {
	}

	@GetMapping("/audit")
	String search(@RequestParam(required = false) String account, @RequestParam(required = false) String action,
			@RequestParam(required = false) AuditOutcome outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long after, @RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal Actor actor, Locale locale,
			Model model) {
		var query = new AuditQuery(account, action, outcome, from, to, 0, PAGE_SIZE);
		model.addAttribute("query", query);
		model.addAttribute("page", audit.browse(actor, query, after, before, page).map(e -> row(e, locale)));
		model.addAttribute("outcomes", AuditOutcome.values());
		model.addAttribute("actionGroups", AuditActions.GROUPS);
		return "audit/log";
	}

	@GetMapping("/audit/{id}")
	String event(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		model.addAttribute("e", row(audit.event(actor, id), locale));
		return "audit/event";
	}

	@PostMapping("/audit/verify")
	String verify(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("verification", audit.verify(actor));
		return "audit/verification";
	}

	private EventRow row(AuditEvent e, Locale locale) {
		var scope = AuditWords.scope(e.scope());
		var target = words.target(e.target(), locale);
		return new EventRow(e, words.action(e.action(), locale), words.role(e.role(), locale),
				words.outcome(e.outcome(), locale), scope[0], scope[1], words.detail(e.detail(), locale),
				AuditWords.hashOf(e),
				e.previousHash() == null ? null : AuditWords.grouped(HexFormat.of().formatHex(e.previousHash())),
				target[0], target[1]);
	}
}
