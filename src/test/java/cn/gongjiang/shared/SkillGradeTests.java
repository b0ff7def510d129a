package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** REF-3: the eight-grade sequence and who counts as high-skilled. */
class SkillGradeTests {

	@Test
	void theEightGradesRunFromApprenticeToChiefTechnician() {
		assertThat(Arrays.stream(SkillGrade.values()).map(SkillGrade::nameZh))
				.containsExactly("学徒工", "初级工", "中级工", "高级工", "技师", "高级技师", "特级技师", "首席技师");
	}

	@Test
	void highSkilledMeansSeniorWorkerAndAbove() {
		assertThat(Arrays.stream(SkillGrade.values()).filter(SkillGrade::highSkilled))
				.containsExactly(SkillGrade.SENIOR, SkillGrade.TECHNICIAN, SkillGrade.SENIOR_TECHNICIAN,
						SkillGrade.PRINCIPAL_TECHNICIAN, SkillGrade.CHIEF_TECHNICIAN);
	}

	@Test
	void andAboveIncludesEveryHigherGradeOfTheEight() {
		// SUB-1: 004 第17条 "高级技师及以上", 第8条 "中级工及以上"
		assertThat(SkillGrade.CHIEF_TECHNICIAN.atLeast(SkillGrade.SENIOR_TECHNICIAN)).isTrue();
		assertThat(SkillGrade.PRINCIPAL_TECHNICIAN.atLeast(SkillGrade.SENIOR_TECHNICIAN)).isTrue();
		assertThat(SkillGrade.TECHNICIAN.atLeast(SkillGrade.SENIOR_TECHNICIAN)).isFalse();
		assertThat(SkillGrade.atLeast("chief-technician", SkillGrade.INTERMEDIATE)).isTrue();
		assertThat(SkillGrade.atLeast("junior", SkillGrade.INTERMEDIATE)).isFalse();
		assertThat(SkillGrade.atLeast(null, SkillGrade.JUNIOR)).isFalse();
		assertThat(SkillGrade.atLeast("no-such-grade", SkillGrade.JUNIOR)).isFalse();
	}

	@Test
	void theNationalFiveLevelsArePrintedAsOnCertificates() {
		assertThat(SkillGrade.JUNIOR.nationalLabelZh()).isEqualTo("初级工(五级)");
		assertThat(SkillGrade.SENIOR_TECHNICIAN.nationalLabelZh()).isEqualTo("高级技师(一级)");
		assertThat(SkillGrade.CHIEF_TECHNICIAN.nationalLevel()).isNull();
	}

	@Test
	void aGradeIsFoundByCodeOrChineseName() {
		assertThat(SkillGrade.fromCode("technician")).isEqualTo(SkillGrade.TECHNICIAN);
		assertThat(SkillGrade.fromCode("高级工")).isEqualTo(SkillGrade.SENIOR);
		assertThatThrownBy(() -> SkillGrade.fromCode("大师")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void certificateTypesAreTheFourOfThePolicy() {
		assertThat(Arrays.stream(CertificateType.values()).map(CertificateType::nameZh))
				.containsExactly("职业资格证书", "职业技能等级证书", "专项职业能力证书", "培训合格证书");
	}

	@Test
	void aGradeReadsInTheReadersLanguageAndAnUnknownCodeAsItself() {
		assertThat(SkillGrade.labelOf("senior", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("高级工(三级)");
		assertThat(SkillGrade.labelOf("senior", java.util.Locale.ENGLISH)).isEqualTo(SkillGrade.SENIOR.nameEn());
		assertThat(SkillGrade.labelOf("不存在的等级", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("不存在的等级");
		assertThat(SkillGrade.labelOf(" ", java.util.Locale.ENGLISH)).isNull();
	}
}
