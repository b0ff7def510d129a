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

/**
 * The rules a certificate must meet, field by field, shared by the API (first error) and the bulk import (all errors
 * of a row). Qualification and skill-level certificates name an occupation and a grade (浙人社发〔2022〕32号 §13).
 */
final class CertificateCheck {

	enum Field { NUMBER, ID_NUMBER, NAME, TYPE, OCCUPATION, GRADE, ISSUER, ISSUED_ON }

	record Problem(Field field, String code, Object argument) {
	}

	record Checked(String number, IdNumber holder, String name, CertificateType type, String occupation,
			SkillGrade grade, String issuer, LocalDate issuedOn) {
	}

	record Result(Checked certificate, List<Problem> problems) {
	}

	private final Set<String> occupations;
	private final LocalDate today;

	CertificateCheck(Set<String> occupations, LocalDate today) {
		this.occupations = occupations;
		this.today = today;
	}

	Result check(String number, String idNumber, String name, String type, String occupation, String grade,
			String issuer, LocalDate issuedOn) {
		var problems = new ArrayList<Problem>();
		number = strip(number);
		if (number == null) {
			problems.add(new Problem(Field.NUMBER, "required", null));
		}
		else if (!number.matches("[A-Za-z0-9-]{6,40}")) {
			problems.add(new Problem(Field.NUMBER, "certificate.number.format", number));
		}
		IdNumber holder = null;
		if (strip(idNumber) == null) {
			problems.add(new Problem(Field.ID_NUMBER, "required", null));
		}
		else {
			try {
				holder = IdNumber.parse(idNumber);
			}
			catch (BusinessException e) {
				problems.add(new Problem(Field.ID_NUMBER, e.code(), null));
			}
		}
		name = strip(name);
		if (name == null) {
			problems.add(new Problem(Field.NAME, "required", null));
		}
		else if (!PersonName.valid(name)) {
			problems.add(new Problem(Field.NAME, "person.name.invalid", null));
		}
		CertificateType certificateType = null;
		if (strip(type) == null) {
			problems.add(new Problem(Field.TYPE, "required", null));
		}
		else {
			try {
				certificateType = CertificateType.fromCode(type.strip());
			}
			catch (BusinessException e) {
				problems.add(new Problem(Field.TYPE, e.code(), type));
			}
		}
		var graded = certificateType == CertificateType.SKILL_LEVEL
				|| certificateType == CertificateType.VOCATIONAL_QUALIFICATION;
		occupation = strip(occupation);
		if (occupation == null) {
			if (graded) {
				problems.add(new Problem(Field.OCCUPATION, "required", null));
			}
		}
		else if (!occupations.contains(occupation)) {
			problems.add(new Problem(Field.OCCUPATION, "occupation.unknown", occupation));
		}
		SkillGrade skillGrade = null;
		if (strip(grade) == null) {
			if (graded) {
				problems.add(new Problem(Field.GRADE, "required", null));
			}
		}
		else {
			try {
				skillGrade = SkillGrade.fromCode(stripLevel(grade.strip()));
			}
			catch (BusinessException e) {
				problems.add(new Problem(Field.GRADE, e.code(), grade));
			}
		}
		issuer = strip(issuer);
		if (issuer == null) {
			problems.add(new Problem(Field.ISSUER, "required", null));
		}
		if (issuedOn == null) {
			problems.add(new Problem(Field.ISSUED_ON, "required", null));
		}
		else if (issuedOn.isAfter(today) || issuedOn.getYear() < 1990) {
			problems.add(new Problem(Field.ISSUED_ON, "certificate.issued-on.range", issuedOn));
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
