package cn.gongjiang.enrolment;

import java.time.LocalDate;

import cn.gongjiang.shared.PersonId;

/**
 * A student's registration (学籍) changed status (graduated, withdrew, transferred), with the school's name, the
 * specialty, the intake and the reason: the lifelong archive records it (REG-4).
 */
public record RegistrationStatusChanged(PersonId personId, LocalDate on, String status, String schoolName,
		String specialtyCode, int intakeYear, String intakeSeason, String reason) {
}
