package cn.gongjiang.audit.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.audit.AuditEvent;
import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.audit.AuditQuery;
import cn.gongjiang.shared.security.Actor;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit log for the auditor's tools (a SIEM, the yearly assessment). */
@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit")
class AuditApiController {

	private final AuditLog audit;
	private final AuditExport export;

	AuditApiController(AuditLog audit, AuditExport export) {
		this.audit = audit;
		this.export = export;
	}

	record AuditEventView(long id, Instant occurredAt, String account, String role, String scope, String action,
			String target, AuditOutcome outcome, String clientAddress, String detail, String hash) {

		static AuditEventView of(AuditEvent e) {
			return new AuditEventView(e.id(), e.occurredAt(), e.account(), e.role(), e.scope(), e.action(),
					e.target(), e.outcome(), e.clientAddress(), e.detail(), HexFormat.of().formatHex(e.hash()));
		}
	}

	@Operation(summary = "Search the audit log, newest first (auditor only)",
			description = "page counts from 0; size at most 200. The header X-Total-Count says how many rows match, "
					+ "counted up to 10,001: that many means more than 10,000.")
	@ApiResponse(responseCode = "200", headers = @Header(name = "X-Total-Count",
			description = "Rows matching the filter, counted up to 10,001", schema = @Schema(type = "integer")))
	@GetMapping
	List<AuditEventView> search(@RequestParam(required = false) String account,
			@RequestParam(required = false) String action, @RequestParam(required = false) AuditOutcome outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@AuthenticationPrincipal Actor actor, HttpServletResponse response) {
		var query = new AuditQuery(account, action, outcome, from, to, page, size);
		response.setHeader("X-Total-Count", Long.toString(audit.count(actor, query)));
		return audit.search(actor, query).stream()
				.map(AuditEventView::of).toList();
	}

	@Operation(summary = "The filtered log as xlsx, oldest first, named 审计日志-….xlsx (auditor only; itself audited)",
			description = "The same filters as the search; actions, roles and outcomes in the reader's language, times "
					+ "in Beijing time; at most a million rows.")
	@GetMapping("/export.xlsx")
	void export(@RequestParam(required = false) String account, @RequestParam(required = false) String action,
			@RequestParam(required = false) AuditOutcome outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal Actor actor, Locale locale, HttpServletResponse response) throws IOException {
		export.write(actor, new AuditQuery(account, action, outcome, from, to, 0, 50), locale, response);
	}

	/**
	 * {@code firstId}, {@code firstPreviousHash}: where the kept log begins and the hash of the row before it (null
	 * when it is whole from its first row); {@code checkpoints}: signed checkpoints outside the database compared.
	 */
	record VerificationView(boolean intact, long checkedRows, Long firstBrokenId, String problem, Long firstId,
			Instant firstOccurredAt, String firstPreviousHash, int checkpoints) {
	}

	@Operation(summary = "Walk the hash chain and report the first row that was changed or deleted (auditor only)")
	@PostMapping("/verification")
	VerificationView verify(@AuthenticationPrincipal Actor actor) {
		var result = audit.verify(actor);
		var start = result.start();
		return new VerificationView(result.intact(), result.checkedRows(), result.firstBrokenId(), result.problem(),
				start == null ? null : start.id(), start == null ? null : start.occurredAt(),
				start == null ? null : start.previousHash(), result.checkpoints());
	}
}
