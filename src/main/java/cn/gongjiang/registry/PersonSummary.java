package cn.gongjiang.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as lists and most screens show them: the ID and mobile numbers masked, the employer by name as well as
 * by credit code (null when the registry does not know the enterprise).
 */
public record PersonSummary(long id, String name, String idNumber, String sex, LocalDate birthDate, String hukouRegion,
		String residenceRegion, String mobile, Education education, List<String> groups, String employerCreditCode,
		String salaryBand, int version, String employerName, String pension, String pensionSource,
		LocalDate pensionAsOf) {
}
