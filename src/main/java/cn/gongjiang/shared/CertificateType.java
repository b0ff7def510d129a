package cn.gongjiang.shared;

/** The four kinds of certificate that end a subsidised training (浙人社发〔2022〕32号 §13). */
public enum CertificateType implements Listed {

	VOCATIONAL_QUALIFICATION("vocational-qualification", "职业资格证书", "Vocational qualification certificate"),
	SKILL_LEVEL("skill-level", "职业技能等级证书", "Vocational skill level certificate"),
	SPECIAL_ABILITY("special-ability", "专项职业能力证书", "Special vocational ability certificate"),
	TRAINING_COMPLETION("training-completion", "培训合格证书", "Training completion certificate");

	private final Names names;

	CertificateType(String code, String nameZh, String nameEn) {
		this.names = new Names(code, nameZh, nameEn);
	}

	public static CertificateType fromCode(String code) {
		return Listed.byCodeOrName(values(), code, "certificate-type.unknown");
	}

	@Override
	public Names names() {
		return names;
	}
}
