package cn.gongjiang.enrolment;

import java.time.Instant;

/** A student found enrolled twice (双重学籍): both sides masked, and how the case was resolved. */
public record DuplicateCase(long id, String otherKind, Side registration, Side other, Instant foundAt, String status,
		String resolution, Long withdrawnId, String reason, String resolvedBy, Instant resolvedAt) {

	/** One enrolment: a technical-school registration (with its id) or a roster entry (without). */
	public record Side(Long registrationId, String school, String name, String idNumberMasked, String status) {
	}
}
