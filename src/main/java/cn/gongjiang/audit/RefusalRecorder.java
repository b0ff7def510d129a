package cn.gongjiang.audit;

import org.springframework.stereotype.Component;

import cn.gongjiang.shared.security.Refusals;

/** Hands the audit log to the officer guard in {@code shared}, so that every refusal naming its action is recorded. */
@Component
class RefusalRecorder {

	RefusalRecorder(AuditLog audit) {
		Refusals.recordWith(r -> audit.record(r.actor(), r.action(), r.target(), AuditOutcome.DENIED, r.detail()));
	}
}
