package cn.gongjiang.enrolment;

import java.time.LocalDate;

/**
 * A registration (学籍) was made or changed status. {@code counts}: whether it counts as enrolment now (registered,
 * graduated, or transferred in; not withdrawn nor transferred away). Receivers must be idempotent.
 */
public record RegistrationChanged(long registrationId, String schoolPath, int intakeYear, String classLevel,
		LocalDate registeredOn, String status, boolean counts) {
}
