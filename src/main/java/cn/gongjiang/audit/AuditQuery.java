package cn.gongjiang.audit;

import java.time.LocalDate;

/** What the auditor filters the log by; every field optional. */
public record AuditQuery(String account, String action, AuditOutcome outcome, LocalDate from, LocalDate to,
		int page, int size) {

	public AuditQuery {
		page = Math.max(page, 0);
		size = size <= 0 || size > 200 ? 50 : size;
	}
}
