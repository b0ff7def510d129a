package cn.gongjiang.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** ENR-2, ENR-4: the deadlines and the cross-city rule of 002 三(三). */
class EnrolmentRulesTests {

	static School school(String kind, String affiliation, String city) {
		return new School("12330600MB12345675", "学校", kind, city.substring(0, 4) + "02", "/330000/" + city + "/",
				city, affiliation, "ACTIVE");
	}

	@Test
	void springClosesOnThe31stOfMarchAndAutumnOnThe31stOfOctoberInclusive() {
		assertThat(EnrolmentRules.deadlinePassed(IntakeSeason.SPRING, 2027, LocalDate.of(2027, 3, 31))).isFalse();
		assertThat(EnrolmentRules.deadlinePassed(IntakeSeason.SPRING, 2027, LocalDate.of(2027, 4, 1))).isTrue();
		assertThat(EnrolmentRules.deadlinePassed(IntakeSeason.AUTUMN, 2027, LocalDate.of(2027, 10, 31))).isFalse();
		assertThat(EnrolmentRules.deadlinePassed(IntakeSeason.AUTUMN, 2027, LocalDate.of(2027, 11, 1))).isTrue();
		assertThat(EnrolmentRules.deadlinePassed(IntakeSeason.SPRING, 2027, LocalDate.of(2026, 12, 1))).isFalse();
	}

	@Test
	void aCitysSchoolTakesItsOwnCityAndOtherProvincesOnlyTheProvincialTechnicianCollegeTakesAll() {
		var shaoxingSchool = school("TECHNICAL_SCHOOL", "CITY", "330600");
		assertThat(EnrolmentRules.crossCity(shaoxingSchool, "330683")).isFalse();
		assertThat(EnrolmentRules.crossCity(shaoxingSchool, "330106")).isTrue();
		assertThat(EnrolmentRules.crossCity(shaoxingSchool, "510104")).isFalse();
		assertThat(EnrolmentRules.crossCity(school("TECHNICIAN_COLLEGE", "PROVINCE", "330100"), "330683")).isFalse();
		assertThat(EnrolmentRules.crossCity(school("SENIOR_TECHNICAL_SCHOOL", "PROVINCE", "330100"), "330683"))
				.as("only provincial technician colleges are exempt").isTrue();
		assertThat(EnrolmentRules.crossCity(school("TECHNICIAN_COLLEGE", "CITY", "330100"), "330683")).isTrue();
	}
}
