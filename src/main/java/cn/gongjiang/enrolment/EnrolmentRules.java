package cn.gongjiang.enrolment;

import java.time.LocalDate;

/** The rules of 002 三(三) that need nothing but the facts at hand. */
final class EnrolmentRules {

	private EnrolmentRules() {
	}

	/** Registrations for an intake close at the end of its deadline day (3月31日, 10月31日). */
	static boolean deadlinePassed(IntakeSeason season, int intakeYear, LocalDate today) {
		return today.isAfter(season.deadline(intakeYear));
	}

	/**
	 * 原则上不在省内跨市招生（省属技师学院除外）: a student whose origin is another Zhejiang city may not enrol at a city's
	 * school; students from other provinces are welcome everywhere.
	 */
	static boolean crossCity(School school, String originRegionCode) {
		if (!originRegionCode.startsWith("33") || school.mayEnrolAcrossCities()) {
			return false;
		}
		return !originRegionCode.substring(0, 4).equals(school.cityCode().substring(0, 4));
	}
}
