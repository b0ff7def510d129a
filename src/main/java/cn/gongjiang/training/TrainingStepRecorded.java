package cn.gongjiang.training;

import java.time.LocalDate;

import cn.gongjiang.shared.PersonId;

/**
 * A trainee's step in a class (REG-4): {@code step} ENROLLED, COMPLETED, NOT_COMPLETED (attendance), PASSED or FAILED
 * (the evaluation); {@code detail} what the step adds (attendance, the certificate number), or null. The lifelong
 * archive records it.
 */
public record TrainingStepRecorded(PersonId personId, LocalDate on, String step, long classId, String providerName,
		String occupationCode, String grade, String detail) {
}
