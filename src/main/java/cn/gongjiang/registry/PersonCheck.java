package cn.gongjiang.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gongjiang.privacy.Masking;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.PersonName;

/**
 * Checks a person's registration field by field, collecting every broken rule with the field it concerns, and turns
 * a good one into what is stored (sealed, indexed, masked, regions resolved to paths). Shared by the API, which
 * reports the first error, and the bulk import, which reports them all per row. Reference data comes in as maps, so
 * a million rows cost no query each.
 */
final class PersonCheck {

	enum Field { ID_NUMBER, NAME, SEX, BIRTH_DATE, HUKOU_REGION, RESIDENCE_REGION, MOBILE, GROUPS, EMPLOYER, SALARY_BAND }

	record Problem(Field field, String code, List<Object> arguments) {
	}

	record Result(Persons.Upsert upsert, List<Problem> problems) {

		boolean ok() {
			return problems.isEmpty();
		}
	}

	private static final java.util.regex.Pattern COUNTY_CODE = java.util.regex.Pattern.compile("\\d{6}");
	private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1\\d{10}");

	private final PersonalDataCipher cipher;
	private final Map<String, Region> regions;
	private final Map<String, String> groupsByNameOrCode;

	PersonCheck(PersonalDataCipher cipher, Map<String, Region> regions, Map<String, String> groupsByNameOrCode) {
		this.cipher = cipher;
		this.regions = regions;
		this.groupsByNameOrCode = groupsByNameOrCode;
	}

	Result check(PersonRegistration r, boolean residenceRequired) {
		var problems = new ArrayList<Problem>();
		IdNumber idNumber = null;
		if (blank(r.idNumber())) {
			problems.add(problem(Field.ID_NUMBER, "required"));
		}
		else {
			try {
				idNumber = IdNumber.parse(r.idNumber());
			}
			catch (BusinessException e) {
				problems.add(new Problem(Field.ID_NUMBER, e.code(), List.of(e.arguments())));
			}
		}
		var name = r.name() == null ? "" : r.name().strip();
		if (name.isEmpty()) {
			problems.add(problem(Field.NAME, "required"));
		}
		else if (name.length() > PersonName.MAX_LENGTH) {
			problems.add(problem(Field.NAME, "person.name.too-long"));
		}
		else if (!PersonName.valid(name)) {
			problems.add(problem(Field.NAME, "person.name.invalid"));
		}
		if (idNumber != null && !blank(r.sex()) && !sexMatches(r.sex().strip(), idNumber.male())) {
			problems.add(problem(Field.SEX, "person.sex.mismatch"));
		}
		if (idNumber != null && r.birthDate() != null && !r.birthDate().equals(idNumber.birthDate())) {
			problems.add(problem(Field.BIRTH_DATE, "person.birth-date.mismatch"));
		}
		String hukouPath = null;
		var hukou = trimmed(r.hukouRegion());
		if (hukou != null) {
			if (!COUNTY_CODE.matcher(hukou).matches()) {
				problems.add(problem(Field.HUKOU_REGION, "region.code.format", hukou));
			}
			else if (hukou.startsWith("33")) {
				var region = regions.get(hukou);
				if (region == null) {
					problems.add(problem(Field.HUKOU_REGION, "region.unknown", hukou));
				}
				else {
					hukouPath = region.path();
				}
			}
		}
		String residencePath = null;
		var residence = trimmed(r.residenceRegion());
		if (residence == null) {
			if (residenceRequired) {
				problems.add(problem(Field.RESIDENCE_REGION, "required"));
			}
		}
		else {
			var region = regions.get(residence);
			if (region == null) {
				problems.add(problem(Field.RESIDENCE_REGION, "region.unknown", residence));
			}
			else if (region.level() != RegionLevel.COUNTY) {
				problems.add(problem(Field.RESIDENCE_REGION, "region.not-county", residence));
			}
			else {
				residencePath = region.path();
			}
		}
		var mobile = trimmed(r.mobile());
		if (mobile != null && !MOBILE.matcher(mobile).matches()) {
			problems.add(problem(Field.MOBILE, "person.mobile.format"));
		}
		var groups = new ArrayList<String>();
		for (var entry : r.groups() == null ? List.<String>of() : r.groups()) {
			var value = entry == null ? "" : entry.strip();
			if (value.isEmpty()) {
				continue;
			}
			var code = groupsByNameOrCode.get(value);
			if (code == null) {
				problems.add(problem(Field.GROUPS, "person.group.unknown", value));
			}
			else if (!groups.contains(code)) {
				groups.add(code);
			}
		}
		groups.sort(null);
		var employer = trimmed(r.employerCreditCode());
		if (employer != null) {
			try {
				employer = CreditCode.parse(employer).value();
			}
			catch (BusinessException e) {
				problems.add(new Problem(Field.EMPLOYER, e.code(), List.of(e.arguments())));
			}
		}
		var salary = trimmed(r.salaryBand());
		if (salary != null) {
			try {
				salary = SalaryBand.fromCode(salary).code();
			}
			catch (BusinessException e) {
				problems.add(new Problem(Field.SALARY_BAND, e.code(), List.of(e.arguments())));
			}
		}
		if (!problems.isEmpty()) {
			return new Result(null, problems);
		}
		var number = idNumber.value();
		return new Result(new Persons.Upsert(cipher.index(number), cipher.seal(number), idNumber.masked(), name,
				idNumber.male() ? "M" : "F", idNumber.birthDate(), hukou, hukouPath, residence, residencePath,
				mobile == null ? null : cipher.seal(mobile), mobile == null ? null : cipher.index(mobile),
				mobile == null ? null : Masking.mobile(mobile), r.education(), List.copyOf(groups), employer, salary),
				List.of());
	}

	private static Problem problem(Field field, String code, Object... arguments) {
		return new Problem(field, code, List.of(arguments));
	}

	private static boolean sexMatches(String entered, boolean male) {
		return switch (entered) {
			case "M", "男" -> male;
			case "F", "女" -> !male;
			default -> false;
		};
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String trimmed(String s) {
		return blank(s) ? null : s.strip();
	}
}
