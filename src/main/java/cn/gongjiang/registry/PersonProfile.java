package cn.gongjiang.registry;

import java.time.LocalDate;
import java.util.List;

import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.PersonId;

/**
 * What a rule needs to know of a person (subsidy eligibility, SUB-1): never the ID number itself. {@code pension}:
 * {@code DRAWING} or {@code NOT_DRAWING} a monthly urban employee pension as recorded, null when nobody has recorded it.
 */
public record PersonProfile(PersonId personId, String idNumberMasked, String name, String sex, LocalDate birthDate,
		String hukouRegion, String hukouPath, String residencePath, List<String> groups, String employerCreditCode,
		IdNumberIndex idNumberIndex, String pension) {

	/** A person whose pension nobody has recorded. */
	public PersonProfile(PersonId personId, String idNumberMasked, String name, String sex, LocalDate birthDate,
			String hukouRegion, String hukouPath, String residencePath, List<String> groups, String employerCreditCode,
			IdNumberIndex idNumberIndex) {
		this(personId, idNumberMasked, name, sex, birthDate, hukouRegion, hukouPath, residencePath, groups,
				employerCreditCode, idNumberIndex, null);
	}

	/** Drawing a pension, as recorded (or, before it could be, by the {@code pensioner} group). */
	public boolean drawsPension() {
		return "DRAWING".equals(pension) || pension == null && groups != null && groups.contains("pensioner");
	}

	/** Recorded as drawing none. */
	public boolean drawsNoPension() {
		return "NOT_DRAWING".equals(pension);
	}
}
