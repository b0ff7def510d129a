package cn.gongjiang.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.PersonName;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.Violation;

/**
 * The rules a certificate must meet, field by field (named as in {@link CertificateRequest}, and {@code issuer}),
 * shared by the API and the bulk import, which both report every broken rule. Qualification and skill-level
 * certificates name an occupation and a grade (浙人社发〔2022〕32号 §13).
 */
final class CertificateCheck {

	record Checked(String number, IdNumber holder, String name, CertificateType type, String occupation,
			SkillGrade grade, String issuer, LocalDate issuedOn) {
	}

	record Result(Checked certificate, List<Violation> problems) {
	}

	private final Set<String> occupations;
	private final LocalDate today;

	CertificateCheck(Set<String> occupations, LocalDate today) {
		this.occupations = occupations;
		this.today = today;
	}

	Result check(String number, String idNumber, String name, String type, String occupation, String grade,
			String issuer, LocalDate issuedOn) {
		var problems = new ArrayList<Violation>();
		number = strip(number);
		if (number == null) {
			problems.add(Violation.of("number", "required"));
		}
		else if (!number.matches("[A-Za-z0-9-]{6,40}")) {
			problems.add(Violation.of("number", "certificate.number.format", number));
		}
		IdNumber holder = null;
		if (strip(idNumber) == null) {
			problems.add(Violation.of("holderIdNumber", "required"));
		}
		else {
			try {
				holder = IdNumber.parse(idNumber);
			}
			catch (BusinessException e) {
				problems.add(Violation.of("holderIdNumber", e.code()));
			}
		}
		name = strip(name);
		if (name == null) {
			problems.add(Violation.of("holderName", "required"));
		}
		else if (!PersonName.valid(name)) {
			problems.add(Violation.of("holderName", "person.name.invalid"));
		}
		CertificateType certificateType = null;
		if (strip(type) == null) {
			problems.add(Violation.of("type", "required"));
		}
		else {
			try {
				certificateType = CertificateType.fromCode(type.strip());
			}
			catch (BusinessException e) {
				problems.add(Violation.of("type", e.code(), type));
			}
		}
		var graded = certificateType == CertificateType.SKILL_LEVEL
				|| certificateType == CertificateType.VOCATIONAL_QUALIFICATION;
		occupation = strip(occupation);
		if (occupation == null) {
			if (graded) {
				problems.add(Violation.of("occupationCode", "required"));
			}
		}
		else if (!occupations.contains(occupation)) {
			problems.add(Violation.of("occupationCode", "occupation.unknown", occupation));
		}
		SkillGrade skillGrade = null;
		if (strip(grade) == null) {
			if (graded) {
				problems.add(Violation.of("grade", "required"));
			}
		}
		else {
			try {
				skillGrade = SkillGrade.fromCode(stripLevel(grade.strip()));
			}
			catch (BusinessException e) {
				problems.add(Violation.of("grade", e.code(), grade));
			}
		}
		issuer = strip(issuer);
		if (issuer == null) {
			problems.add(Violation.of("issuer", "required"));
		}
		if (issuedOn == null) {
			problems.add(Violation.of("issuedOn", "required"));
		}
		else if (issuedOn.isAfter(today) || issuedOn.getYear() < 1990) {
			problems.add(Violation.of("issuedOn", "certificate.issued-on.range", issuedOn));
		}
		if (!problems.isEmpty()) {
			return new Result(null, problems);
		}
		return new Result(new Checked(number, holder, name, certificateType, occupation, skillGrade, issuer, issuedOn),
				List.of());
	}

	/** "高级工(三级)" and "三级/高级工" as printed are read as the grade's name. */
	private static String stripLevel(String grade) {
		return grade.replaceAll("[（(].*[)）]", "").replaceAll("^[一二三四五]级/", "").strip();
	}

	private static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
