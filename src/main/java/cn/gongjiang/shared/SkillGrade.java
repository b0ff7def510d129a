package cn.gongjiang.shared;

import java.util.Arrays;
import java.util.Locale;

/**
 * The eight-grade sequence of skill levels (新八级, 浙人社发〔2022〕32号 §14; 浙政办发〔2023〕 (七)), lowest first.
 * The five national levels run from 五级/初级工 to 一级/高级技师; 高级工 and above are high-skilled (高技能人才).
 */
public enum SkillGrade implements Listed {

	APPRENTICE("apprentice", "学徒工", "Apprentice", null),
	JUNIOR("junior", "初级工", "Junior worker", 5),
	INTERMEDIATE("intermediate", "中级工", "Intermediate worker", 4),
	SENIOR("senior", "高级工", "Senior worker", 3),
	TECHNICIAN("technician", "技师", "Technician", 2),
	SENIOR_TECHNICIAN("senior-technician", "高级技师", "Senior technician", 1),
	PRINCIPAL_TECHNICIAN("principal-technician", "特级技师", "Principal technician", null),
	CHIEF_TECHNICIAN("chief-technician", "首席技师", "Chief technician", null);

	private final Names names;
	private final Integer nationalLevel;

	SkillGrade(String code, String nameZh, String nameEn, Integer nationalLevel) {
		this.names = new Names(code, nameZh, nameEn);
		this.nationalLevel = nationalLevel;
	}

	public static SkillGrade fromCode(String code) {
		return Listed.byCodeOrName(values(), code, "skill-grade.unknown");
	}

	@Override
	public Names names() {
		return names;
	}

	/** 5 = 五级 … 1 = 一级; null for the grades outside the national five. */
	public Integer nationalLevel() {
		return nationalLevel;
	}

	/** 五级/初级工 as printed on certificates; the plain name where there is no national level. */
	public String nationalLabelZh() {
		return nationalLevel == null ? nameZh() : "%s(%s级)".formatted(nameZh(), "零一二三四五".charAt(nationalLevel));
	}

	/** As a reader sees it: 高级工(三级) in Chinese, the English name otherwise. */
	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn() : nationalLabelZh();
	}

	/** The grade {@code code} names, as a reader sees it; the code itself when it is none of the grades, null for none. */
	public static String labelOf(String code, Locale locale) {
		if (code == null || code.isBlank()) {
			return null;
		}
		try {
			return fromCode(code).label(locale);
		}
		catch (InvalidValueException unknown) {
			return code;
		}
	}

	public boolean highSkilled() {
		return atLeast(SENIOR);
	}

	/**
	 * "及以上" as the documents say it: this grade or a higher one on the eight-grade ladder, 学徒工 to 首席技师
	 * (so 特级技师 and 首席技师 count wherever 高级技师及以上 or 中级工及以上 does).
	 */
	public boolean atLeast(SkillGrade other) {
		return compareTo(other) >= 0;
	}

	/** {@link #atLeast} for a grade code that may be absent or unknown (then false). */
	public static boolean atLeast(String code, SkillGrade other) {
		if (code == null) {
			return false;
		}
		return Arrays.stream(values()).filter(g -> g.code().equals(code)).findFirst().map(g -> g.atLeast(other))
				.orElse(false);
	}

	public int rank() {
		return ordinal() + 1;
	}
}
