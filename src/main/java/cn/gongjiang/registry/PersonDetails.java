package cn.gongjiang.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * What is entered to register or update a person. Sex and birth date may be left empty: they are read from the ID
 * number, and when given must agree with it.
 */
public record PersonDetails(String idNumber, String name, String sex, LocalDate birthDate, String hukouRegion,
		String residenceRegion, String mobile, Education education, List<String> groups, String employerCreditCode,
		String salaryBand) {
}
