package cn.gongjiang.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.gongjiang.privacy.Masking;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.PersonName;
import cn.gongjiang.shared.Violation;

/**
 * Checks a person's registration field by field, collecting every broken rule with the field it concerns (named as
 * in {@link PersonDetails}), and turns a good one into what is stored (sealed, indexed, masked, regions resolved
 * to paths). Shared by the API, which answers with all of them, and the bulk import, which reports them per row. Reference data comes in as maps, so
 * a million rows cost no query each.
 */
final class PersonCheck {

	record Result(Persons.Upsert upsert, List<Violation> problems) {

		boolean ok() {
			return problems.isEmpty();
		}
	}

	private static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");
	private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

	private final PersonalDataCipher cipher;
	private final Map<String, Region> regions;
	private final Map<String, String> groupsByNameOrCode;

	PersonCheck(PersonalDataCipher cipher, Map<String, Region> regions, Map<String, String> groupsByNameOrCode) {
		this.cipher = cipher;
		this.regions = regions;
		this.groupsByNameOrCode = groupsByNameOrCode;
	}

	Result check(PersonDetails r, boolean residenceRequired) {
		var problems = new ArrayList<Violation>();
		IdNumber idNumber = null;
		if (blank(r.idNumber())) {
			problems.add(Violation.of("idNumber", "required"));
		}
		else {
			try {
				idNumber = IdNumber.parse(r.idNumber());
			}
			catch (BusinessException e) {
				problems.add(Violation.of("idNumber", e.code(), e.arguments()));
			}
		}
		var name = r.name() == null ? "" : r.name().strip();
		if (name.isEmpty()) {
			problems.add(Violation.of("name", "required"));
		}
		else if (name.length() > PersonName.MAX_LENGTH) {
			problems.add(Violation.of("name", "person.name.too-long"));
		}
		else if (!PersonName.valid(name)) {
			problems.add(Violation.of("name", "person.name.invalid"));
		}
		if (idNumber != null && !blank(r.sex()) && !sexMatches(r.sex().strip(), idNumber.male())) {
			problems.add(Violation.of("sex", "person.sex.mismatch"));
		}
		if (idNumber != null && r.birthDate() != null && !r.birthDate().equals(idNumber.birthDate())) {
			problems.add(Violation.of("birthDate", "person.birth-date.mismatch"));
		}
		String hukouPath = null;
		var hukou = trimmed(r.hukouRegion());
		if (hukou != null) {
			if (!COUNTY_CODE.matcher(hukou).matches()) {
				problems.add(Violation.of("hukouRegion", "region.code.format", hukou));
			}
			else if (hukou.startsWith("33")) {
				var region = regions.get(hukou);
				if (region == null) {
					problems.add(Violation.of("hukouRegion", "region.unknown", hukou));
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
				problems.add(Violation.of("residenceRegion", "required"));
			}
		}
		else {
			var region = regions.get(residence);
			if (region == null) {
				problems.add(Violation.of("residenceRegion", "region.unknown", residence));
			}
			else if (region.level() != RegionLevel.COUNTY) {
				problems.add(Violation.of("residenceRegion", "region.not-county", residence));
			}
			else {
				residencePath = region.path();
			}
		}
		var mobile = trimmed(r.mobile());
		if (mobile != null && !MOBILE.matcher(mobile).matches()) {
			problems.add(Violation.of("mobile", "person.mobile.format"));
		}
		var groups = new ArrayList<String>();
		for (var entry : r.groups() == null ? List.<String>of() : r.groups()) {
			var value = entry == null ? "" : entry.strip();
			if (value.isEmpty()) {
				continue;
			}
			var code = groupsByNameOrCode.get(value);
			if (code == null) {
				problems.add(Violation.of("groups", "person.group.unknown", value));
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
				problems.add(Violation.of("employerCreditCode", e.code(), e.arguments()));
			}
		}
		var salary = trimmed(r.salaryBand());
		if (salary != null) {
			try {
				salary = SalaryBand.fromCode(salary).code();
			}
			catch (BusinessException e) {
				problems.add(Violation.of("salaryBand", e.code(), e.arguments()));
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
