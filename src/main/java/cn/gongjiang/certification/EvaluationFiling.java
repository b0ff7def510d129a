package cn.gongjiang.certification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A body's filing (备案) to evaluate one occupation (CRT-1, SUB-3): a certificate it issues itself for that
 * occupation is the evaluation it is entitled to make. {@code withdrawnAt} set: no longer entitles anything.
 */
public record EvaluationFiling(long id, String evaluatorCode, String evaluatorName, Basis basis, String occupationCode,
		LocalDate validFrom, LocalDate validUntil, String filedBy, Instant filedAt, Instant withdrawnAt,
		String withdrawnReason) {

	/** How the body came to evaluate: as a registered organisation, or evaluating its own people. */
	public enum Basis {
		/** 社会培训评价组织: registered to evaluate anyone for the occupation. */
		SOCIAL_ORGANISATION,
		/** 自主评价: a school or enterprise evaluating its own students or employees. */
		OWN_EVALUATION
	}

	public boolean standing() {
		return withdrawnAt == null;
	}

	/** Whether it entitled a certificate issued on {@code day}. */
	public boolean covers(LocalDate day) {
		return standing() && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
	}

	/** What an officer files. {@code validFrom} null: today. */
	public record Request(String evaluatorCode, Basis basis, String occupationCode, LocalDate validFrom,
			LocalDate validUntil) {
	}
}
