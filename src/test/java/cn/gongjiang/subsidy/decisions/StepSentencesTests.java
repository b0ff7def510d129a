package cn.gongjiang.subsidy.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import cn.gongjiang.subsidy.claims.EnterpriseSchemesTests;

/**
 * what a step says is a message key with arguments, and it reads as a sentence in Chinese and in English — every
 * key the rules can say is in both bundles, and its arguments fill every placeholder.
 */
public class StepSentencesTests {

	static Properties bundle(String name) {
		var properties = new Properties();
		try (var in = StepSentencesTests.class.getResourceAsStream("/i18n/" + name + ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return properties;
	}

	public static final Properties CHINESE = bundle("subsidy_zh_CN");
	public static final Properties ENGLISH = bundle("subsidy_en");

	/** A step as the console renders it (Spring formats with MessageFormat whenever there are arguments). */
	static String say(Step step, Properties bundle, Locale locale) {
		var pattern = bundle.getProperty(step.reason());
		assertThat(pattern).as("%s in %s", step.reason(), locale).isNotNull();
		return step.arguments().isEmpty() ? pattern : new MessageFormat(pattern, locale).format(step.argumentArray());
	}

	static String zh(Step step) {
		return say(step, CHINESE, Locale.SIMPLIFIED_CHINESE);
	}

	static String en(Step step) {
		return say(step, ENGLISH, Locale.ENGLISH);
	}

	@Test
	void theAmountSaysTheStandardAndEachUpliftInBothLanguages() {
		var lathe = TrainingSubsidyRulesTests.last(TrainingSubsidyRulesTests.of("skill-level", "6-18-01-01",
				"technician", "COMPLETED", "/330000/330600/330603/", true, 0, false, LocalDate.of(1990, 1, 1), "M", null,
				false, false));
		assertThat(zh(lathe)).isEqualTo("核定补贴 3,250 元：证书类型和等级的标准为 2,500 元，高端装备领域上浮 30%");
		assertThat(en(lathe)).isEqualTo(
				"Granted ¥3,250: the standard for the certificate type and grade is ¥2,500, plus 30% in the key field 高端装备");
		var shortageInAMountainCounty = TrainingSubsidyRulesTests.last(TrainingSubsidyRulesTests.of("skill-level",
				"4-10-01-03", "junior", "COMPLETED", "/330000/330100/330106/", false, 0, false, LocalDate.of(1990, 1, 1),
				"M", 1200, true, true));
		assertThat(zh(shortageInAMountainCounty)).isEqualTo("核定补贴 1,560 元：职业目录标准为 1,200 元，紧缺职业上浮 20%，山区县上浮 10%");
		var plain = TrainingSubsidyRulesTests.last(TrainingSubsidyRulesTests.of("special-ability", "4-10-01-03", null,
				"COMPLETED", "/330000/330100/330106/", false, 0, false, LocalDate.of(1990, 1, 1), "M", null, false, false));
		assertThat(zh(plain)).isEqualTo("核定补贴 500 元：证书类型和等级的标准为 500 元");
		assertThat(en(plain)).isEqualTo("Granted ¥500: the standard for the certificate type and grade is ¥500");
	}

	@Test
	void aRefusalSaysWhyWithItsFigures() {
		var fourth = TrainingSubsidyRules.threePerYear(TrainingSubsidyRulesTests.of("skill-level", "6-18-01-01",
				"junior", "COMPLETED", "/330000/330100/330106/", false, 3, false, LocalDate.of(1990, 1, 1), "M", null,
				false, false));
		assertThat(fourth.code()).isEqualTo("subsidy.cap-per-year");
		assertThat(zh(fourth)).isEqualTo("本年度已享受 3 次，已达每年 3 次的上限");
		assertThat(en(fourth)).isEqualTo("3 subsidised this year: the cap of 3 a year is reached");
		var retired = TrainingSubsidyRules.retirementAge(TrainingSubsidyRulesTests.of("skill-level", "6-18-01-01",
				"junior", "COMPLETED", "/330000/330100/330106/", false, 0, false, LocalDate.of(1964, 5, 1), "M", null,
				false, false));
		assertThat(zh(retired)).isEqualTo("已于 2024-05-01 达到法定退休年龄，本地政策未开放补贴");
		var overCap = EnterpriseSchemesTests.assess("APPRENTICESHIP", "ENTERPRISE",
				"idNumber=x;name=王五;contractNumber=A1;year=2026;amount=6500", null, null).refusal();
		assertThat(zh(overCap)).isEqualTo("申请金额 6,500 元，超过 6,000 元的上限");
		assertThat(en(overCap)).isEqualTo("¥6,500 claimed: over the cap of ¥6,000");
	}

	@Test
	void everyStepTheRulesCanTakeReadsInChineseAndEnglishWithNothingLeftUnfilled() {
		var steps = new ArrayList<Step>();
		for (var granted : List.of(0, 3)) {
			for (var status : new String[] { "COMPLETED", "NOT_COMPLETED", null }) {
				for (var birth : List.of(LocalDate.of(1990, 1, 1), LocalDate.of(1950, 1, 1))) {
					steps.addAll(TrainingSubsidyRules.decide(TrainingSubsidyRulesTests.of("skill-level", "6-18-01-01",
							"senior", status, "/330000/330600/330603/", true, granted, false, birth, "M", null, false,
							true)));
				}
			}
		}
		steps.addAll(TrainingSubsidyRules.decide(TrainingSubsidyRulesTests.of("honour", "6-18-01-01", "senior",
				"COMPLETED", "/330000/330600/330603/", true, 0, true, null, "M", null, false, false)));
		steps.add(TrainingSubsidyRules.oncePerOccupationAndGrade(TrainingSubsidyRulesTests.of("skill-level", "6-18-01-01",
				"senior", "COMPLETED", "/330000/330600/330603/", true, 0, true, null, "M", null, false, false)));
		for (var claim : List.of(
				new String[] { "DIRECTED_TRAINING", "ENTERPRISE", "idNumber=x;name=王五;agreementNumber=D1;year=2026", null, null },
				new String[] { "DIRECTED_TRAINING", "ENTERPRISE", "idNumber=x;name=王五;agreementNumber=D1;year=2026", "2026", null },
				new String[] { "DIRECTED_TRAINING", "ENTERPRISE", "idNumber=x;name=王五;agreementNumber=D1;year=2028", "2026;2027", null },
				new String[] { "DIRECTED_TRAINING", "ENTERPRISE", "idNumber=x;name=王五;agreementNumber=D1;year=26", null, null },
				new String[] { "DIRECTED_TRAINING", "TECHNICIAN_COLLEGE", "idNumber=x;name=王五;agreementNumber=D1;year=2026", null, null },
				new String[] { "APPRENTICESHIP", "ENTERPRISE", "idNumber=x;name=王六;contractNumber=A1;year=2026;amount=4800", null, null },
				new String[] { "APPRENTICESHIP", "ENTERPRISE", "idNumber=x;name=王五;contractNumber=A1;year=2026;amount=x", null, null },
				new String[] { "TECHNICIAN_ALLOWANCE", "ENTERPRISE/sx-high-end-equipment", "idNumber=x;name=王五;certificateNumber=C1;firstMonth=2026-01;months=2", null, "technician" },
				new String[] { "TECHNICIAN_ALLOWANCE", "ENTERPRISE/life-services", "idNumber=x;name=王五;certificateNumber=C1;firstMonth=2026-01;months=2", null, "senior" },
				new String[] { "TECHNICIAN_ALLOWANCE", "ENTERPRISE/sx-high-end-equipment", "idNumber=x;name=王五;certificateNumber=C1;firstMonth=2026-01;months=2", "2026-02", "technician" },
				new String[] { "TECHNICIAN_ALLOWANCE", "ENTERPRISE/sx-high-end-equipment", "idNumber=x;name=王五;certificateNumber=C1;firstMonth=2026-01;months=36", "2025-12", "technician" },
				new String[] { "TECHNICIAN_ALLOWANCE", "ENTERPRISE/sx-high-end-equipment", "idNumber=x;name=王五;certificateNumber=C1;firstMonth=January;months=2", null, "other:technician" },
				new String[] { "PROJECT_HIRE", "ENTERPRISE", "idNumber=x;name=王五;certificateNumber=C1;projectName=P;hiredOn=2026-01-01", null, "junior" },
				new String[] { "PROJECT_HIRE", "ENTERPRISE", "idNumber=x;name=王五;certificateNumber=C1;projectName=P;hiredOn=2026-01-01", "once", "senior" },
				new String[] { "PARTNER_SCHOOL", "TECHNICIAN_COLLEGE", "idNumber=x;name=王五;classLevel=technician;year=2026", null, null },
				new String[] { "PARTNER_SCHOOL", "TECHNICIAN_COLLEGE", "idNumber=x;name=王五;classLevel=other;year=2026", null, null },
				new String[] { "PARTNER_RETENTION", "TECHNICIAN_COLLEGE", "idNumber=x;name=王五;yearsStudied=3;insuranceMonths=8;contractYears=2", null, null },
				new String[] { "PARTNER_RETENTION", "TECHNICIAN_COLLEGE", "idNumber=x;name=王五;yearsStudied=9;insuranceMonths=5;contractYears=0", null, null },
				new String[] { "PARTNER_RETENTION", "TECHNICIAN_COLLEGE", "idNumber=x;name=王五;yearsStudied=three;insuranceMonths=8;contractYears=2", null, null },
				new String[] { "TRAINING_BASE", "ENTERPRISE", "baseName=基地;designation=绍人社〔2026〕1号", null, null },
				new String[] { "OVERSEAS_TRAINING", "ENTERPRISE", "idNumber=x;name=王五;destination=德国;days=20;amount=48000", null, null },
				new String[] { "OVERSEAS_TRAINING", "ENTERPRISE", "idNumber=x;name=王五;destination=德国;days=40;amount=48000", null, null },
				new String[] { "OVERSEAS_TRAINING", "ENTERPRISE", "idNumber=x;name=王五;destination=德国;days=x;amount=48000", null, null },
				new String[] { "STUDY_TOUR", "ENTERPRISE", "idNumber=x;name=王五;inProvince=yes;amount=8000", "2026", null },
				new String[] { "STUDY_TOUR", "ENTERPRISE", "idNumber=x;name=王五;inProvince=no;amount=18000", null, null },
				new String[] { "STUDY_TOUR", "ENTERPRISE", "name=王五;inProvince=no;amount=18000", null, null })) {
			steps.addAll(EnterpriseSchemesTests.assess(claim[0], claim[1], claim[2], claim[3], claim[4]).steps());
		}
		var reasons = new TreeSet<String>();
		for (var step : steps) {
			assertThat(step.legacy()).as("%s says why with a reason", step.rule()).isFalse();
			reasons.add(step.reason());
			for (var said : List.of(zh(step), en(step))) {
				assertThat(said).as(step.reason()).isNotBlank().doesNotContain("{", "}", "null");
			}
			assertThat(CHINESE.getProperty("subsidy.rule." + step.rule())).as("the rule %s by name", step.rule())
					.isNotNull();
			assertThat(ENGLISH.getProperty("subsidy.rule." + step.rule())).as("the rule %s by name", step.rule())
					.isNotNull();
		}
		assertThat(reasons).as("the cases reach most of what the rules can say").hasSizeGreaterThan(40);
	}
}
