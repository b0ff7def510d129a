package cn.gongjiang.enrolment;

import java.time.LocalDate;

/** A student's registration (学籍) at a technical school, the ID number masked. */
public record Registration(long id, String idNumberMasked, String name, String schoolCode, String specialtyCode,
		String classLevel, int intakeYear, String intakeSeason, String learnerKind, String studyMode,
		String originRegion, Long agreementId, LocalDate registeredOn, String status, LocalDate statusOn,
		String statusReason, String source) {

	/** What a school (or its officer) sends to register a student. */
	public record Request(String idNumber, String name, String schoolCode, String specialtyCode, String classLevel,
			Integer intakeYear, String intakeSeason, String learnerKind, String studyMode, String originRegionCode,
			Long agreementId) {
	}

	/** The registration's id, and whether this request made it (false: the same registration again). */
	public record Outcome(long id, boolean created) {
	}
}
