package cn.gongjiang.registry;

import java.time.LocalDate;
import java.util.List;

/** What a rule needs to know of a person (subsidy eligibility, SUB-1): never the ID number itself. */
public record PersonProfile(long personId, String idNumberMasked, String name, String sex, LocalDate birthDate,
		String hukouRegion, String hukouPath, String residencePath, List<String> groups, String employerCreditCode,
		String idNumberIndex) {
}
