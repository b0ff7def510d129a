package cn.gongjiang.shared;

import java.util.Arrays;
import java.util.Locale;

/** The four kinds of certificate that end a subsidised training (浙人社发〔2022〕32号 §13). */
public enum CertificateType {

	VOCATIONAL_QUALIFICATION("vocational-qualification", "职业资格证书", "Vocational qualification certificate"),
	SKILL_LEVEL("skill-level", "职业技能等级证书", "Vocational skill level certificate"),
	SPECIAL_ABILITY("special-ability", "专项职业能力证书", "Special vocational ability certificate"),
	TRAINING_COMPLETION("training-completion", "培训合格证书", "Training completion certificate");

	private final String code;
	private final String nameZh;
	private final String nameEn;

	CertificateType(String code, String nameZh, String nameEn) {
		this.code = code;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public static CertificateType fromCode(String code) {
		return Arrays.stream(values())
				.filter(t -> t.code.equals(code) || t.nameZh.equals(code))
				.findFirst()
				.orElseThrow(() -> new InvalidValueException("certificate-type.unknown", code));
	}

	public String code() {
		return code;
	}

	public String nameZh() {
		return nameZh;
	}

	public String nameEn() {
		return nameEn;
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}
}
